import type { PlatformCode } from '../generated/graphql';
import type { PlatformSettings } from './platformSettings';
import { PLATFORM_MODULES, type AnyPlatformModule, type PlatformEntry, type PlatformRegistry } from './registry';
import { guardPolicyFor } from './resilience/policy';
import { UpstreamGuard, type SharedQuota } from './resilience/upstreamGuard';
import type { RedisConnection } from '../redis/redisConnection';

/**
 * Builds every adapter once, at start-up, from the validated settings (`GatewayConfig.platforms`).
 * `redis`: the process's shared Redis connection (index.ts opens it), or null for local state only;
 * with it, each credential's quota is paced across the `replicas` (REPLICAS) through Redis.
 */
export function buildPlatformRegistry(
  config: { platforms: Record<PlatformCode, PlatformSettings>; replicas?: number },
  redis: RedisConnection | null = null,
): PlatformRegistry {
  const sharedQuota = redis ? { redis, replicas: config.replicas ?? 1 } : null;
  return new Map(PLATFORM_MODULES.map((module) => [module.code, buildEntry(module, config.platforms[module.code], redis, sharedQuota)]));
}

function buildEntry(
  module: AnyPlatformModule,
  settings: PlatformSettings,
  redis: RedisConnection | null,
  sharedQuota: SharedQuota | null,
): PlatformEntry {
  const guard = new UpstreamGuard(module.code, guardPolicyFor(settings), { sharedQuota });
  const adapter = module.createAdapter({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, guard, redis });
  return { module, adapter, sandbox: settings.sandbox, guard };
}
