/** `catalog(platform: ...)`: one platform's listing as a connection. */
import type { PlatformCode, ProductFilter } from '../generated/graphql';
import type { ProductSelection } from '../platforms/types';
import type { GatewayContext } from '../server/context';
import { toConnection, type CatalogConnection } from './connection';
import { bindingOf, decodeCursor, encodeCursor } from './cursor';
import { completeProducts, prepareListing, primeLoaders } from './platformListing';
import { positionFor, readPlan, startOf } from './readPlan';

export interface CatalogArgs {
  filter: ProductFilter | null | undefined;
  first: number;
  after: string | null | undefined;
  /** The selection below `edges.node`, for priming. */
  nodeSelection: ProductSelection;
}

export async function listPlatformCatalog(ctx: GatewayContext, platform: PlatformCode, args: CatalogArgs): Promise<CatalogConnection> {
  const prepared = prepareListing(ctx, platform, args.filter, args.nodeSelection);
  const binding = bindingOf([platform], args.filter);
  const start = args.after ? positionFor(prepared.plan, decodeCursor(args.after, binding)) : startOf(prepared.plan);
  const page = await readPlan(prepared.plan, start, args.first, prepared.listing.maxPageSize, prepared.call);
  const products = await completeProducts(prepared, page.products);
  primeLoaders(ctx, prepared, products, args.nodeSelection);
  const cursors = page.after.map((position) => encodeCursor(binding, position));
  return toConnection(
    products,
    cursors,
    page.hasMore,
    start.some((n) => n > 0),
    page.total,
  );
}
