/**
 * Pure mapping of a goods detail 2.0 record to the unified Product. Prices are integer fen (price_low,
 * price_high, sku_price, sku_line_price); times `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai with
 * `0000-00-00 00:00:00` for none; `stock`, `sku`, `attr` are present only when the call asked for them,
 * and their fields stay null when absent (never a guessed 0 or empty list).
 */
import type { AuditInfo, Money, PriceRange, Product, ProductStatus, Property, Sku, Stock } from '../../generated/graphql';
import { FieldIssues, fieldIssueOf, markFieldIssues } from '../fieldIssues';
import { toProductGlobalId, toSkuGlobalId } from '../globalId';
import { readFen } from '../money';
import { asCode, readCount } from '../readCount';
import { capSkuStatus, countedSkus } from '../skuRules';
import { sumStocks } from '../stockSum';
import { readShanghaiLocal } from '../time';
import type { XiaoeGoodsRecord } from './client';
import { formatXiaoeId } from './ids';
import { isFlagSet, toXiaoeSkuStatus, toXiaoeStatus } from './status';
import { isRecord } from '../../util/isRecord';
import { text } from '../../util/text';

type Fields = Readonly<Record<string, unknown>>;

/** Xiaoe has no review of goods (the detail page has no audit field). */
const NO_AUDIT: AuditInfo = { state: 'NONE', submittedAt: null, auditedAt: null, rejectReason: null, rawState: null };

export function toXiaoeProduct(record: XiaoeGoodsRecord): Product {
  const platformProductId = formatXiaoeId(Number(record.resource_type), String(record.resource_id));
  const issues = new FieldIssues();
  const { status, rawStatus } = toXiaoeStatus(record);
  const rows = liveStockRows(record.stock);
  const skus = Array.isArray(record.sku) ? record.sku.filter(isRecord).map((sku) => toSku(sku, platformProductId, rows, status)) : null;
  return markFieldIssues(
    issues.attach({
      id: toProductGlobalId('XIAOE', platformProductId),
      platform: 'XIAOE',
      platformProductId,
      outerId: text(record.goods_sn),
      title: text(record.goods_name),
      subtitle: text(record.goods_brief_text),
      description: text(record.goods_detail_text),
      images: Array.isArray(record.goods_img) ? record.goods_img.filter((u): u is string => typeof u === 'string' && u !== '') : null,
      brand: null,
      categoryIds:
        typeof record.goods_category_id === 'string' ? (record.goods_category_id === '' ? [] : [record.goods_category_id]) : null,
      status,
      rawStatus,
      price: priceRange(record),
      skus: skus?.map(({ sku }) => sku) ?? null,
      stock: productStock(rows, skus, issues),
      audit: NO_AUDIT,
      attributes: Array.isArray(record.attr) ? toProperties(record.attr) : null,
      createdAt: issues.take('createdAt', record.created_at, readShanghaiLocal(record.created_at)),
      updatedAt: issues.take('updatedAt', record.updated_at, readShanghaiLocal(record.updated_at)),
      raw: record,
    }),
  );
}

/**
 * min: price_low ("商品最低价(取自sku中最低价值)"). max: price_high ("商品高价"; the page's further note
 * "取自最低价所在sku对应划线价" contradicts its example, where price_high equals price_low with no line
 * price), never below min. These are Xiaoe's own figures, whatever SKUs it counts in them (assumption,
 * docs/platforms.md): the range is the same whether or not the query fetched the sku block.
 */
function priceRange(record: Fields): PriceRange | null {
  const issues = new FieldIssues();
  const min = issues.take('min', record.price_low, readFen(record.price_low));
  const high = issues.take('max', record.price_high, readFen(record.price_high));
  const max: Money | null = high && min && high.minorUnits < min.minorUnits ? min : high;
  return min || max || issues.size > 0 ? issues.attach({ min, max }) : null;
}

interface MappedSku {
  sku: Sku;
  /** The SKU's own status, before its product caps it. */
  own: ProductStatus;
}

