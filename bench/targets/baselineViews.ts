/**
 * The hand-written baseline's views: per scenario, the fixed selection it asks the adapters for and
 * the projection of each Product onto exactly the JSON the gateway answers for that scenario's
 * GraphQL document (scenarios.ts), field for field and in the same order.
 */
import type { Money, Product, Sku } from '../../src/generated/graphql';

export interface BaselineView {
  /** The Product paths the scenario's document selects (what the gateway's selectionOf gives). */
  selection: ReadonlySet<string>;
  project(product: Product): Record<string, unknown>;
}

const money = (m: Money | null | undefined): Record<string, unknown> | null => (m ? { amount: m.amount, currency: m.currency } : null);
const amountOnly = (m: Money | null | undefined): Record<string, unknown> | null => (m ? { amount: m.amount } : null);

const skuOf = (s: Sku): Record<string, unknown> => ({
  id: s.id,
  price: money(s.price),
  stock: s.stock ? { available: s.stock.available ?? null } : null,
});

export const BASELINE_VIEWS = {
  /** S1: `{ id title rawStatus outerId createdAt }`. */
  card: {
    selection: new Set(['id', 'title', 'rawStatus', 'outerId', 'createdAt']),
    project: (p) => ({
      id: p.id,
      title: p.title ?? null,
      rawStatus: p.rawStatus ?? null,
      outerId: p.outerId ?? null,
      createdAt: p.createdAt ?? null,
    }),
  },
  /** S2: `{ id title price { min { amount currency } max { amount currency } } skus { id price { amount currency } stock { available } } }`. */
  skus: {
    selection: new Set([
      'id',
      'title',
      'price',
      'price.min',
      'price.min.amount',
      'price.min.currency',
      'price.max',
      'price.max.amount',
      'price.max.currency',
      'skus',
      'skus.id',
      'skus.price',
      'skus.price.amount',
      'skus.price.currency',
      'skus.stock',
      'skus.stock.available',
    ]),
    project: (p) => ({
      id: p.id,
      title: p.title ?? null,
      price: p.price ? { min: money(p.price.min), max: money(p.price.max) } : null,
      skus: p.skus ? p.skus.map(skuOf) : null,
    }),
  },
  /** S3: `{ id title price { min { amount } } }`. */
  minPrice: {
    selection: new Set(['id', 'title', 'price', 'price.min', 'price.min.amount']),
    project: (p) => ({ id: p.id, title: p.title ?? null, price: p.price ? { min: amountOnly(p.price.min) } : null }),
  },
  /** S4, each `edges.node`: `{ id title price { min { amount } } skus { id price { amount } stock { available } } }`. */
  listing: {
    selection: new Set([
      'id',
      'title',
      'price',
      'price.min',
      'price.min.amount',
      'skus',
      'skus.id',
      'skus.price',
      'skus.price.amount',
      'skus.stock',
      'skus.stock.available',
    ]),
    project: (p) => ({
      id: p.id,
      title: p.title ?? null,
      price: p.price ? { min: amountOnly(p.price.min) } : null,
      skus: p.skus
        ? p.skus.map((s) => ({ id: s.id, price: amountOnly(s.price), stock: s.stock ? { available: s.stock.available ?? null } : null }))
        : null,
    }),
  },
} satisfies Record<string, BaselineView>;
