/** The mini-program mapper on the batch_get page's example record, and its assumption tables. */
import { describe, expect, it } from 'vitest';
import { fromProductGlobalId } from '../../src/platforms/fromProductGlobalId';
import { mapMiniappProduct } from '../../src/platforms/xhs-miniapp/mapper';
import type { MiniappProduct } from '../../src/platforms/xhs-miniapp/types';
import { MINIAPP_EXAMPLE_PRODUCT } from '../../src/sandbox/platforms/xhs-miniapp/exampleProduct';

/** A realistic record in the page's shape: fen prices, unix-millisecond times. */
const deal: MiniappProduct = {
  out_product_id: 'RMP00000042',
  name: '【海底捞】双人套餐',
  desc: '海底捞双人套餐,随时退',
  path: 'pages/deal/detail?out_product_id=RMP00000042',
  top_image: 'https://sns-img-qc.xhscdn.com/images/a.jpg',
  category_id: '10010001',
  biz_create_time: 1_700_000_000_123,
  biz_update_time: 1_710_000_000_456,
  skus: [
    {
      out_sku_id: 'RMP00000042-1',
      name: '双人套餐 周末通用',
      short_title: '',
      sku_image: 'https://x/1.jpg',
      origin_price: 29_900,
      sale_price: 19_990,
      status: 1,
      sku_id: 'sku-a',
    },
    {
      out_sku_id: 'RMP00000042-2',
      name: '双人套餐 工作日可用',
      short_title: '',
      sku_image: 'https://x/2.jpg',
      origin_price: 15_800,
      sale_price: 15_800,
      status: 0,
      sku_id: 'sku-b',
    },
  ],
  status: 2,
  short_title: '双人套餐',
  audit_info: { submit_time: 1_700_000_100_000, audit_time: 1_700_003_700_000, reject_reason: '' },
  product_type: 1,
  settle_type: 2,
  category_id_v2: '6010100101',
  item_id: '6553f100a1b2c3d4e5000029',
};

describe('mapMiniappProduct on the documented example record', () => {
  const product = mapMiniappProduct(MINIAPP_EXAMPLE_PRODUCT);

  it('keys the product by item_id and keeps out_product_id as the outer id', () => {
    expect(product.platformProductId).toBe('string');
    expect(product.outerId).toBe('string');
    expect(fromProductGlobalId(product.id)).toEqual({ type: 'Product', platform: 'XHS_MINIAPP', platformProductId: 'string' });
  });

  it('reads status 0 as a never-submitted draft and keeps the raw value', () => {
    expect(product.status).toBe('DRAFT');
    expect(product.rawStatus).toBe('0');
    expect(product.audit).toEqual({ state: 'NONE', rawState: '0', submittedAt: null, auditedAt: null, rejectReason: 'string' });
  });

  it('reads times of 0 as no time and prices of 0 fen as 0.00', () => {
    expect(product.createdAt).toBeNull();
    expect(product.updatedAt).toBeNull();
    const zero = { amount: '0.00', currency: 'CNY', minorUnits: 0 };
    expect(product.price).toEqual({ min: zero, max: zero });
    expect(product.skus?.[0]).toMatchObject({
      platformSkuId: 'string',
      outerId: 'string',
      price: zero,
      originalPrice: zero,
      status: 'OFF_SALE',
      rawStatus: '0',
    });
  });

  it('adds no attribute for the undocumented product_type and settle_type 0', () => {
    expect(product.attributes).toEqual([]);
  });
});

