import type { CacheSettings } from '../config/cache';
import { LookupCoalescer } from '../coalescing/lookupCoalescer';
import type { PlatformRegistry } from '../platforms/registry';
import type { RedisConnection, RedisStatus } from '../redis/redisConnection';
import { EntityCache } from './entityCache';
import { SharedLookups } from './sharedLookups';
import { TieredStore } from './tieredStore';

export interface SharedState {
  lookups: SharedLookups;
  /** For /readyz: whether the cache is on, and its Redis tier's state (null: none). */
  status(): { enabled: boolean; redis: RedisStatus | null };
}

/**
 * The server's cache and coalescing layer, from its settings; `redis` (the process's shared connection,
 * or null) is the cache's second tier; `now` is the cache's clock (tests inject one).
 */
export function buildSharedLookups(
  platforms: PlatformRegistry,
  settings: CacheSettings,
  redis: RedisConnection | null,
  now: () => number = Date.now,
): SharedState {
  const coalescer = new LookupCoalescer(platforms, { windowMs: settings.batchWindowMs, backgroundGatherMs: settings.refreshGatherMs });
  const tier = settings.enabled ? redis : null;
  const cache = settings.enabled
    ? new EntityCache(settings, new TieredStore({ maxBytes: settings.maxBytes, redis: tier, keyPrefix: tier?.keyPrefix ?? '', now }), now)
    : null;
  return {
    lookups: new SharedLookups(coalescer, cache),
    status: () => ({ enabled: settings.enabled, redis: tier?.status() ?? null }),
  };
}
