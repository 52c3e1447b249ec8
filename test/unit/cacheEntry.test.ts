import { describe, expect, it } from 'vitest';
import { DEFAULT_FRESHNESS } from '../../src/config/cache';
import { asCacheEntry, judge, mergeFetched } from '../../src/cache/cacheEntry';
import { fieldClassOf } from '../../src/cache/fieldClass';
import type { Product } from '../../src/generated/graphql';

const policy = { bounds: DEFAULT_FRESHNESS, staleWhileRevalidateMs: 30_000, staleIfErrorMs: 600_000, notFoundMs: 30_000 };
const sel = (...paths: string[]) => new Set(paths);
const product = (fields: Partial<Product>) =>
  ({ id: 'g', platform: 'TAOBAO', platformProductId: '1', status: 'ON_SALE', ...fields }) as Product;

describe('fieldClassOf', () => {
  it('classes stock, price, status and content paths, at any depth, and leaves identity out', () => {
    expect(['stock', 'stock.available', 'skus.stock.available', 'raw'].map(fieldClassOf)).toEqual(['stock', 'stock', 'stock', 'stock']);
    expect(['price.min.amount', 'skus.price.amount', 'skus.originalPrice'].map(fieldClassOf)).toEqual(['price', 'price', 'price']);
    expect(['status', 'rawStatus', 'audit.state', 'skus.status'].map(fieldClassOf)).toEqual(['status', 'status', 'status', 'status']);
    expect(['title', 'images', 'description', 'attributes.name', 'categoryIds', 'skus', 'skus.name'].map(fieldClassOf)).toEqual(
      Array(7).fill('content'),
    );
    expect(['id', 'platform', 'platformProductId'].map(fieldClassOf)).toEqual([null, null, null]);
  });
});

describe('judge', () => {
  const entry = mergeFetched(undefined, product({ title: 't', stock: { available: 3 } }), sel('title', 'stock', 'stock.available'), 1_000);

  it('is fresh up to each class bound, inclusive, and ignores identity fields', () => {
    expect(judge(entry, sel('id', 'title', 'stock.available'), 1_000 + 15_000, policy).kind).toBe('fresh');
    expect(judge(entry, sel('title'), 1_000 + 600_000, policy).kind).toBe('fresh');
  });

  it('is stale within the revalidation window, then a miss with a fallback within the stale-if-error bound, then a plain miss', () => {
    expect(judge(entry, sel('stock.available'), 1_000 + 15_001, policy)).toMatchObject({ kind: 'stale', ageMs: 15_001 });
    expect(judge(entry, sel('stock.available'), 1_000 + 45_001, policy)).toMatchObject({ kind: 'miss', fallback: { ageMs: 45_001 } });
    expect(judge(entry, sel('stock.available'), 1_000 + 615_001, policy)).toEqual({ kind: 'miss' });
  });

  it('misses a selection the entry does not hold', () => {
    expect(judge(entry, sel('title', 'price', 'price.min'), 1_000, policy)).toEqual({ kind: 'miss' });
  });

  it('remembers NOT_FOUND for its own bound', () => {
    expect(judge({ v: 1, notFoundAt: 0 }, sel('title'), 30_000, policy).kind).toBe('notFound');
    expect(judge({ v: 1, notFoundAt: 0 }, sel('title'), 30_001, policy).kind).toBe('miss');
  });
});

describe('mergeFetched', () => {
  it('replaces the fields a fetch selected, with every held path below them, and keeps the others with their own times', () => {
    const first = mergeFetched(
      undefined,
      product({ title: 'old', skus: [{ price: 1, stock: 2 }] as never }),
      sel('title', 'skus', 'skus.price', 'skus.stock'),
      1,
    );
    const second = mergeFetched(first, product({ title: null, skus: [{ stock: 5 }] as never }), sel('skus', 'skus.stock'), 2);
    expect(second.product.title).toBe('old');
    expect(second.product.skus).toEqual([{ stock: 5 }]);
    expect(second.fetchedAt).toEqual({ title: 1, skus: 2, 'skus.stock': 2 });
  });
});

describe('asCacheEntry', () => {
  it('takes entries of the current format only', () => {
    const entry = mergeFetched(undefined, product({ title: 't' }), sel('title'), 1);
    expect(asCacheEntry(JSON.parse(JSON.stringify(entry)))).toEqual(entry);
    expect(asCacheEntry({ ...entry, v: 0 })).toBeUndefined();
    expect(asCacheEntry({ v: 1, product: { title: 't' }, fetchedAt: {} })).toBeUndefined();
    expect(asCacheEntry({ v: 1, product: entry.product, fetchedAt: { title: 'yesterday' } })).toBeUndefined();
    expect(asCacheEntry('text')).toBeUndefined();
    expect(asCacheEntry(null)).toBeUndefined();
  });
});
