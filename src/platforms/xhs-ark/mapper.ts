/**
 * Ark items hit -> Product (pure). Follows the Ark "商品列表完整版" page (GET /ark/open_api/v1/items)
 * and docs/platforms.md "Xiaohongshu Ark: signing and the envelope". An Ark item is one sellable unit
 * of an SPU (its SPL colour line and SPV size), so each hit becomes one Product with exactly one Sku:
 * the item itself, its variants (`spl.variants`, `spv.non_desc_variants`) as the Sku's properties.
 */
import type { AuditInfo, AuditState, Product, ProductStatus, Property, Sku, Stock } from '../../generated/graphql';
import { FieldIssues, fieldIssueOf, markFieldIssues } from '../fieldIssues';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { readYuanNumber } from '../money';
import { asCode, rawText, readCount } from '../readCount';
import { readUnixTime } from '../time';
import type { ArkHit, ArkItem, ArkVariant } from './types';
import { text } from '../../util/text';

const PLATFORM = 'XHS_ARK';

/**
 * `status` (商品状态: 0 编辑中, 1 待审核, 2 审核通过) is the review state, kept apart from sale. The response
 * table types it String (`"2"`), the example sends a number (`2`): both are read.
 */
const AUDIT_BY_STATUS: ReadonlyMap<number, AuditState> = new Map<number, AuditState>([
  [0, 'NONE'],
  [1, 'PENDING'],
  [2, 'APPROVED'],
]);

/**
 * Sale status: `is_frozen` (已冻结) wins, then `buyable` ("实际上架状态"): on shelf with stock 0 is
 * SOLD_OUT; off shelf while still being edited (status 0) is DRAFT, otherwise OFF_SALE.
 */
export function arkSaleStatus(item: ArkItem): ProductStatus {
  if (item.is_frozen === true) return 'BANNED';
  if (item.buyable === true) return item.stock === 0 ? 'SOLD_OUT' : 'ON_SALE';
  if (item.buyable === false) return asCode(item.status) === 0 ? 'DRAFT' : 'OFF_SALE';
  return 'UNKNOWN';
}

export function mapArkHit(hit: ArkHit): Product {
  const { item } = hit;
  const issues = new FieldIssues();
  const status = arkSaleStatus(item);
  const images = arkImages(hit);
  const sku = arkSku(hit, status, images[0] ?? null);
  const price =
    sku.price ?? (fieldIssueOf(sku, 'price') ? issues.derived('price', "unknown, since the item's price cannot be read") : null);
  return markFieldIssues(
    issues.attach({
      id: toProductGlobalId(PLATFORM, item.id),
      platform: PLATFORM,
      platformProductId: item.id,
      outerId: text(item.barcode),
      title: text(item.name) ?? text(hit.spu?.name),
      subtitle: text(hit.spl_item?.feature),
      description: text(hit.spl_item?.desc),
      images,
      brand: text(hit.spu?.brand?.name),
      categoryIds: arkCategoryIds(hit),
      status,
      rawStatus: arkRawStatus(item),
      price: price ? { min: price, max: price } : null,
      skus: [sku],
      stock: arkStock(item),
      audit: arkAudit(item),
      attributes: arkAttributes(hit),
      createdAt: issues.take('createdAt', item.create_time, readUnixTime(item.create_time)),
      updatedAt: issues.take('updatedAt', item.update_time, readUnixTime(item.update_time)),
      raw: hit,
    }),
  );
}

/** The item as its product's one SKU: same status, price and stock. */
function arkSku(hit: ArkHit, status: ProductStatus, image: string | null): Sku {
  const { item } = hit;
  const issues = new FieldIssues();
  return issues.attach({
    id: toSkuGlobalId(PLATFORM, item.id, item.id),
    platformSkuId: item.id,
    outerId: text(item.barcode),
    name: text(item.name),
    image,
    price: issues.take('price', item.price, readYuanNumber(item.price)),
    originalPrice: issues.take('originalPrice', item.original_price, readYuanNumber(item.original_price)),
    status,
    rawStatus: arkRawStatus(item),
    properties: [...variants(hit.spl?.variants), ...variants(hit.spv?.non_desc_variants)],
    barcode: text(item.barcode),
    stock: arkStock(item),
  });
}

/** The three facts the sale status is read from, e.g. `status=2,buyable=true,is_frozen=false`. */
function arkRawStatus(item: ArkItem): string {
  return `status=${String(item.status)},buyable=${String(item.buyable)},is_frozen=${String(item.is_frozen)}`;
}

function arkAudit(item: ArkItem): AuditInfo {
  const code = asCode(item.status);
  const state = code === undefined ? 'UNKNOWN' : (AUDIT_BY_STATUS.get(code) ?? 'UNKNOWN');
  return { state, rawState: rawText(item.status), submittedAt: null, auditedAt: null, rejectReason: null };
}

/** Ark gives the live stock only (库存数量); sold and total are not published. */
function arkStock(item: ArkItem): Stock | null {
  if (item.stock === undefined || item.stock === null) return null;
  const issues = new FieldIssues();
  return issues.attach({ available: issues.take('available', item.stock, readCount(item.stock)), sold: null, total: null });
}

/** `item.top_image` first, then `spl_item.images[].link`, then `spl_item.image_urls`, without repeats. */
function arkImages(hit: ArkHit): string[] {
  const urls = [hit.item.top_image, ...(hit.spl_item?.images ?? []).map((image) => image?.link), ...(hit.spl_item?.image_urls ?? [])];
  return [...new Set(urls.map(text).filter((url): url is string => url !== null))];
}

/** Root to leaf from `spu.categories`; the leaf `spu.category_id` alone when the path is missing. */
function arkCategoryIds(hit: ArkHit): string[] | null {
  const path = (hit.spu?.categories ?? []).map((category) => text(category?.id)).filter((id): id is string => id !== null);
  if (path.length > 0) return path;
  const leaf = text(hit.spu?.category_id);
  return leaf ? [leaf] : null;
}

function arkAttributes(hit: ArkHit): Property[] {
  return (hit.spl_item?.attributes ?? []).flatMap((attr) => {
    const name = text(attr?.name);
    const value = text(attr?.value);
    return name !== null && value !== null ? [{ name, value }] : [];
  });
}

function variants(list: readonly ArkVariant[] | null | undefined): Property[] {
  return (list ?? []).flatMap((variant) => {
    const name = text(variant?.name) ?? text(variant?.ename);
    const value = text(variant?.value);
    return name !== null && value !== null ? [{ name, value }] : [];
  });
}
