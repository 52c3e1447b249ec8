/**
 * What the caches served one request, for `extensions.cache` of its answer: the counts live on the
 * request's RequestUsage (hits, misses, stale), the stale entries served with their age here.
 */
import type { PlatformCode } from '../generated/graphql';
import type { RequestUsage } from '../platforms/requestUsage';

export interface StaleServed {
  platform: PlatformCode;
  id: string;
  /** Seconds since the oldest field served was fetched upstream. */
  ageSeconds: number;
  /** `revalidating`: within the stale-while-revalidate window, a refresh runs; `upstreamError`: the upstream failed. */
  reason: 'revalidating' | 'upstreamError';
}

export interface CacheReport {
  hits: number;
  misses: number;
  stale: StaleServed[];
}

const served = new WeakMap<RequestUsage, StaleServed[]>();

export function recordStale(usage: RequestUsage | undefined, entry: StaleServed): void {
  if (!usage) return;
  usage.cacheStale++;
  let list = served.get(usage);
  if (!list) served.set(usage, (list = []));
  list.push(entry);
}

/** The report of a request that used the entity cache; undefined when it did not. */
export function cacheReportOf(usage: RequestUsage): CacheReport | undefined {
  if (usage.cacheHits === 0 && usage.cacheMisses === 0) return undefined;
  return { hits: usage.cacheHits, misses: usage.cacheMisses, stale: served.get(usage) ?? [] };
}
