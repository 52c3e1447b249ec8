import type { CacheSettings } from '../config/cache';
import { LookupCoalescer } from '../coalescing/lookupCoalescer';
import type { PlatformRegistry } from '../platforms/registry';
import { EntityCache } from './entityCache';
import { RedisTier, type RedisTierStatus } from './redisTier';
import { SharedLookups } from './sharedLookups';
import { TieredStore } from './tieredStore';

export interface SharedState {
  lookups: SharedLookups;
  /** For /readyz. */
  status(): { enabled: boolean; redis: RedisTierStatus | null };
  close(): Promise<void>;
}

/** The server's cache and coalescing layer, from its settings; `now` is the cache's clock (tests inject one). */
export function buildSharedLookups(platforms: PlatformRegistry, settings: CacheSettings, now: () => number = Date.now): SharedState {
  const coalescer = new LookupCoalescer(platforms, { windowMs: settings.batchWindowMs, backgroundGatherMs: settings.refreshGatherMs });
  const redis = settings.enabled && settings.redis ? new RedisTier(settings.redis.url, settings.redis.timeoutMs) : null;
  const cache = settings.enabled
    ? new EntityCache(
        settings,
        new TieredStore({ maxBytes: settings.maxBytes, redis, keyPrefix: settings.redis?.keyPrefix ?? '', now }),
        now,
      )
    : null;
  return {
    lookups: new SharedLookups(coalescer, cache),
    status: () => ({ enabled: settings.enabled, redis: redis?.status() ?? null }),
    close: async () => redis?.close(),
  };
}
