/**
 * Mini-program deal product -> Product (pure). Follows "[交易组件]商品-批量获取信息"
 * (POST /api/rmp/mp/deal/product/batch_get). The page gives types but no units and no status values:
 * prices are read as fen, times by their magnitude (seconds or milliseconds), and the status tables
 * below are the gateway's; every one is an assumption (docs/platforms.md, "Assumptions: Xiaohongshu
 * mini-program"), shared with the sandbox.
 */
import type { AuditInfo, AuditState, PriceRange, Product, ProductStatus, Property, Sku } from '../../generated/graphql';
import { FieldIssues, fieldIssueOf, markFieldIssues } from '../fieldIssues';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { priceRangeOf, readFen } from '../money';
import { asCode, rawText } from '../readCount';
import { capSkuStatus, countedSkus, isLiveStatus } from '../skuRules';
import { readUnixTime } from '../time';
import type { MiniappAuditInfo, MiniappProduct, MiniappSku } from './types';
import { text } from '../../util/text';

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
const PRODUCT_TYPES: ReadonlyMap<number, string> = new Map([
  [1, '团购'],
  [2, '酒旅预售券'],
  [3, '酒旅日历商品'],
]);
const SETTLE_TYPES: ReadonlyMap<number, string> = new Map([
  [1, '总店结算'],
  [2, '门店结算'],
  [3, '区域结算'],
]);

export function mapMiniappProduct(product: MiniappProduct): Product {
  const issues = new FieldIssues();
  const code = asCode(product.status);
  const row = code === undefined ? undefined : MINIAPP_PRODUCT_STATUS.get(code);
  const own = (product.skus ?? []).map((sku) => miniappSkuStatus(sku?.status));
  const status = withSkus(row?.status ?? 'UNKNOWN', own);
  const skus = (product.skus ?? []).map((sku, index) => miniappSku(product.item_id, sku ?? {}, index, status));
  const category = text(product.category_id_v2) ?? text(product.category_id);
  return markFieldIssues(
    issues.attach({
      id: toProductGlobalId(PLATFORM, product.item_id),
      platform: PLATFORM,
      platformProductId: product.item_id,
      outerId: text(product.out_product_id),
      title: text(product.name),
      subtitle: text(product.short_title),
      // `desc` is "小红书用户openId" on the page: a user's identifier is never shown as the description.
      description: null,
      images: [text(product.top_image)].filter((url): url is string => url !== null),
      brand: null,
      categoryIds: category ? [category] : null,
      status,
      rawStatus: rawText(product.status),
      price: priceRange(
        countedSkus(
          skus.map((sku, i) => ({ sku, own: own[i]! })),
          (s) => s.own,
        ).map((s) => s.sku),
        issues,
      ),
      skus,
      stock: null,
      audit: miniappAudit(product.status, row?.audit, product.audit_info),
      attributes: miniappAttributes(product),
      createdAt: issues.take('createdAt', product.biz_create_time, readUnixTime(product.biz_create_time)),
      updatedAt: issues.take('updatedAt', product.biz_update_time, readUnixTime(product.biz_update_time)),
      raw: product,
    }),
  );
}

/**
 * A product on sale only while a SKU is: status 2 with every SKU off the shelf (or deleted) cannot be
 * bought, so it is OFF_SALE. The SKUs come with every record, so this never depends on the query.
 */
function withSkus(status: ProductStatus, skuStatuses: readonly ProductStatus[]): ProductStatus {
  return status === 'ON_SALE' && skuStatuses.length > 0 && !skuStatuses.some(isLiveStatus) ? 'OFF_SALE' : status;
}

function miniappSkuStatus(status: unknown): ProductStatus {
  const code = asCode(status);
  return code === undefined ? 'UNKNOWN' : (MINIAPP_SKU_STATUS.get(code) ?? 'UNKNOWN');
}

/** The range of the SKUs that count (skuRules.ts); one whose price cannot be read leaves it unknown. */
function priceRange(counted: readonly Sku[], issues: FieldIssues): PriceRange | null {
  if (counted.some((sku) => fieldIssueOf(sku, 'price'))) {
    return issues.derived('price', "unknown, since a counted SKU's price cannot be read");
  }
  return priceRangeOf(counted.flatMap((sku) => (sku.price ? [sku.price] : [])));
}

function miniappSku(productId: string, sku: MiniappSku, index: number, productStatus: ProductStatus): Sku {
  // `sku_id` is the platform's; a SKU without one keeps a stable id from the merchant's code or position.
  const skuId = text(sku.sku_id) ?? text(sku.out_sku_id) ?? `#${index}`;
  const issues = new FieldIssues();
  return issues.attach({
    id: toSkuGlobalId(PLATFORM, productId, skuId),
    platformSkuId: skuId,
    outerId: text(sku.out_sku_id),
    name: text(sku.name),
    image: text(sku.sku_image),
    price: issues.take('price', sku.sale_price, readFen(sku.sale_price)),
    originalPrice: issues.take('originalPrice', sku.origin_price, readFen(sku.origin_price)),
    status: capSkuStatus(miniappSkuStatus(sku.status), productStatus),
    rawStatus: rawText(sku.status),
    properties: null,
    barcode: null,
    stock: null,
  });
}

function miniappAudit(status: unknown, fromStatus: AuditState | undefined, info: MiniappAuditInfo | null | undefined): AuditInfo {
  const rejectReason = text(info?.reject_reason);
  const issues = new FieldIssues();
  return issues.attach({
    state: fromStatus ?? auditFromRecord(info, rejectReason),
    rawState: rawText(status),
    submittedAt: issues.take('submittedAt', info?.submit_time, readUnixTime(info?.submit_time)),
    auditedAt: issues.take('auditedAt', info?.audit_time, readUnixTime(info?.audit_time)),
    rejectReason,
  });
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
