import type { PlatformCode } from '../generated/graphql';
import type { PlatformSettings } from './platformSettings';
import { PLATFORM_MODULES, type AnyPlatformModule, type PlatformEntry, type PlatformRegistry } from './registry';
import { guardPolicyFor } from './resilience/policy';
import { UpstreamGuard } from './resilience/upstreamGuard';

/** Builds every adapter once, at start-up, from the validated settings (`GatewayConfig.platforms`). */
export function buildPlatformRegistry(config: { platforms: Record<PlatformCode, PlatformSettings> }): PlatformRegistry {
  return new Map(PLATFORM_MODULES.map((module) => [module.code, buildEntry(module, config.platforms[module.code])]));
}

function buildEntry(module: AnyPlatformModule, settings: PlatformSettings): PlatformEntry {
  const guard = new UpstreamGuard(module.code, guardPolicyFor(settings));
  const adapter = module.createAdapter({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, guard });
  return { module, adapter, sandbox: settings.sandbox, guard };
}
