/**
 * Pure TOP Item -> Product, following the taobao.miniapp.items.get API page (field names, yuan price
 * strings, `yyyy-MM-dd HH:mm:ss` GMT+8 dates). Fields the caller did not ask for are simply absent from
 * the item; the mapper never guesses them (null, or an empty list for list-valued sub-objects, which TOP
 * omits when empty).
 */
import type { AuditInfo, Money, PriceRange, Product, ProductStatus, Sku, Stock } from '../../generated/graphql';
import { FieldIssues, fieldIssueOf, markFieldIssues } from '../fieldIssues';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { readYuanText } from '../money';
import { readCount } from '../readCount';
import { capSkuStatus, isCountedSku, isLiveStatus } from '../skuRules';
import { readShanghaiLocal } from '../time';
import { parseTopPropsName } from './propsName';
import type { TopItem, TopSku } from './topItem';

/**
 * `approve_status` -> ProductStatus. API page: "onsale出售中,instock库中". Decision: an `onsale` item
 * whose `num` (stock) is 0 is SOLD_OUT. TOP items carry no draft/banned/deleted state here: deleted
 * items are absent from the response (NotFoundError), banned ones come back `instock`.
 */
export const APPROVE_STATUS_TABLE: Readonly<Record<string, ProductStatus>> = {
  onsale: 'ON_SALE',
  instock: 'OFF_SALE',
};

/** Sku `status` [assumption: TOP Sku struct, not on the API page]: `normal` | `delete`. */
export const SKU_STATUS_TABLE: Readonly<Record<string, ProductStatus>> = {
  normal: 'ON_SALE',
  delete: 'DELETED',
};

/** TOP's standard property id for 品牌 (the page's example: `20000:3275069:品牌:盈讯`). */
const BRAND_PID = '20000';

/** TOP items have no review state on this API, so every product's audit is NONE. */
const NO_AUDIT: AuditInfo = { state: 'NONE', submittedAt: null, auditedAt: null, rejectReason: null, rawState: null };

export function toTaobaoProduct(item: TopItem): Product {
  const numIid = String(item.num_iid);
  const issues = new FieldIssues();
  const attributes = parseTopPropsName(item.props_name);
  const status = saleStatus(item.approve_status, APPROVE_STATUS_TABLE, item.num);
  const skus = (item.skus?.sku ?? []).map((sku) => toTaobaoSku(numIid, sku, status, issues));
  return markFieldIssues(
    issues.attach({
      id: toProductGlobalId('TAOBAO', numIid),
      platform: 'TAOBAO',
      platformProductId: numIid,
      outerId: item.outer_id ?? null,
      title: item.title ?? null,
      subtitle: item.sub_title ?? null,
      description: item.desc ?? null,
      images: imagesOf(item),
      brand: attributes.find((a) => a.pid === BRAND_PID)?.value ?? null,
      categoryIds: item.cid !== undefined ? [String(item.cid)] : null,
      status,
      rawStatus: item.approve_status ?? null,
      price: priceRange(item, skus, issues),
      skus,
      stock: stockOf(item.num, issues),
      audit: NO_AUDIT,
      attributes: attributes.map(({ name, value }) => ({ name, value })),
      createdAt: issues.take('createdAt', item.created, readShanghaiLocal(item.created)),
      updatedAt: issues.take('updatedAt', item.modified, readShanghaiLocal(item.modified)),
      raw: item,
    }),
    issues,
  );
}

/**
 * `itemStatus` caps the SKU's: a SKU is never more available than its item (fields.ts fetches
 * `approve_status` and `num` whenever a SKU status is selected). `itemIssues`: the item's collector.
 */
