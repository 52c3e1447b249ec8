/**
 * What a listing needs of one platform: its listing, credentials and plan for a filter. Errors here
 * (no list API, no credentials, a filter it cannot apply) fail the whole `catalog` field.
 */
import type { PlatformCode, Product, ProductFilter } from '../generated/graphql';
import type { CallContext, ListPlan, PlatformListing, ProductSelection } from '../platforms/types';
import type { GatewayContext } from '../server/context';
import { GatewayError } from '../platforms/gatewayError';
import { checkFilterFields } from './filterFields';
import { withPageCache } from '../cache/cachedListing';

export interface PreparedListing {
  platform: PlatformCode;
  listing: PlatformListing<unknown>;
  plan: ListPlan<unknown>;
  call: CallContext<unknown>;
}

/** `loaders` is absent where only the plan is wanted (the cost estimate): no page cache then. */
export function prepareListing(
  ctx: Pick<GatewayContext, 'platforms' | 'credentials' | 'deadline'> & Partial<Pick<GatewayContext, 'loaders'>>,
  platform: PlatformCode,
  filter: ProductFilter | null | undefined,
  selection: ProductSelection,
): PreparedListing {
  const listing = ctx.platforms.get(platform)?.adapter.listing;
  if (!listing) throw new GatewayError('UNSUPPORTED_OPERATION', `${platform} has no list API; look its products up by id`, { platform });
  const credentials = ctx.credentials[platform];
  if (credentials === undefined)
    throw new GatewayError('PLATFORM_NOT_CONFIGURED', `${platform} has no credentials configured`, { platform });
  checkFilterFields(platform, filter, listing.filters);
  const planned = listing.plan(filter ?? {}, selection);
  const cacheUse = ctx.loaders?.listingCache();
  const plan = cacheUse ? withPageCache(planned, cacheUse, { platform, credentials, filter: filter ?? {}, selection }) : planned;
  return { platform, listing, plan, call: { credentials, deadline: ctx.deadline } };
}

/** Platforms a merged catalog covers: those with a list API and credentials, in registry order. */
export function listablePlatforms(ctx: Pick<GatewayContext, 'platforms' | 'credentials'>): PlatformCode[] {
  return [...ctx.platforms].filter(([code, entry]) => entry.adapter.listing && ctx.credentials[code] !== undefined).map(([code]) => code);
}

/** Lets lookups of the same operation reuse the listed products (see ProductLoaders.prime). */
export function primeLoaders(
  ctx: GatewayContext,
  prepared: PreparedListing,
  products: readonly Product[],
  listSelection: ProductSelection,
): void {
  // `raw` differs between list and lookup records unless the listing itself fetched it for `raw`.
  const covers = (selection: ProductSelection) => prepared.plan.covers(selection) && (!selection.has('raw') || listSelection.has('raw'));
  ctx.loaders.prime(prepared.platform, products, covers);
}

export async function completeProducts(prepared: PreparedListing, products: Product[]): Promise<Product[]> {
  if (!prepared.plan.complete || products.length === 0) return products;
  return prepared.plan.complete(products, prepared.call);
}
