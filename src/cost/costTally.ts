/**
 * Adds up an operation's worst-case upstream calls per platform as the resolvers would spend them:
 * every lookup of a platform in the operation is one batch (ProductLoaders: distinct ids, united
 * selection, chunks of `maxIdsPerCall`), each catalog field reads its own pages, and a platform that
 * is reached at all may first fetch an access token. Ids and fields the resolvers refuse before any
 * call (malformed ids, a platform without lookups or credentials) add nothing.
 */
import type { PlatformCode } from '../generated/graphql';
import { unionOf } from '../loaders/selection';
import type { ProductSelection } from '../platforms/types';
import type { CostContext } from './estimateCost';

interface PlatformLookups {
  ids: Set<string>;
  selections: ProductSelection[];
}

export class CostTally {
  private readonly lookups = new Map<PlatformCode, PlatformLookups>();
  private readonly listings = new Map<PlatformCode, number>();

  constructor(private readonly ctx: CostContext) {}

  /** Ids looked up on `platform` with `selection` (`product`, `products`, `node`, `_entities`). */
  addLookup(platform: PlatformCode, ids: readonly string[], selection: ProductSelection): void {
    const adapter = this.ctx.platforms.get(platform)?.adapter;
    if (!adapter?.lookup || this.ctx.credentials[platform] === undefined) return;
    let entry = this.lookups.get(platform);
    if (!entry) this.lookups.set(platform, (entry = { ids: new Set(), selections: [] }));
    for (const id of ids) if (adapter.validateId(id) === undefined) entry.ids.add(id);
    entry.selections.push(selection);
  }

  /** Calls of one catalog field, by platform. */
  addListing(calls: ReadonlyMap<PlatformCode, number>): void {
    for (const [platform, n] of calls) this.listings.set(platform, (this.listings.get(platform) ?? 0) + n);
  }

  /** Calls by platform, token fetches included; platforms without calls are left out. */
  byPlatform(): Map<PlatformCode, number> {
    const calls = new Map<PlatformCode, number>();
    for (const [platform, { ids, selections }] of this.lookups) {
      if (ids.size === 0) continue;
      const adapter = this.ctx.platforms.get(platform)!.adapter;
      const perCall = adapter.capabilities.maxIdsPerCall ?? 1;
      calls.set(platform, adapter.lookupCalls?.(ids.size, unionOf(selections)) ?? Math.ceil(ids.size / perCall));
    }
    for (const [platform, n] of this.listings) calls.set(platform, (calls.get(platform) ?? 0) + n);
    for (const [platform, n] of calls) {
      if (n > 0) calls.set(platform, n + (this.ctx.platforms.get(platform)!.adapter.capabilities.accessTokenCalls ?? 0));
    }
    return calls;
  }
}
