/**
 * Pure mapping of WeChat mini shop records to the unified Product: a spu from `product/spu/get` (fields
 * of the spu/get_list page) and, when fetched, its SKUs from `product/sku/get_list`
 * (upstream-protocols.md section 3). Prices are fen; times `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai.
 */
import type { AuditInfo, Money, Product, Property, Sku, Stock } from '../../generated/graphql';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { toMoneyFromFen } from '../money';
import { fromShanghaiLocal } from '../time';
import { toAuditState, toProductStatus } from './statusTables';
import { idText } from './wireJson';
import { isRecord } from '../../util/isRecord';

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
  const mappedSkus = skus ? skus.map((sku) => mapSku(productId, sku)) : skuIdsOnly(productId, spu.skus);
  return {
    id: toProductGlobalId(PLATFORM, productId),
    platform: PLATFORM,
    platformProductId: productId,
    outerId: nonEmpty(spu.out_product_id),
    title: nonEmpty(spu.title),
    subtitle: nonEmpty(spu.sub_title),
    description: describe(spu.desc_info),
    images: strings(spu.head_img),
    brand: brandOf(spu.brand_id),
    categoryIds: categoryIds(spu),
    status: toProductStatus(spu.status),
    rawStatus: typeof spu.status === 'number' ? String(spu.status) : null,
    price: { min: money(spu.min_price) ?? minOf(skus), max: maxOf(skus) },
    skus: mappedSkus,
    stock: skus ? { available: sumStock(skus), sold: null, total: null } : null,
    audit: audit(spu),
    attributes: properties(spu.attrs),
    createdAt: fromShanghaiLocal(spu.create_time),
    updatedAt: fromShanghaiLocal(spu.update_time),
    raw: raw ? { spu, skus: skus ?? null } : null,
  };
}

export function mapSku(productId: string, sku: WechatRecord): Sku {
  const skuId = idText(sku.sku_id) ?? '';
  const props = properties(sku.sku_attrs);
  return {
    id: toSkuGlobalId(PLATFORM, productId, skuId),
    platformSkuId: skuId,
    outerId: nonEmpty(sku.out_sku_id),
    // WeChat SKUs have no name; their sale properties' values are what a buyer sees ("红色 M").
    name: props.length > 0 ? props.map((p) => p.value).join(' ') : null,
    image: nonEmpty(sku.thumb_img),
    price: money(sku.sale_price),
    originalPrice: typeof sku.market_price === 'number' && sku.market_price > 0 ? money(sku.market_price) : null,
    status: sku.status === undefined ? null : toProductStatus(sku.status),
    rawStatus: typeof sku.status === 'number' ? String(sku.status) : null,
    properties: props,
    barcode: typeof sku.barcode === 'number' ? String(sku.barcode) : nonEmpty(sku.barcode),
    stock: { available: count(sku.stock_num), sold: null, total: null } satisfies Stock,
  };
}

/** spu/get lists SKU ids only: enough for `skus { id platformSkuId }`. */
function skuIdsOnly(productId: string, list: unknown): Sku[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((entry: unknown) => {
    const skuId = isRecord(entry) ? idText(entry.sku_id) : undefined;
    return skuId === undefined ? [] : [{ id: toSkuGlobalId(PLATFORM, productId, skuId), platformSkuId: skuId }];
  });
}

/**
 * `edit_status` is the review state; `audit_info` (submit/audit times, reject reason) is not on the
 * spu/get_list page but on the sibling `shop/spu/get` [assumption]: read when present.
 */
function audit(spu: WechatRecord): AuditInfo {
  const info = isRecord(spu.audit_info) ? spu.audit_info : {};
  const state = toAuditState(spu.edit_status);
  return {
    state,
    rawState: typeof spu.edit_status === 'number' ? String(spu.edit_status) : null,
    submittedAt: fromShanghaiLocal(info.submit_time),
    auditedAt: fromShanghaiLocal(info.audit_time),
    rejectReason: state === 'REJECTED' ? nonEmpty(info.reject_reason) : null,
  };
}

/** `cats` ordered by level, so the leaf category comes last; `third_cat_id` when there are no cats. */
function categoryIds(spu: WechatRecord): string[] | null {
  if (Array.isArray(spu.cats)) {
    const cats = spu.cats.filter(isRecord).map((c) => ({ id: idText(c.cat_id), level: typeof c.level === 'number' ? c.level : 0 }));
    return cats.sort((a, b) => a.level - b.level).flatMap((c) => (c.id === undefined ? [] : [c.id]));
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
  const parts = [nonEmpty(descInfo.desc), ...strings(descInfo.imgs).map((src) => `<img src="${escapeAttribute(src)}">`)];
  const text = parts.filter((p): p is string => p !== null).join('');
  return text === '' ? null : text;
}

/** `brand_id` as text; 0 (no brand set) is null. */
function brandOf(brandId: unknown): string | null {
  const id = idText(brandId);
  return id === undefined || /^0+$/.test(id) ? null : id;
}

function properties(list: unknown): Property[] {
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).flatMap((a) => (typeof a.attr_key === 'string' && typeof a.attr_value === 'string' ? [{ name: a.attr_key, value: a.attr_value }] : []));
}

/** Product stock is the sum of its SKUs' stock; null when any SKU does not say (never a guessed 0). */
function sumStock(skus: readonly WechatRecord[]): number | null {
  if (skus.length === 0) return null;
  let total = 0;
  for (const sku of skus) {
    const n = count(sku.stock_num);
    if (n === null) return null;
    total += n;
  }
  return Number.isSafeInteger(total) ? total : null;
}

function minOf(skus: readonly WechatRecord[] | undefined): Money | null {
  const prices = salePrices(skus);
  return prices.length > 0 ? toMoneyFromFen(Math.min(...prices)) : null;
}

function maxOf(skus: readonly WechatRecord[] | undefined): Money | null {
  const prices = salePrices(skus);
  return prices.length > 0 ? toMoneyFromFen(Math.max(...prices)) : null;
}

function salePrices(skus: readonly WechatRecord[] | undefined): number[] {
  return (skus ?? []).flatMap((s) => (typeof s.sale_price === 'number' && Number.isSafeInteger(s.sale_price) ? [s.sale_price] : []));
}

function money(fen: unknown): Money | null {
  return typeof fen === 'number' && Number.isSafeInteger(fen) ? toMoneyFromFen(fen) : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
}

function nonEmpty(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