/** `productStatus` caps the SKU's status: a SKU is never more available than its product. */
function toSku(sku: Fields, productId: string, rows: Map<string, Fields[]> | null, productStatus: ProductStatus): MappedSku {
  const skuId = skuIdOf(sku.sku_id);
  const issues = new FieldIssues();
  const { status, rawStatus } = toXiaoeSkuStatus(sku);
  const linePrice = issues.take('originalPrice', sku.sku_line_price, readFen(sku.sku_line_price));
  const mapped: Sku = {
    id: toSkuGlobalId('XIAOE', productId, skuId),
    platformSkuId: skuId,
    outerId: null,
    name: text(sku.sku_name),
    image: text(sku.sku_img),
    price: issues.take('price', sku.sku_price, readFen(sku.sku_price)),
    // 0 is how the page's example says "no crossed-out price".
    originalPrice: linePrice && linePrice.minorUnits > 0 ? linePrice : null,
    status: capSkuStatus(status, productStatus),
    rawStatus,
    properties: Array.isArray(sku.attr_data) ? toProperties(sku.attr_data) : null,
    barcode: null,
    stock: rows ? skuStock(rows.get(skuId), status === 'DELETED', issues) : null,
  };
  return { sku: issues.attach(mapped), own: status };
}

/** `stock[]` rows still in use (is_deleted 0), by sku_id; null when the block is absent. */
function liveStockRows(stock: unknown): Map<string, Fields[]> | null {
  if (!Array.isArray(stock)) return null;
  const bySku = new Map<string, Fields[]>();
  for (const row of stock.filter(isRecord)) {
    if (isFlagSet(row.is_deleted)) continue;
    const skuId = skuIdOf(row.sku_id);
    bySku.set(skuId, [...(bySku.get(skuId) ?? []), row]);
  }
  return bySku;
}

/** A SKU's one live row; none (or a deleted SKU) is no stock, several live rows are not guessed between. */
function skuStock(rows: Fields[] | undefined, deleted: boolean, issues: FieldIssues): Stock | null {
  if (deleted || !rows || rows.length === 0) return null;
  if (rows.length > 1) return issues.reject('stock', rows.length, 'live stock rows for one SKU; which one holds is unknown');
  return rowStock(rows[0]!);
}

/**
 * One stock row: left_num / sell_num / setting_stock. stock_type 2 (买断/免费, as an int or its text)
 * keeps no quantity, so only what was sold is known.
 */
function rowStock(row: Fields): Stock {
  const issues = new FieldIssues();
  const counted = asCode(row.stock_type) !== 2;
  return issues.attach({
    available: counted ? issues.take('available', row.left_num, readCount(row.left_num)) : null,
    sold: issues.take('sold', row.sell_num, readCount(row.sell_num)),
    total: counted ? issues.take('total', row.setting_stock, readCount(row.setting_stock)) : null,
  });
}

/**
 * With the sku block: the sum over the SKUs that count (skuRules.ts; never a deleted one). Without it
 * (it is always fetched with the stock block, fields.ts): the sum over the live rows. Null without a
 * stock block (never a guessed 0).
 */
function productStock(rows: Map<string, Fields[]> | null, skus: readonly MappedSku[] | null, issues: FieldIssues): Stock | null {
  if (!rows) return null;
  if (skus) {
    const counted = countedSkus(skus, ({ own }) => own);
    if (counted.some(({ sku }) => fieldIssueOf(sku, 'stock')))
      return issues.derived('stock', "unknown, since a counted SKU's stock rows cannot be read");
    if (counted.every(({ sku }) => sku.stock == null)) return null;
    return sumStocks(counted.map(({ sku }) => sku.stock ?? { available: null, sold: null, total: null }));
  }
  const live = [...rows.values()].flat();
  return live.length === 0 ? null : sumStocks(live.map(rowStock));
}

/** `{attr_name, attr_value}` entries (the sandbox's shape; the page shows only `[]`), or `{name, value}`. */
function toProperties(entries: unknown[]): Property[] {
  const out: Property[] = [];
  for (const entry of entries) {
    if (!isRecord(entry)) continue;
    const name = entry.attr_name ?? entry.name;
    const value = entry.attr_value ?? entry.value;
    if (typeof name === 'string' && name !== '' && (typeof value === 'string' || typeof value === 'number'))
      out.push({ name, value: String(value) });
  }
  return out;
}

/** sku_id as text (the page shows strings; a number is read as its digits); anything else is no id, `''`. */
function skuIdOf(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
