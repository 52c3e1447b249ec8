/**
 * Federation entity references (`_entities`). Every representation resolves through the request's
 * ProductLoaders, exactly like `product`, `products` and `node`: references of one platform in one
 * operation form one batch, chunked to the platform's maximum. A malformed representation is refused
 * with BAD_USER_INPUT before anything reaches a loader, so it never costs an upstream call.
 */
import type { GraphQLFieldResolver } from 'graphql';
import type { PlatformCode, ProductResolvers, SkuResolvers } from '../generated/graphql';
import { NotFoundError } from '../platforms/errors';
import { copyFieldIssues, hasFieldIssues } from '../platforms/fieldIssues';
import { fromProductGlobalId, fromSkuGlobalId } from '../platforms/fromProductGlobalId';
import type { ProductSelection } from '../platforms/types';
import type { GatewayContext } from '../server/context';
import { GatewayError } from '../platforms/gatewayError';
import { entitySelectionOf, entitySelectionSetsOf, type EntityTypeName } from './entitySelection';
import { reportFieldIssuesIn, responsePathOf } from './fieldIssues';
import { lookupFor } from './query';

const ENTITY_TYPES: ReadonlySet<string> = new Set<EntityTypeName>(['Product', 'Sku']);

/** A representation as it arrives: `_Any` is whatever JSON the caller sent. */
type Representation = Record<string, unknown>;

export const productEntityResolvers: Pick<ProductResolvers<GatewayContext>, '__resolveReference'> = {
  // Key `id`, or key `platform platformProductId`; a representation carrying both is read by `id`.
  __resolveReference: async (reference, ctx, info) => {
    const { platform, platformProductId } = productKeyOf(reference as unknown as Representation, ctx);
    return typed(await lookupFor(ctx, platform)(platformProductId, entitySelectionOf(info, 'Product')), 'Product');
  },
};

export const skuEntityResolvers: Pick<SkuResolvers<GatewayContext>, '__resolveReference'> = {
  // A SKU global id names its product: the SKU costs one lookup of that product, batched with the rest.
  __resolveReference: async (reference, ctx, info) => {
    const id = (reference as unknown as Representation).id;
    const decoded = typeof id === 'string' ? fromSkuGlobalId(id) : undefined;
    if (!decoded || !ctx.platforms.has(decoded.platform))
      throw badRepresentation(`Sku "id" must be a SKU global id issued by this gateway, got ${describe(id)}`);
    const { platform, platformProductId, platformSkuId } = decoded;
    const product = await lookupFor(ctx, platform)(platformProductId, productSelectionFor(entitySelectionOf(info, 'Sku')));
    const sku = product.skus?.find((s) => s.platformSkuId === platformSkuId);
    if (!sku) throw new SkuNotFoundError(platform, platformProductId, platformSkuId);
    return typed(sku, 'Sku');
  },
};

/**
 * Wraps `_entities` so that each representation is checked on its own: one that is not an object of a
 * known entity type becomes null plus BAD_USER_INPUT at its index, and the others still resolve
 * (@apollo/subgraph would fail the whole field with an unexpected error). Each resolved entry's
 * unmappable values are reported at `_entities.<index>` (src/resolvers/fieldIssues.ts).
 */
export function guardEntities<S>(
  resolve: GraphQLFieldResolver<S, GatewayContext>,
): GraphQLFieldResolver<S, GatewayContext, { representations: unknown[] }> {
  return (source, { representations }, ctx, info) =>
    representations.map((representation, index) => {
      const typename = isObject(representation) ? representation.__typename : undefined;
      if (typeof typename !== 'string' || !ENTITY_TYPES.has(typename)) {
        return Promise.reject(
          badRepresentation(
            `representation ${index} must be an object with "__typename" Product or Sku, got ${describe(typename ?? representation)}`,
          ),
        );
      }
      try {
        const entry = (resolve(source, { representations: [representation] }, ctx, info) as unknown[])[0];
        // Values a mapper could not map are reported at this entry, as this type's fragments select them.
        return Promise.resolve(entry).then((value) => {
          if (hasFieldIssues(value))
            reportFieldIssuesIn(ctx, value, entitySelectionSetsOf(info, typename as EntityTypeName), info, [
              ...responsePathOf(info),
              index,
            ]);
          return value;
        });
      } catch (err) {
        // A reference resolver that throws at once fails its own entry, never its neighbours.
        return Promise.reject(err);
      }
    });
}

/**
 * A copy carrying its `__typename`: @apollo/subgraph otherwise defines that property on the object
 * itself, which would alter (or, once frozen, fail on) a product that loaders or caches share.
 */
function typed<T extends object, N extends EntityTypeName>(value: T, __typename: N): T & { __typename: N } {
  return copyFieldIssues(value, { ...value, __typename });
}

function productKeyOf(reference: Representation, ctx: GatewayContext): { platform: PlatformCode; platformProductId: string } {
  const { id, platform, platformProductId } = reference;
  if (id !== undefined) {
    const decoded = typeof id === 'string' ? fromProductGlobalId(id) : undefined;
    if (!decoded || !ctx.platforms.has(decoded.platform))
      throw badRepresentation(`Product "id" must be a product global id issued by this gateway, got ${describe(id)}`);
    return decoded;
  }
  if (typeof platform === 'string' && ctx.platforms.has(platform as PlatformCode) && typeof platformProductId === 'string') {
    return { platform: platform as PlatformCode, platformProductId };
  }
  throw badRepresentation(
    `a Product representation needs "id", or "platform" (a PlatformCode) and "platformProductId" (a string); got platform ${describe(platform)}, platformProductId ${describe(platformProductId)}`,
  );
}

const productSelections = new WeakMap<ProductSelection, ProductSelection>();

/** The Product selection that answers a Sku selection: the same paths below `skus`, plus the SKU's own id. */
function productSelectionFor(skuSelection: ProductSelection): ProductSelection {
  let selection = productSelections.get(skuSelection);
  if (!selection) {
    selection = new Set(['skus', 'skus.id', 'skus.platformSkuId', ...[...skuSelection].map((path) => `skus.${path}`)]);
    productSelections.set(skuSelection, selection);
  }
  return selection;
}

/** NOT_FOUND for a SKU whose product exists but no longer has it. */
class SkuNotFoundError extends NotFoundError {
  constructor(platform: PlatformCode, platformProductId: string, platformSkuId: string) {
    super(platform, platformProductId);
    this.message = `${platform} product "${platformProductId}" has no SKU "${platformSkuId}"`;
  }
}

function badRepresentation(message: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', message, { argument: 'representations' });
}

function isObject(value: unknown): value is Representation {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A short, safe rendering of a value a caller sent, for an error message. */
function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
