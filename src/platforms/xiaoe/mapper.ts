/**
 * Pure mapping of a goods detail 2.0 record to the unified Product. Prices are integer fen (price_low,
 * price_high, sku_price, sku_line_price); times `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai with
 * `0000-00-00 00:00:00` for none; `stock`, `sku`, `attr` are present only when the call asked for them,
 * and their fields stay null when absent (never a guessed 0 or empty list).
 */
import type { AuditInfo, Money, PriceRange, Product, Property, Sku, Stock } from '../../generated/graphql';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { toMoneyFromFen } from '../money';
import { fromShanghaiLocal } from '../time';
import type { XiaoeGoodsRecord } from './client';
import { formatXiaoeId } from './ids';
import { toXiaoeSkuStatus, toXiaoeStatus } from './status';
import { isRecord } from '../../util/isRecord';

type Fields = Readonly<Record<string, unknown>>;

/** Xiaoe has no review of goods (the detail page has no audit field). */
const NO_AUDIT: AuditInfo = { state: 'NONE', submittedAt: null, auditedAt: null, rejectReason: null, rawState: null };

export function toXiaoeProduct(record: XiaoeGoodsRecord): Product {
  const platformProductId = formatXiaoeId(Number(record.resource_type), String(record.resource_id));
  const { status, rawStatus } = toXiaoeStatus(record);
  const stockBySku = stockRowsBySku(record.stock);
  return {
    id: toProductGlobalId('XIAOE', platformProductId),
    platform: 'XIAOE',
    platformProductId,
    outerId: text(record.goods_sn),
    title: text(record.goods_name),
    subtitle: text(record.goods_brief_text),
    description: text(record.goods_detail_text),
    images: Array.isArray(record.goods_img) ? record.goods_img.filter((u): u is string => typeof u === 'string' && u !== '') : null,
    brand: null,
    categoryIds: typeof record.goods_category_id === 'string' ? (record.goods_category_id === '' ? [] : [record.goods_category_id]) : null,
    status,
    rawStatus,
    price: priceRange(record),
    skus: Array.isArray(record.sku) ? record.sku.filter(isRecord).map((sku) => toSku(sku, platformProductId, stockBySku)) : null,
    stock: stockBySku ? productStock([...stockBySku.values()]) : null,
    audit: NO_AUDIT,
    attributes: Array.isArray(record.attr) ? toProperties(record.attr) : null,
    createdAt: fromShanghaiLocal(record.created_at),
    updatedAt: fromShanghaiLocal(record.updated_at),
    raw: record,
  };
}

/**
 * min: price_low ("商品最低价(取自sku中最低价值)"). max: price_high ("商品高价"; the page's further note
 * "取自最低价所在sku对应划线价" contradicts its example, where price_high equals price_low with no line
 * price), never below min.
 */
function priceRange(record: Fields): PriceRange | null {
  const min = fen(record.price_low);
  const high = fen(record.price_high);
  const max = high && min && high.minorUnits < min.minorUnits ? min : high;
  return min || max ? { min, max } : null;
}

function toSku(sku: Fields, productId: string, stockBySku: Map<string, Fields> | null): Sku {
  const skuId = String(sku.sku_id ?? '');
  const { status, rawStatus } = toXiaoeSkuStatus(sku);
  const stockRow = stockBySku?.get(skuId);
  const linePrice = fen(sku.sku_line_price);
  return {
    id: toSkuGlobalId('XIAOE', productId, skuId),
    platformSkuId: skuId,
    outerId: null,
    name: text(sku.sku_name),
    image: text(sku.sku_img),
    price: fen(sku.sku_price),
    // 0 is how the page's example says "no crossed-out price".
    originalPrice: linePrice && linePrice.minorUnits > 0 ? linePrice : null,
    status,
    rawStatus,
    properties: Array.isArray(sku.attr_data) ? toProperties(sku.attr_data) : null,
    barcode: null,
    stock: stockBySku ? (stockRow ? rowStock(stockRow) : null) : null,
  };
}

/** `stock[]` by sku_id; null when the block is absent. */
function stockRowsBySku(stock: unknown): Map<string, Fields> | null {
  if (!Array.isArray(stock)) return null;
  return new Map(stock.filter(isRecord).map((row) => [String(row.sku_id ?? ''), row] as const));
}

/**
 * One stock row: left_num / sell_num / setting_stock. stock_type 2 (买断/免费) keeps no quantity, so
 * only what was sold is known.
 */
function rowStock(row: Fields): Stock {
  const counted = row.stock_type !== 2;
  return { available: counted ? count(row.left_num) : null, sold: count(row.sell_num), total: counted ? count(row.setting_stock) : null };
}

/** The sum over the rows still in use (is_deleted 0); a field unknown in any row is unknown in the sum. */
function productStock(rows: Fields[]): Stock | null {
  const live = rows.filter((row) => row.is_deleted !== 1).map(rowStock);
  if (live.length === 0) return null;
  const sum = (field: keyof Omit<Stock, '__typename'>): number | null =>
    live.reduce<number | null>((acc, s) => (acc === null || s[field] == null ? null : acc + (s[field] as number)), 0);
  return { available: sum('available'), sold: sum('sold'), total: sum('total') };
}

/** `{attr_name, attr_value}` entries (the sandbox's shape; the page shows only `[]`), or `{name, value}`. */
function toProperties(entries: unknown[]): Property[] {
  const out: Property[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const name = entry.attr_name ?? entry.name;
    const value = entry.attr_value ?? entry.value;
    if ((typeof name === 'string' && name !== '') && (typeof value === 'string' || typeof value === 'number')) out.push({ name, value: String(value) });
  }
  return out;
}

/** Integer fen (sku_line_price is documented as a string): Money, or null for anything else. */
function fen(value: unknown): Money | null {
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  return typeof n === 'number' && Number.isSafeInteger(n) ? toMoneyFromFen(n) : null;
}

function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
