/**
 * Worst-case calls of a federation `_entities` field: every representation is a lookup of the platform
 * its key names (src/resolvers/entities.ts), batched with the operation's other lookups. A Sku
 * representation looks up its product with the SKU fields below `skus`. Representations the resolver
 * refuses before any call (not an object, unknown type, a key this gateway did not issue) cost nothing.
 */
import type { FieldNode } from 'graphql';
import type { PlatformCode } from '../generated/graphql';
import { fromProductGlobalId, fromSkuGlobalId } from '../platforms/fromProductGlobalId';
import type { ProductSelection } from '../platforms/types';
import { entitySelectionOf } from '../resolvers/entitySelection';
import type { CostTally } from './costTally';
import type { Fragments } from './rootFields';

export function addEntities(representations: unknown, fieldNodes: readonly FieldNode[], fragments: Fragments, tally: CostTally): void {
  if (!Array.isArray(representations)) return;
  const info = { fieldNodes, fragments };
  let productSelection: ProductSelection | undefined;
  let skuSelection: ProductSelection | undefined;
  for (const representation of representations) {
    if (typeof representation !== 'object' || representation === null) continue;
    const { __typename, id } = representation as Record<string, unknown>;
    if (__typename === 'Product') {
      const key = productKeyOf(representation as Record<string, unknown>);
      if (key) tally.addLookup(key.platform, [key.platformProductId], (productSelection ??= entitySelectionOf(info, 'Product')));
    } else if (__typename === 'Sku' && typeof id === 'string') {
      const key = fromSkuGlobalId(id);
      // The product is fetched with the SKU's fields below `skus`, as src/resolvers/entities.ts asks for it.
      skuSelection ??= new Set([
        'skus',
        'skus.id',
        'skus.platformSkuId',
        ...[...entitySelectionOf(info, 'Sku')].map((path) => `skus.${path}`),
      ]);
      if (key) tally.addLookup(key.platform, [key.platformProductId], skuSelection);
    }
  }
}

/** Key `id` (a product global id), or `platform` and `platformProductId`; undefined for neither. */
function productKeyOf({
  id,
  platform,
  platformProductId,
}: Record<string, unknown>): { platform: PlatformCode; platformProductId: string } | undefined {
  if (id !== undefined) return typeof id === 'string' ? fromProductGlobalId(id) : undefined;
  return typeof platform === 'string' && typeof platformProductId === 'string'
    ? { platform: platform as PlatformCode, platformProductId }
    : undefined;
}
