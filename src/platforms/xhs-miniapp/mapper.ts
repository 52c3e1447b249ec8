/**
 * Mini-program deal product -> Product (pure). Follows "[交易组件]商品-批量获取信息"
 * (POST /api/rmp/mp/deal/product/batch_get) and upstream-protocols.md §5: prices in fen, times in unix
 * milliseconds. The page does not say what `status` values mean; the tables below are the gateway's
 * assumption (README, "Xiaohongshu mini-program statuses"), shared with the sandbox.
 */
import type { AuditInfo, AuditState, Product, ProductStatus, Property, Sku } from '../../generated/graphql';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { toMoneyFromFen } from '../money';
import { fromUnixMillis } from '../time';
import type { MiniappAuditInfo, MiniappProduct, MiniappSku } from './types';

const PLATFORM = 'XHS_MINIAPP';

/**
 * Product `status` [assumption]: sale status and, where the status implies it, the review state. For
 * BANNED and DELETED the review state comes from `audit_info` instead.
 */
export const MINIAPP_PRODUCT_STATUS: ReadonlyMap<number, { status: ProductStatus; audit?: AuditState }> = new Map([
  [0, { status: 'DRAFT', audit: 'NONE' }], // 草稿, never submitted
  [1, { status: 'DRAFT', audit: 'PENDING' }], // 审核中
  [2, { status: 'ON_SALE', audit: 'APPROVED' }], // 审核通过, 在线
  [3, { status: 'DRAFT', audit: 'REJECTED' }], // 审核驳回 (reject_reason)
  [4, { status: 'OFF_SALE', audit: 'APPROVED' }], // 商家下线
  [5, { status: 'BANNED' }], // 平台封禁
  [6, { status: 'DELETED' }], // 已删除
]);

/** SKU `status` [assumption], after the page's sibling APIs "sku商品-批量上架 / 批量下架". */
export const MINIAPP_SKU_STATUS: ReadonlyMap<number, ProductStatus> = new Map<number, ProductStatus>([
  [0, 'OFF_SALE'],
  [1, 'ON_SALE'],
]);

/** `product_type` and `settle_type`, as the page documents them; surfaced as attributes. */
const PRODUCT_TYPES: ReadonlyMap<number, string> = new Map([[1, '团购'], [2, '酒旅预售券'], [3, '酒旅日历商品']]);
const SETTLE_TYPES: ReadonlyMap<number, string> = new Map([[1, '总店结算'], [2, '门店结算'], [3, '区域结算']]);

export function mapMiniappProduct(product: MiniappProduct): Product {
  const row = typeof product.status === 'number' ? MINIAPP_PRODUCT_STATUS.get(product.status) : undefined;
  const skus = (product.skus ?? []).map((sku, index) => miniappSku(product.item_id, sku, index));
  const prices = (product.skus ?? []).map((sku) => sku?.sale_price).filter(isFen).sort((a, b) => a - b);
  const category = text(product.category_id_v2) ?? text(product.category_id);
  return {
    id: toProductGlobalId(PLATFORM, product.item_id),
    platform: PLATFORM,
    platformProductId: product.item_id,
    outerId: text(product.out_product_id),
    title: text(product.name),
    subtitle: text(product.short_title),
    description: text(product.desc),
    images: [text(product.top_image)].filter((url): url is string => url !== null),
    brand: null,
    categoryIds: category ? [category] : null,
    status: row?.status ?? 'UNKNOWN',
    rawStatus: product.status === undefined ? null : String(product.status),
    price: prices.length > 0 ? { min: toMoneyFromFen(prices[0]!), max: toMoneyFromFen(prices[prices.length - 1]!) } : null,
    skus,
    stock: null,
    audit: miniappAudit(product.status, row?.audit, product.audit_info),
    attributes: miniappAttributes(product),
    createdAt: fromUnixMillis(product.biz_create_time),
    updatedAt: fromUnixMillis(product.biz_update_time),
    raw: product,
  };
}

function miniappSku(productId: string, sku: MiniappSku, index: number): Sku {
  // `sku_id` is the platform's; a SKU without one keeps a stable id from the merchant's code or position.
  const skuId = text(sku.sku_id) ?? text(sku.out_sku_id) ?? `#${index}`;
  return {
    id: toSkuGlobalId(PLATFORM, productId, skuId),
    platformSkuId: skuId,
    outerId: text(sku.out_sku_id),
    name: text(sku.name),
    image: text(sku.sku_image),
    price: isFen(sku.sale_price) ? toMoneyFromFen(sku.sale_price) : null,
    originalPrice: isFen(sku.origin_price) ? toMoneyFromFen(sku.origin_price) : null,
    status: typeof sku.status === 'number' ? (MINIAPP_SKU_STATUS.get(sku.status) ?? 'UNKNOWN') : 'UNKNOWN',
    rawStatus: sku.status === undefined ? null : String(sku.status),
    properties: null,
    barcode: null,
    stock: null,
  };
}

function miniappAudit(status: number | undefined, fromStatus: AuditState | undefined, info: MiniappAuditInfo | null | undefined): AuditInfo {
  const rejectReason = text(info?.reject_reason);
  return {
    state: fromStatus ?? auditFromRecord(info, rejectReason),
    rawState: status === undefined ? null : String(status),
    submittedAt: fromUnixMillis(info?.submit_time),
    auditedAt: fromUnixMillis(info?.audit_time),
    rejectReason,
  };
}

/** The review record when the status says nothing about review (banned, deleted, unknown codes). */
function auditFromRecord(info: MiniappAuditInfo | null | undefined, rejectReason: string | null): AuditState {
  if (!info) return 'UNKNOWN';
  if (rejectReason !== null) return 'REJECTED';
  if (typeof info.audit_time === 'number' && info.audit_time > 0) return 'APPROVED';
  if (typeof info.submit_time === 'number' && info.submit_time > 0) return 'PENDING';
  return 'NONE';
}

function miniappAttributes(product: MiniappProduct): Property[] {
  const out: Property[] = [];
  const type = typeof product.product_type === 'number' ? PRODUCT_TYPES.get(product.product_type) : undefined;
  const settle = typeof product.settle_type === 'number' ? SETTLE_TYPES.get(product.settle_type) : undefined;
  if (type) out.push({ name: '商品类型', value: type });
  if (settle) out.push({ name: '结算方式', value: settle });
  return out;
}

function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