export function toTaobaoSku(numIid: string, sku: TopSku, itemStatus?: ProductStatus, itemIssues?: FieldIssues): Sku {
  const skuId = String(sku.sku_id);
  const issues = new FieldIssues(itemIssues);
  const properties = parseTopPropsName(sku.properties_name).map(({ name, value }) => ({ name, value }));
  const quantity = issues.take('stock', sku.quantity, readCount(sku.quantity));
  const own = sku.status !== undefined ? saleStatus(sku.status, SKU_STATUS_TABLE, quantity ?? undefined) : null;
  return issues.attach({
    id: toSkuGlobalId('TAOBAO', numIid, skuId),
    platformSkuId: skuId,
    outerId: sku.outer_id ?? null,
    name: properties.length > 0 ? properties.map((p) => p.value).join(' ') : null,
    image: sku.pic_url ?? null,
    price: issues.take('price', sku.price, readYuanText(sku.price)),
    // TOP has no crossed-out price; `promoted_price` is an offer below `price`, kept in `raw` only.
    originalPrice: null,
    status: own !== null && itemStatus !== undefined ? capSkuStatus(own, itemStatus) : own,
    rawStatus: sku.status ?? null,
    properties,
    barcode: sku.barcode ?? null,
    stock: quantity === null ? null : { available: quantity, sold: null, total: null },
  });
}

function saleStatus(raw: string | undefined, table: Readonly<Record<string, ProductStatus>>, stock: number | undefined): ProductStatus {
  const status = (raw !== undefined ? table[raw] : undefined) ?? 'UNKNOWN';
  return status === 'ON_SALE' && stock === 0 ? 'SOLD_OUT' : status;
}

/**
 * Lowest and highest price of the SKUs that count (skuRules.ts: never a deleted one), read by their own
 * `status`; the item `price` when it has none. A counted SKU whose price cannot be read leaves the range
 * unknown rather than wrong.
 */
function priceRange(item: TopItem, skus: readonly Sku[], issues: FieldIssues): PriceRange | null {
  const rawSkus = item.skus?.sku ?? [];
  if (rawSkus.length === 0) {
    const price = issues.take('price', item.price, readYuanText(item.price));
    return price ? { min: price, max: price } : null;
  }
  // countedSkus (skuRules.ts) as a loop: this runs for every product of a batch.
  let anyLive = false;
  for (const raw of rawSkus) anyLive ||= isLiveStatus(ownSkuStatus(raw));
  let min: Money | null = null;
  let max: Money | null = null;
  for (let i = 0; i < rawSkus.length; i++) {
    if (!isCountedSku(ownSkuStatus(rawSkus[i]!), anyLive)) continue;
    const sku = skus[i]!;
    const price = sku.price ?? null;
    if (price === null) {
      if (fieldIssueOf(sku, 'price')) {
        return issues.derived('price', `unknown, since the price of counted SKU ${String(rawSkus[i]!.sku_id)} cannot be read`);
      }
      continue;
    }
    // Of equal prices, min is the first counted SKU's and max the last's (money.ts priceRangeOf).
    if (min === null || price.minorUnits < min.minorUnits) min = price;
    if (max === null || price.minorUnits >= max.minorUnits) max = price;
  }
  return min !== null && max !== null ? { min, max } : null;
}

/** A SKU's status by its own `status` alone, before its item caps it. */
function ownSkuStatus(raw: TopSku): ProductStatus | null {
  return raw.status === undefined ? null : (SKU_STATUS_TABLE[raw.status] ?? 'UNKNOWN');
}

/** `item_imgs` by position (the page: "商品图片列表(包括主图)"); the main `pic_url` alone when there are none. */
function imagesOf(item: TopItem): string[] {
  const imgs = (item.item_imgs?.item_img ?? []).filter((img) => typeof img.url === 'string');
  if (imgs.length > 0) return [...imgs].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)).map((img) => img.url as string);
  return item.pic_url ? [item.pic_url] : [];
}

/** TOP gives only the quantity for sale (`num`, Sku `quantity`); `sold_quantity` is documented as not returned. */
function stockOf(quantity: unknown, issues: FieldIssues): Stock | null {
  const available = issues.take('stock', quantity, readCount(quantity));
  return available === null ? null : { available, sold: null, total: null };
}
