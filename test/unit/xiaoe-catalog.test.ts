import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/sandbox/data/random';
import { buildXiaoeCatalog, type XiaoeCatalog } from '../../src/sandbox/platforms/xiaoe/catalog';
import { bodyRng, headRng } from '../../src/sandbox/platforms/xiaoe/recordStreams';
import { DOC_EXAMPLE_RECORD } from './xiaoe-docExample';

const NO_TIME = '0000-00-00 00:00:00';
const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

function allRecords(catalog: XiaoeCatalog): Array<Readonly<Record<string, any>>> {
  return catalog.newestFirst.map((g) => catalog.recordOf(g));
}

describe('Xiaoe sandbox catalog', () => {
  const catalog = buildXiaoeCatalog(7, 1_500);
  const records = allRecords(catalog);

  it('holds the detail page example record verbatim, besides the generated goods', () => {
    expect(catalog.byKey.size).toBe(1_501);
    const example = catalog.byKey.get('2:a_619fba7ae4b03f3fb99c7809');
    expect(example && catalog.recordOf(example)).toEqual(DOC_EXAMPLE_RECORD);
  });

  it('is the same, byte for byte, for the same seed, and differs for another', () => {
    const again = JSON.stringify(allRecords(buildXiaoeCatalog(7, 1_500)));
    expect(again).toBe(JSON.stringify(records));
    expect(JSON.stringify(allRecords(buildXiaoeCatalog(8, 1_500)))).not.toBe(again);
  });

  it('builds the same record again after it left the record cache, whatever the catalog size', () => {
    const goods = catalog.newestFirst[100]!;
    const big = buildXiaoeCatalog(7, 6_000);
    const same = big.byKey.get(goods.key)!;
    const before = JSON.stringify(big.recordOf(same));
    for (const g of big.newestFirst) big.recordOf(g); // 6,001 records through a 5,000-record cache
    expect(JSON.stringify(big.recordOf(same))).toBe(before);
    expect(before).toBe(JSON.stringify(catalog.recordOf(goods)));
  });

  it('covers every sale_status, deleted, banned and stopped goods', () => {
    expect(new Set(records.map((r) => r.sale_status))).toEqual(new Set([0, 1, 2]));
    for (const flag of ['is_deleted', 'is_forbid', 'is_stop_sell', 'is_free', 'is_timing_sale', 'is_timing_off']) {
      expect(
        records.some((r) => r[flag] === 1),
        flag,
      ).toBe(true);
    }
  });

  it('uses many resource types, physical goods (21) with 颜色/尺码 SKUs, and 1 to 6 SKUs', () => {
    expect(new Set(records.map((r) => r.resource_type)).size).toBeGreaterThanOrEqual(10);
    const physical = records.filter((r) => r.resource_type === 21);
    const names = new Set(physical.flatMap((r) => r.sku.flatMap((s: any) => s.attr_data.map((a: any) => a.attr_name))));
    expect(names).toContain('颜色');
    expect(names).toContain('尺码');
    const skuCounts = new Set(records.map((r) => r.sku.length));
    for (let n = 1; n <= 6; n++) expect(skuCounts).toContain(n);
  });

  it('prices in integer fen consistent with the SKUs', () => {
    for (const r of records.slice(0, 300)) {
      const live = r.sku.filter((s: any) => s.is_deleted === 0).map((s: any) => s.sku_price);
      expect(Number.isInteger(r.price_low)).toBe(true);
      if (live.length > 0) expect(r.price_low).toBe(Math.min(...live));
    }
  });

  it('has sold-out stock, very large stock, and stock rows for every SKU', () => {
    const rows = records.flatMap((r) => r.stock);
    expect(rows.some((s: any) => s.left_num === 0 && s.stock_type === 0)).toBe(true);
    expect(rows.some((s: any) => s.setting_stock >= 999_999_999)).toBe(true);
    for (const r of records) expect(r.stock.map((s: any) => s.sku_id)).toEqual(r.sku.map((s: any) => s.sku_id));
  });

  it('writes times as yyyy-MM-dd HH:mm:ss, with 0000-00-00 00:00:00 where none applies', () => {
    for (const r of records.filter((rec) => rec.app_id !== DOC_EXAMPLE_RECORD.app_id)) {
      for (const field of ['created_at', 'updated_at', 'sale_at', 'timing_sale', 'timing_off', 'timing_offtime'])
        expect(r[field]).toMatch(TIME);
      expect(r.updated_at >= r.created_at).toBe(true);
      if (r.is_timing_sale === 0) expect(r.timing_sale).toBe(NO_TIME);
    }
    expect(records.some((r) => r.sale_at === NO_TIME)).toBe(true);
  });

  it('builds 100,000 goods and answers them by key', () => {
    const big = buildXiaoeCatalog(3, 100_000);
    expect(big.byKey.size).toBe(100_001);
    const last = big.newestFirst[big.newestFirst.length - 1]!;
    expect(big.recordOf(last).resource_id).toBe(last.key.slice(last.key.indexOf(':') + 1));
  });
});

describe('Xiaoe record streams', () => {
  it('are windows of the one sequence the catalog seed starts', () => {
    const whole = new Rng(42);
    const sequence = Array.from({ length: 2048 + 5 }, () => whole.next());
    const head = headRng(42, 2);
    expect(Array.from({ length: 5 }, () => head.next())).toEqual(sequence.slice(2048, 2053));
    const body = bodyRng(42, 0);
    expect(body.next()).toBe(sequence[128]);
  });

  it('refuse to draw past their window', () => {
    const head = headRng(1, 0);
    expect(() => {
      for (let i = 0; i < 129; i++) head.next();
    }).toThrow(RangeError);
  });
});
