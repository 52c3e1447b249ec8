/**
 * Upstream list pages through the cache: a page (platform, credential, filter, selection, stream,
 * page number) fetched within CACHE_LISTING_MS is reused, and the products of a page fetched upstream
 * fill the entity cache with the fields they carry, when the listing carries the whole selection.
 * Plans that complete their pages with further calls are left alone.
 */
import type { Product, ProductFilter } from '../generated/graphql';
import { credentialFingerprint } from '../coalescing/credentialFingerprint';
import type { ListPlan, PlatformCode, ProductSelection } from '../platforms/types';
import type { EntityCache } from './entityCache';
import { BatchSizeEstimate } from './tieredStore';

export interface ListingCacheUse {
  cache: EntityCache;
  /** `Cache-Control: no-cache`: fetch every page upstream (and store it). */
  freshRead: boolean;
}

export function withPageCache<C>(
  plan: ListPlan<C>,
  use: ListingCacheUse,
  listing: { platform: PlatformCode; credentials: unknown; filter: ProductFilter; selection: ProductSelection },
): ListPlan<C> {
  // A plan that completes its pages (WeChat SKU details) keeps per-plan state about the products of its
  // own pages (src/platforms/wechat/list.ts): its pages cannot be reused by another plan.
  if (plan.complete) return plan;
  const { cache, freshRead } = use;
  const { platform, selection } = listing;
  const fingerprint = credentialFingerprint(platform, listing.credentials);
  const identity = `${JSON.stringify(listing.filter)}|${[...selection].sort().join(',')}`;
  // `raw` differs between list and lookup records.
  const fills = !selection.has('raw') && plan.covers(selection);
  const streams = plan.streams.map((stream, i) => ({
    firstPage: stream.firstPage,
    fetchPage: async (page: number, pageSize: number, call: Parameters<typeof stream.fetchPage>[2]) => {
      const key = `${identity}|${i}|${pageSize}|${page}`;
      const epoch = cache.epoch();
      const cached = freshRead ? undefined : await cache.readPage(platform, fingerprint, key);
      if (cached) return cached;
      const fetched = await stream.fetchPage(page, pageSize, call);
      cache.writePage(platform, fingerprint, key, fetched, epoch);
      if (fills) void fillEntities(cache, platform, fingerprint, fetched.products, selection, epoch);
      return fetched;
    },
  }));
  return { ...plan, streams };
}

async function fillEntities(
  cache: EntityCache,
  platform: PlatformCode,
  fingerprint: string,
  products: readonly Product[],
  selection: ProductSelection,
  epoch: number,
): Promise<void> {
  const keys = cache.keys(
    platform,
    fingerprint,
    products.map((p) => p.platformProductId),
  );
  const previous = await cache.read(keys);
  const now = cache.now();
  const sizes = new BatchSizeEstimate();
  products.forEach((product, i) => cache.writeProduct(keys[i]!, previous[i], product, selection, epoch, now, sizes));
}
