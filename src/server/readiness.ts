import type { GatewayConfig } from '../config/config';
import type { SharedState } from '../cache/buildSharedLookups';
import type { PlatformRegistry } from '../platforms/registry';
import type { RedisConnection } from '../redis/redisConnection';

/**
 * Per platform: where it is served from, whether it has credentials, its breakers and its last error;
 * the cache's tiers; the shared Redis (`redis`: null without REDIS_URL, else its up/down state).
 * Always answered with HTTP 200: `degraded` (an open breaker, Redis down) still serves, so a load
 * balancer must not take the instance out for it.
 */
export function readiness(
  platforms: PlatformRegistry,
  credentials: GatewayConfig['credentials'],
  shared: SharedState,
  redis: RedisConnection | null,
): Record<string, unknown> {
  const report = Object.fromEntries(
    [...platforms].map(([code, entry]) => [
      code,
      { configured: credentials[code] !== undefined, sandbox: entry.sandbox, ...entry.guard.status() },
    ]),
  );
  const open = Object.values(report).some((p) => Object.values(p.breakers).includes('open'));
  const redisDown = redis !== null && redis.status().status === 'down';
  return { status: open || redisDown ? 'degraded' : 'ready', platforms: report, cache: shared.status(), redis: redis?.status() ?? null };
}
