/**
 * Which freshness class a selected path belongs to. Stock changes fastest, then price and status,
 * then content (title, images, description, attributes, categories and the rest). Identity fields
 * never go stale. `raw` carries every upstream field, stock included, so it is as strict as stock.
 */
import type { FieldClass } from '../config/cache';

const IDENTITY = new Set(['id', 'platform', 'platformProductId']);
const PRICE = new Set(['price', 'skus.price', 'skus.originalPrice']);
const STATUS = new Set(['status', 'rawStatus', 'audit', 'skus.status', 'skus.rawStatus']);
const STOCK = new Set(['stock', 'skus.stock', 'raw']);

/** The class of a dotted selection path; null for identity fields (always fresh, always held). */
export function fieldClassOf(path: string): FieldClass | null {
  if (IDENTITY.has(path)) return null;
  const field = fieldOf(path);
  if (STOCK.has(field)) return 'stock';
  if (PRICE.has(field)) return 'price';
  if (STATUS.has(field)) return 'status';
  return 'content';
}

/** The Product or Sku field a path lies in: `price.min.amount` -> `price`, `skus.price.amount` -> `skus.price`. */
function fieldOf(path: string): string {
  const parts = path.split('.', 3);
  return parts[0] === 'skus' && parts.length > 1 ? `skus.${parts[1]}` : parts[0]!;
}
