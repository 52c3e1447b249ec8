import type { GraphQLResolveInfo } from 'graphql';
import type { PlatformCode, Product, QueryResolvers } from '../generated/graphql';
import type { GatewayContext } from '../server/context';
import { fromProductGlobalId } from '../platforms/fromProductGlobalId';
import { selectionOf } from '../loaders/selection';
import { GatewayError } from '../platforms/gatewayError';
import type { ProductSelection } from '../platforms/types';
import { hasFieldIssues } from '../platforms/fieldIssues';
import { reportFieldIssues, responsePathOf } from './fieldIssues';

/** Most ids one `products` field takes; more is refused rather than truncated. */
export const MAX_IDS_PER_FIELD = 500;

export const queryResolvers: QueryResolvers<GatewayContext> = {
  platforms: (_parent, _args, ctx) => [...ctx.platforms.values()],
  platform: (_parent, { code }, ctx) => ctx.platforms.get(code) ?? null,

  product: (_parent, { platform, id }, ctx, info) => reporting(ctx, info, lookupFor(ctx, platform)(id, selectionOf(info))),

  products: (_parent, { platform, ids }, ctx, info) => {
    if (ids.length > MAX_IDS_PER_FIELD) {
      throw new GatewayError('BAD_USER_INPUT', `products takes at most ${MAX_IDS_PER_FIELD} ids, got ${ids.length}`, { argument: 'ids' });
    }
    const lookup = lookupFor(ctx, platform);
    const selection = selectionOf(info);
    // One entry per id, in order: a failed id is a rejected entry, which GraphQL turns into null plus
    // an error located at that index, leaving the other entries intact.
    return ids.map((id, i) => reporting(ctx, info, lookup(id, selection), i));
  },

  node: (_parent, { id }, ctx, info) => {
    const decoded = fromProductGlobalId(id);
    if (!decoded) throw new GatewayError('BAD_USER_INPUT', `"${id}" is not a global id issued by this gateway`, { argument: 'id' });
    return reporting(ctx, info, lookupFor(ctx, decoded.platform)(decoded.platformProductId, selectionOf(info)));
  },
};

/**
 * The product, once its unmappable values (if any) are reported at their paths below the field's (or
 * its entry's, `index`). A plain `then`: it runs for every id, so it stays as cheap as a lookup allows.
 */
function reporting(ctx: GatewayContext, info: GraphQLResolveInfo, product: Promise<Product>, index?: number): Promise<Product> {
  return product.then((resolved) => {
    if (hasFieldIssues(resolved)) {
      const path = responsePathOf(info);
      reportFieldIssues(ctx, resolved, info, index === undefined ? path : [...path, index], true);
    }
    return resolved;
  });
}
/** The platform's lookup, with each id's syntax checked before it can reach a batch. */
export function lookupFor(ctx: GatewayContext, platform: PlatformCode): (id: string, selection: ProductSelection) => Promise<Product> {
  const load = ctx.loaders.forPlatform(platform);
  const adapter = ctx.platforms.get(platform)!.adapter;
  // Without lookups, `load` rejects with UNSUPPORTED_OPERATION, which says more than any id check.
  if (!adapter.lookup) return load;
  // Not async: an async wrapper returning `load`'s promise costs three more promise jobs per id.
  return (id, selection) => {
    const problem = adapter.validateId(id);
    if (problem !== undefined) {
      return Promise.reject(new GatewayError('BAD_USER_INPUT', `invalid ${platform} product id "${id}": ${problem}`, { platform, id }));
    }
    return load(id, selection);
  };
}
