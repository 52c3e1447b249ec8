/**
 * ProductSelection -> which WeChat calls a lookup makes. `product/spu/get` always (it has no field
 * projection); `product/sku/get_list` only when the selection needs SKU details, since spu/get lists
 * each SKU's `sku_id` and nothing else (docs/platforms.md, "WeChat mini shop: tokens and the envelope").
 */
import type { ProductSelection } from '../types';

export interface WechatFetchPlan {
  /** Also call product/sku/get_list for each product. */
  skuDetails: boolean;
  /** Fill `raw`. */
  raw: boolean;
}

/** Product fields mapped from the spu alone (mapper.ts). `price` only for `price.min` (min_price). */
const SPU_FIELDS: ReadonlySet<string> = new Set([
  'id',
  'platform',
  'platformProductId',
  'outerId',
  'title',
  'subtitle',
  'description',
  'images',
  'brand',
  'categoryIds',
  'status',
  'rawStatus',
  'audit',
  'attributes',
  'createdAt',
  'updatedAt',
]);
/** Sku fields the spu's `skus[].sku_id` fills. */
const SKU_ID_FIELDS: ReadonlySet<string> = new Set(['id', 'platformSkuId']);

/**
 * SKU details are needed for SKU fields beyond the ids, product `stock` (the sum of SKU stock),
 * `price.max` (the highest SKU price) and `raw` (everything). A path this table does not know fetches
 * them too, so a field added to the schema before its mapping here is never silently left empty.
 */
export function planWechatFetch(selection: ProductSelection): WechatFetchPlan {
  const raw = selection.has('raw');
  let skuDetails = raw;
  for (const path of selection) {
    if (skuDetails) break;
    skuDetails = needsSkuDetails(path, selection);
  }
  return { skuDetails, raw };
}

function needsSkuDetails(path: string, selection: ProductSelection): boolean {
  const [top = '', sub] = path.split('.', 2);
  if (SPU_FIELDS.has(top)) return false;
  if (top === 'skus') return sub === undefined ? !hasChild(selection, 'skus') : !SKU_ID_FIELDS.has(sub);
  if (top === 'price') return sub === undefined ? !hasChild(selection, 'price') : sub !== 'min';
  return true;
}

/** Whether any `prefix.*` path is selected (a bare `skus` without sub-fields asks for all of them). */
function hasChild(selection: ProductSelection, prefix: string): boolean {
  for (const path of selection) if (path.startsWith(`${prefix}.`)) return true;
  return false;
}