describe('mapMiniappProduct on a live deal', () => {
  const product = mapMiniappProduct(deal);

  it('prices SKUs in fen and spans the product price over the SKUs on sale (sku-b is off the shelf)', () => {
    expect(product.skus?.map((sku) => sku.price?.amount)).toEqual(['199.90', '158.00']);
    expect(product.skus?.[0]?.originalPrice).toEqual({ amount: '299.00', currency: 'CNY', minorUnits: 29_900 });
    expect(product.price?.min?.amount).toBe('199.90');
    expect(product.price?.max?.amount).toBe('199.90');
  });

  it('turns unix milliseconds into ISO-8601 UTC', () => {
    expect(product.createdAt).toBe('2023-11-14T22:13:20.123Z');
    expect(product.updatedAt).toBe('2024-03-09T16:00:00.456Z');
    expect(product.audit).toMatchObject({
      state: 'APPROVED',
      submittedAt: '2023-11-14T22:15:00.000Z',
      auditedAt: '2023-11-14T23:15:00.000Z',
      rejectReason: null,
    });
  });

  it('maps SKU status 1 to ON_SALE and 0 to OFF_SALE', () => {
    expect(product.skus?.map((sku) => [sku.status, sku.rawStatus])).toEqual([
      ['ON_SALE', '1'],
      ['OFF_SALE', '0'],
    ]);
  });

  it('names product_type and settle_type as the page documents them', () => {
    expect(product.attributes).toEqual([
      { name: '商品类型', value: '团购' },
      { name: '结算方式', value: '门店结算' },
    ]);
  });

  it('prefers the new category id, and reads title, subtitle and image; desc (a user openId on the page) is no description', () => {
    expect(product).toMatchObject({
      categoryIds: ['6010100101'],
      title: '【海底捞】双人套餐',
      subtitle: '双人套餐',
      description: null,
      images: ['https://sns-img-qc.xhscdn.com/images/a.jpg'],
      stock: null,
      brand: null,
    });
  });

  it('gives every SKU a stable global id under its product', () => {
    expect(new Set(product.skus?.map((sku) => sku.id)).size).toBe(2);
    expect(mapMiniappProduct(deal).skus?.[0]?.id).toBe(product.skus?.[0]?.id);
  });
});

describe('mini-program status table [assumption]', () => {
  const audit = { submit_time: 1_700_000_000_000, audit_time: 1_700_000_100_000, reject_reason: '' };
  it.each([
    [0, 'DRAFT', 'NONE'],
    [1, 'DRAFT', 'PENDING'],
    [2, 'ON_SALE', 'APPROVED'],
    [3, 'DRAFT', 'REJECTED'],
    [4, 'OFF_SALE', 'APPROVED'],
    [5, 'BANNED', 'APPROVED'],
    [6, 'DELETED', 'APPROVED'],
    [42, 'UNKNOWN', 'APPROVED'],
  ] as const)('maps status %i to %s / %s', (status, sale, state) => {
    const product = mapMiniappProduct({ ...deal, status, audit_info: audit });
    expect(product.status).toBe(sale);
    expect(product.rawStatus).toBe(String(status));
    expect(product.audit?.state).toBe(state);
  });

  it('keeps the reject reason of a rejected product', () => {
    const product = mapMiniappProduct({ ...deal, status: 3, audit_info: { ...audit, reject_reason: '资质证明缺失' } });
    expect(product.audit).toMatchObject({ state: 'REJECTED', rejectReason: '资质证明缺失' });
  });

  it('reads the review of a banned product from its audit record', () => {
    expect(mapMiniappProduct({ ...deal, status: 5, audit_info: { submit_time: 1, audit_time: 0, reject_reason: '' } }).audit?.state).toBe(
      'PENDING',
    );
    expect(mapMiniappProduct({ ...deal, status: 5, audit_info: { ...audit, reject_reason: '违规' } }).audit?.state).toBe('REJECTED');
    expect(mapMiniappProduct({ ...deal, status: 5, audit_info: null }).audit?.state).toBe('UNKNOWN');
  });

  it('maps an unknown SKU status to UNKNOWN', () => {
    expect(mapMiniappProduct({ ...deal, skus: [{ ...deal.skus![0]!, status: 9 }] }).skus?.[0]?.status).toBe('UNKNOWN');
  });
});

describe('mini-program records with missing fields', () => {
  it('maps a bare record with nulls, never a guessed value', () => {
    const product = mapMiniappProduct({ item_id: 'abc' });
    expect(product).toMatchObject({
      title: null,
      price: null,
      skus: [],
      images: [],
      categoryIds: null,
      status: 'UNKNOWN',
      rawStatus: null,
      createdAt: null,
    });
    expect(product.audit).toMatchObject({ state: 'UNKNOWN', rawState: null });
  });

  it('ids a SKU without sku_id by its merchant code', () => {
    const sku = mapMiniappProduct({ ...deal, skus: [{ out_sku_id: 'M-1', sale_price: 100 }] }).skus?.[0];
    expect(sku?.platformSkuId).toBe('M-1');
  });
});
