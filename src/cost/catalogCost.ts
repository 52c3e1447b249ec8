/**
 * Worst-case calls of one `catalog` field, from its arguments (src/listing/: readPlan, pageWindow).
 * Each platform's plan says its streams; each stream reads the pages holding `first` items from its
 * position, at the list API's page size, and the products returned may be completed (e.g. WeChat SKU
 * details). Arguments the listing refuses before any call (bad `first`, a filter a platform cannot
 * apply, no list API or credentials) cost nothing.
 */
import type { PlatformCode, ProductFilter } from '../generated/graphql';
import { pageSizeOf } from '../listing/limits';
import { listablePlatforms, prepareListing, type PreparedListing } from '../listing/platformListing';
import type { ProductSelection } from '../platforms/types';
import type { CostContext } from './estimateCost';

export interface CatalogCostArgs {
  platform?: PlatformCode | null;
  filter?: ProductFilter | null;
  first?: number | null;
  after?: string | null;
}

export function catalogCost(ctx: CostContext, args: CatalogCostArgs, nodeSelection: ProductSelection): Map<PlatformCode, number> {
  const calls = new Map<PlatformCode, number>();
  let first: number;
  let prepared: PreparedListing[];
  try {
    first = pageSizeOf(args.first);
    const platforms = args.platform ? [args.platform] : listablePlatforms(ctx);
    prepared = platforms.map((platform) => prepareListing(ctx, platform, args.filter, nodeSelection));
  } catch {
    return calls;
  }
  for (const p of prepared) calls.set(p.platform, pageCalls(p, first, Boolean(args.after)));
  // A page holds `first` products in all, however the platforms share it, and completing one product
  // takes at most one call (the `completionCalls` contract).
  let completion = Math.min(
    first,
    prepared.reduce((sum, p) => sum + completionCalls(p, first), 0),
  );
  for (const p of prepared) {
    const n = Math.min(completion, completionCalls(p, first));
    calls.set(p.platform, calls.get(p.platform)! + n);
    completion -= n;
  }
  return calls;
}

/**
 * Pages one platform reads for `first` items. Merged streams each read a window of `first`; from a
 * cursor the window may straddle one more page. Concatenated streams are read one after the other:
 * every stream reached costs a page even when it is empty, so several streams cost up to one page
 * each plus the pages the items fill.
 */
function pageCalls({ plan, listing }: PreparedListing, first: number, fromCursor: boolean): number {
  const pages = Math.ceil(first / listing.maxPageSize) + (fromCursor ? 1 : 0);
  if (plan.combine === 'merge') return plan.streams.length * pages;
  return plan.streams.length === 1 ? pages : plan.streams.length + pages;
}

function completionCalls({ plan }: PreparedListing, products: number): number {
  if (!plan.complete) return 0;
  return plan.completionCalls?.(products) ?? products;
}
