/**
 * Pure mapping of WeChat mini shop records to the unified Product: a spu from `product/spu/get` (fields
 * of the spu/get_list page) and, when fetched, its SKUs from `product/sku/get_list`
 * (docs/platforms.md "WeChat mini shop: tokens and the envelope"). Prices are fen; times
 * `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai.
 */
import type { AuditInfo, PriceRange, Product, ProductStatus, Property, Sku, Stock } from '../../generated/graphql';
import { FieldIssues, fieldIssueOf, markFieldIssues } from '../fieldIssues';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { priceRangeOf, readFen } from '../money';
import { rawText, readCount } from '../readCount';
import { capSkuStatus, countedSkus } from '../skuRules';
import { sumStocks } from '../stockSum';
import { readShanghaiLocal } from '../time';
import { toAuditState, toProductStatus } from './statusTables';
import { idText } from './wireJson';
import { isRecord } from '../../util/isRecord';
import { text } from '../../util/text';

const PLATFORM = 'WECHAT_SHOP';

export type WechatRecord = Readonly<Record<string, unknown>>;

export interface WechatProductInput {
  /** `data.spu` of product/spu/get: its `skus` hold `sku_id` only. */
  spu: WechatRecord;
  /** `skus` of product/sku/get_list, when the selection needed SKU details. */
  skus?: readonly WechatRecord[] | undefined;
  /** Fill `raw` with `{spu, skus}` as WeChat sent them. */
  raw?: boolean;
}

export function mapWechatProduct({ spu, skus, raw }: WechatProductInput): Product {
  const productId = idText(spu.product_id);
  if (productId === undefined) throw new TypeError('WeChat spu without a product_id');
  const issues = new FieldIssues();
  const status = toProductStatus(spu.status);
  const mappedSkus = skus ? skus.map((sku) => mapSku(productId, sku, status)) : skuIdsOnly(productId, spu.skus);
  const counted = skus
    ? countedSkus(
        mappedSkus.map((sku, i) => ({ sku, own: toProductStatus(skus[i]!.status) })),
        ({ own }) => own,
      )
    : [];
  return markFieldIssues(
    issues.attach({
      id: toProductGlobalId(PLATFORM, productId),
      platform: PLATFORM,
      platformProductId: productId,
      outerId: text(spu.out_product_id),
      title: text(spu.title),
      subtitle: text(spu.sub_title),
      description: describe(spu.desc_info),
      images: strings(spu.head_img),
      brand: brandOf(spu.brand_id),
      categoryIds: categoryIds(spu),
      status,
      rawStatus: rawText(spu.status),
      price:
        skus && skus.length > 0
          ? skuPriceRange(
              counted.map(({ sku }) => sku),
              issues,
            )
          : minPriceOnly(spu.min_price),
      skus: mappedSkus,
      stock: counted.length > 0 ? sumStocks(counted.map(({ sku }) => sku.stock!)) : null,
      audit: audit(spu),
      attributes: properties(spu.attrs),
      createdAt: issues.take('createdAt', spu.create_time, readShanghaiLocal(spu.create_time)),
      updatedAt: issues.take('updatedAt', spu.update_time, readShanghaiLocal(spu.update_time)),
      raw: raw ? { spu, skus: skus ?? null } : null,
    }),
  );
}

/** `productStatus` caps the SKU's status: a SKU is never more available than its product (skuRules.ts). */
export function mapSku(productId: string, sku: WechatRecord, productStatus?: ProductStatus): Sku {
  const skuId = idText(sku.sku_id) ?? '';
  const issues = new FieldIssues();
  const props = properties(sku.sku_attrs);
  const own = sku.status === undefined ? null : toProductStatus(sku.status);
  const marketPrice = issues.take('originalPrice', sku.market_price, readFen(sku.market_price));
  const stock = new FieldIssues();
  return issues.attach({
    id: toSkuGlobalId(PLATFORM, productId, skuId),
    platformSkuId: skuId,
    outerId: text(sku.out_sku_id),
    // WeChat SKUs have no name; their sale properties' values are what a buyer sees ("红色 M").
    name: props.length > 0 ? props.map((p) => p.value).join(' ') : null,
    image: text(sku.thumb_img),
    price: issues.take('price', sku.sale_price, readFen(sku.sale_price)),
    originalPrice: marketPrice && marketPrice.minorUnits > 0 ? marketPrice : null,
    status: own !== null && productStatus !== undefined ? capSkuStatus(own, productStatus) : own,
    rawStatus: rawText(sku.status),
    properties: props,
    barcode: typeof sku.barcode === 'number' ? String(sku.barcode) : text(sku.barcode),
    stock: stock.attach({
      available: stock.take('available', sku.stock_num, readCount(sku.stock_num)),
      sold: null,
      total: null,
    } satisfies Stock),
  });
}

