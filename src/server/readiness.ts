import type { GatewayConfig } from '../config/config';
import type { SharedState } from '../cache/buildSharedLookups';
import type { PlatformRegistry } from '../platforms/registry';

/** Per platform: where it is served from, whether it has credentials, its breakers and its last error; the cache's tiers. */
export function readiness(
  platforms: PlatformRegistry,
  credentials: GatewayConfig['credentials'],
  shared: SharedState,
): Record<string, unknown> {
  const report = Object.fromEntries(
    [...platforms].map(([code, entry]) => [
      code,
      { configured: credentials[code] !== undefined, sandbox: entry.sandbox, ...entry.guard.status() },
    ]),
  );
  const open = Object.values(report).some((p) => Object.values(p.breakers).includes('open'));
  // A Redis tier that is down is reported, not a reason to take the instance out: memory serves alone.
  return { status: open ? 'degraded' : 'ready', platforms: report, cache: shared.status() };
}
