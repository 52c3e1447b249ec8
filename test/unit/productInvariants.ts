/**
 * The invariants every mapped Product keeps, whatever the upstream sent (issue 15, item 4). Each check
 * throws an Error naming the first broken invariant, so fast-check can shrink to the smallest record.
 */
import type { Money, Product, ProductStatus, Sku, Stock } from '../../src/generated/graphql';
import { fieldIssueOf } from '../../src/platforms/fieldIssues';

const EARLIEST = Date.UTC(2000, 0, 1);
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function fail(product: Product, what: string): never {
  throw new Error(`${what} (product ${product.platformProductId})`);
}

/** Exact and non-negative: a whole number of fen, and the decimal text is that number. */
function checkMoney(product: Product, where: string, money: Money | null | undefined): void {
  if (money == null) return;
  const { amount, minorUnits, currency } = money;
  if (!Number.isSafeInteger(minorUnits) || minorUnits < 0) fail(product, `${where}.minorUnits ${minorUnits} is not exact and >= 0`);
  const expected = `${Math.floor(minorUnits / 100)}.${String(minorUnits % 100).padStart(2, '0')}`;
  if (amount !== expected) fail(product, `${where}.amount ${amount} is not ${expected}`);
  if (currency !== 'CNY') fail(product, `${where}.currency ${currency}`);
}

function checkStock(product: Product, where: string, stock: Stock | null | undefined): void {
  if (stock == null) return;
  for (const field of ['available', 'sold', 'total'] as const) {
    const n = stock[field];
    if (n != null && (!Number.isSafeInteger(n) || n < 0)) fail(product, `${where}.${field} ${n} is not a whole number >= 0`);
  }
}

function checkTime(product: Product, where: string, value: unknown): void {
  if (value == null) return;
  if (typeof value !== 'string' || !ISO_UTC.test(value) || !(Date.parse(value) >= EARLIEST))
    fail(product, `${where} ${JSON.stringify(value)} is not an ISO instant after 2000`);
}

function rank(status: ProductStatus | null | undefined): number {
  return status === 'ON_SALE' ? 2 : status === 'SOLD_OUT' ? 1 : 0;
}

export interface InvariantOptions {
  /** The record had a status value: `rawStatus` must keep it. */
  hadStatus: boolean;
  /**
   * Where product stock is derived from SKU stock: the SKUs it must be the sum over (the live ones, by
   * the SKU's own status as the platform's table reads it).
   */
  stockFrom?: readonly Sku[];
  /** The upstream creation time: a null `createdAt` from a value that is not "none" must carry an issue. */
  createdFrom?: unknown;
}

/** The ways the pages say "no time": absent, empty, 0, `0000-00-00 00:00:00`. */
function isNoTime(raw: unknown): boolean {
  return (
    raw === undefined || raw === null || raw === '' || raw === 0 || raw === '0' || (typeof raw === 'string' && raw.startsWith('0000-00-00'))
  );
}

export function checkProductInvariants(product: Product, options: InvariantOptions): void {
  const { price } = product;
  checkMoney(product, 'price.min', price?.min);
  checkMoney(product, 'price.max', price?.max);
  if (price?.min && price.max && price.min.minorUnits > price.max.minorUnits)
    fail(product, `price.min ${price.min.amount} > price.max ${price.max.amount}`);
  checkStock(product, 'stock', product.stock);
  for (const [where, value] of [
    ['createdAt', product.createdAt],
    ['updatedAt', product.updatedAt],
    ['audit.submittedAt', product.audit?.submittedAt],
    ['audit.auditedAt', product.audit?.auditedAt],
  ] as const) {
    checkTime(product, where, value);
  }
  if (options.hadStatus && product.rawStatus == null) fail(product, 'rawStatus was dropped');
  (product.skus ?? []).forEach((sku, i) => {
    checkMoney(product, `skus.${i}.price`, sku.price);
    checkMoney(product, `skus.${i}.originalPrice`, sku.originalPrice);
    checkStock(product, `skus.${i}.stock`, sku.stock);
    if (rank(sku.status) > rank(product.status)) fail(product, `skus.${i} is ${sku.status} under a ${product.status} product`);
  });
  if (options.stockFrom) checkDerivedStock(product, options.stockFrom);
  if (product.createdAt == null && !isNoTime(options.createdFrom) && !fieldIssueOf(product, 'createdAt')) {
    fail(product, `createdAt is silently null for ${JSON.stringify(options.createdFrom)}`);
  }
}

/** Product `stock.available` is the sum over the counted SKUs: null when any of them does not say. */
function checkDerivedStock(product: Product, counted: readonly Sku[]): void {
  if (product.stock == null) {
    if (counted.some((sku) => sku.stock?.available != null) && counted.every((sku) => sku.stock?.available != null))
      fail(product, 'stock is null though every counted SKU has stock');
    return;
  }
  const values = counted.map((sku) => sku.stock?.available);
  const expected = values.every((n) => n != null) ? values.reduce<number>((a, n) => a + n, 0) : null;
  if (product.stock.available !== expected)
    fail(product, `stock.available ${product.stock.available} is not the sum ${expected} over ${counted.length} live SKUs`);
}