/**
 * Lowest and highest sale price of the SKUs that count (skuRules.ts: off-shelf and deleted SKUs only when
 * nothing is on sale). A counted SKU whose price cannot be read leaves the range unknown rather than wrong.
 */
function skuPriceRange(counted: readonly Sku[], issues: FieldIssues): PriceRange | null {
  if (counted.some((sku) => fieldIssueOf(sku, 'price')))
    return issues.derived('price', "unknown, since a counted SKU's price cannot be read");
  return priceRangeOf(counted.flatMap((sku) => (sku.price ? [sku.price] : []))) ?? { min: null, max: null };
}

/**
 * Without SKU details only `min_price` ("Minimum SKU price (unit: cent)") is known: WeChat's own figure
 * (assumption, docs/platforms.md: whether it counts off-shelf SKUs is not said); the maximum is unknown.
 */
function minPriceOnly(minPrice: unknown): PriceRange {
  const issues = new FieldIssues();
  return issues.attach({ min: issues.take('min', minPrice, readFen(minPrice)), max: null });
}

/** spu/get lists SKU ids only: enough for `skus { id platformSkuId }`. */
function skuIdsOnly(productId: string, list: unknown): Sku[] {
  const skus: Sku[] = [];
  if (!Array.isArray(list)) return skus;
  for (const entry of list as unknown[]) {
    const skuId = isRecord(entry) ? idText(entry.sku_id) : undefined;
    if (skuId !== undefined) skus.push({ id: toSkuGlobalId(PLATFORM, productId, skuId), platformSkuId: skuId });
  }
  return skus;
}

/**
 * `edit_status` is the review state; `audit_info` (submit/audit times, reject reason) is not on the
 * spu/get_list page but on the sibling `shop/spu/get` [assumption]: read when present.
 */
function audit(spu: WechatRecord): AuditInfo {
  const info = isRecord(spu.audit_info) ? spu.audit_info : {};
  const state = toAuditState(spu.edit_status);
  const issues = new FieldIssues();
  return issues.attach({
    state,
    rawState: rawText(spu.edit_status),
    submittedAt: issues.take('submittedAt', info.submit_time, readShanghaiLocal(info.submit_time)),
    auditedAt: issues.take('auditedAt', info.audit_time, readShanghaiLocal(info.audit_time)),
    rejectReason: state === 'REJECTED' ? text(info.reject_reason) : null,
  });
}

/** `cats` ordered by level, so the leaf category comes last; `third_cat_id` when there are no cats. */
function categoryIds(spu: WechatRecord): string[] | null {
  if (Array.isArray(spu.cats)) {
    const cats: { id: string | undefined; level: number }[] = [];
    for (const c of spu.cats as unknown[])
      if (isRecord(c)) cats.push({ id: idText(c.cat_id), level: typeof c.level === 'number' ? c.level : 0 });
    // Pages list them by level already: sort (stable) only when they are not.
    if (cats.some((c, i) => i > 0 && c.level < cats[i - 1]!.level)) cats.sort((a, b) => a.level - b.level);
    const ids: string[] = [];
    for (const c of cats) if (c.id !== undefined) ids.push(c.id);
    return ids;
  }
  const third = idText(spu.third_cat_id);
  return third === undefined ? null : [third];
}

/**
 * `desc_info`: an optional text (`desc`, as on shop/spu/get) and the detail images the page documents
 * ("currently only pictures"), rendered as `<img>` tags after the text. Null when it has neither.
 */
function describe(descInfo: unknown): string | null {
  if (!isRecord(descInfo)) return null;
  const parts = [text(descInfo.desc), ...strings(descInfo.imgs).map((src) => `<img src="${escapeAttribute(src)}">`)];
  const html = parts.filter((p): p is string => p !== null).join('');
  return html === '' ? null : html;
}

/** `brand_id` as text; 0 (no brand set) is null. */
function brandOf(brandId: unknown): string | null {
  const id = idText(brandId);
  return id === undefined || /^0+$/.test(id) ? null : id;
}

function properties(list: unknown): Property[] {
  const props: Property[] = [];
  if (!Array.isArray(list)) return props;
  for (const a of list as unknown[]) {
    if (isRecord(a) && typeof a.attr_key === 'string' && typeof a.attr_value === 'string')
      props.push({ name: a.attr_key, value: a.attr_value });
  }
  return props;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

const ATTRIBUTE_SPECIAL = /[&"<]/;

function escapeAttribute(value: string): string {
  // Image URLs rarely hold any of the three: test once rather than replace three times.
  return ATTRIBUTE_SPECIAL.test(value) ? value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;') : value;
}
