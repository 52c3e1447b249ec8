import { describe, expect, it } from 'vitest';
import { buildTaobaoCatalog } from '../../src/sandbox/platforms/taobao/catalog';
import { documentedExampleItem } from '../../src/sandbox/platforms/taobao/exampleItem';
import type { TopItem } from '../../src/platforms/taobao/topItem';

/** "12.30" -> 1230, from the text (prices always carry two decimals). */
const fen = (yuan: string) => Number(yuan.replace('.', ''));
const serialize = (seed: number, size: number) => JSON.stringify([...buildTaobaoCatalog({ seed, size }).items.values()]);

describe('buildTaobaoCatalog', () => {
  const catalog = buildTaobaoCatalog({ seed: 42, size: 600 });
  const items: TopItem[] = [...catalog.items.values()];
  const skus = items.flatMap((item) => item.skus?.sku ?? []);

  it('is deterministic: same seed, same bytes; another seed, another catalog', () => {
    expect(serialize(3, 50)).toBe(serialize(3, 50));
    expect(serialize(4, 50)).not.toBe(serialize(3, 50));
  });

  it('holds the API page example verbatim, and size generated items besides deleted ones', () => {
    expect(catalog.items.get('1489161932')).toMatchObject(documentedExampleItem() as Record<string, unknown>);
    expect(catalog.items.size + catalog.deletedIds.length).toBe(601);
  });

  it('keeps deleted items out of the index', () => {
    expect(catalog.deletedIds.length).toBeGreaterThan(0);
    for (const id of catalog.deletedIds) expect(catalog.items.has(id)).toBe(false);
  });

  it('indexes by num_iid text, ids unique and within exact integers', () => {
    for (const [id, item] of catalog.items) {
      expect(String(item.num_iid)).toBe(id);
      expect(Number.isSafeInteger(item.num_iid)).toBe(true);
    }
    expect(new Set(skus.map((s) => s.sku_id)).size).toBe(skus.length);
  });

  it('covers onsale and instock, sold out, the documented maximum price and very large stock', () => {
    expect(new Set(items.map((i) => i.approve_status))).toEqual(new Set(['onsale', 'instock']));
    expect(items.some((i) => i.approve_status === 'onsale' && i.num === 0)).toBe(true);
    expect(skus.some((s) => s.price === '100000000.00')).toBe(true);
    expect(skus.some((s) => (s.quantity ?? 0) >= 999_999_999)).toBe(true);
    expect(items.some((i) => i.type === 'auction') && items.some((i) => i.is_virtual === true)).toBe(true);
  });

  it('gives every generated item 1-6 SKUs with properties, and the lowest SKU price as its price', () => {
    for (const item of items.slice(1)) {
      const list = item.skus!.sku!;
      expect(list.length).toBeGreaterThanOrEqual(1);
      expect(list.length).toBeLessThanOrEqual(6);
      expect(list.every((s) => /^(-?\d+:-?\d+:[^:;]+:[^;]+)(;-?\d+:-?\d+:[^:;]+:[^;]+)*$/.test(s.properties_name!))).toBe(true);
      expect(fen(item.price!)).toBe(Math.min(...list.map((s) => fen(s.price!))));
      expect(item.num).toBe(list.reduce((sum, s) => sum + s.quantity!, 0));
    }
  });

  it('writes prices as yuan with two decimals and times as yyyy-MM-dd HH:mm:ss', () => {
    expect(skus.every((s) => /^\d+\.\d{2}$/.test(s.price!))).toBe(true);
    expect(items.every((i) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(i.created!))).toBe(true);
  });
});
