/** The Ark mapper on the API page's own example hit, and its status and money rules. */
import { describe, expect, it } from 'vitest';
import { fromProductGlobalId } from '../../src/platforms/fromProductGlobalId';
import { arkSaleStatus, mapArkHit } from '../../src/platforms/xhs-ark/mapper';
import type { ArkHit, ArkItem } from '../../src/platforms/xhs-ark/types';
import { ARK_EXAMPLE_HIT_TEXT } from '../../src/sandbox/platforms/xhs-ark/exampleHit';

const example = (): ArkHit => JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
const withItem = (item: Partial<ArkItem>): ArkHit => {
  const hit = example();
  return { ...hit, item: { ...hit.item, ...item } };
};

describe('mapArkHit on the documented example', () => {
  const product = mapArkHit(example());

  it('keys the product by the Ark item id', () => {
    expect(product.platform).toBe('XHS_ARK');
    expect(product.platformProductId).toBe('58e5a8e4c9d7597de8649ab5');
    expect(fromProductGlobalId(product.id)).toEqual({
      type: 'Product',
      platform: 'XHS_ARK',
      platformProductId: '58e5a8e4c9d7597de8649ab5',
    });
  });

  it('reads the price 252.69999999999999 as exactly 252.70 yuan', () => {
    const money = { amount: '252.70', currency: 'CNY', minorUnits: 25270 };
    expect(product.price).toEqual({ min: money, max: money });
    expect(product.skus?.[0]?.price).toEqual(money);
    expect(product.skus?.[0]?.originalPrice).toBeNull();
  });

  it('is on shelf with no stock, so SOLD_OUT, and approved', () => {
    expect(product.status).toBe('SOLD_OUT');
    expect(product.rawStatus).toBe('status=2,buyable=true,is_frozen=false');
    expect(product.stock).toEqual({ available: 0, sold: null, total: null });
    expect(product.audit).toEqual({ state: 'APPROVED', rawState: '2', submittedAt: null, auditedAt: null, rejectReason: null });
  });

  it('turns unix seconds into ISO-8601 UTC', () => {
    expect(product.createdAt).toBe('2017-04-06T02:33:08.000Z');
    expect(product.updatedAt).toBe('2017-04-10T12:30:55.000Z');
  });

  it('takes title, brand, categories, images and attributes from their blocks', () => {
    expect(product.title).toBe('RED test high heel 灰色 39');
    expect(product.subtitle).toBe('12345');
    expect(product.description).toBeNull();
    expect(product.outerId).toBe('6907315161898');
    expect(product.brand).toBe('RED');
    expect(product.categoryIds).toEqual(['52ce1c02b4c4d649b58b892f', '56a6eecd8e7989cd56fcea7f', '572dd173939e250d08ec59f2']);
    expect(product.images).toEqual(['http://img.xiaohongshu.com/items/5d9ff90785e29809429f6b7873363fe3']);
    expect(product.attributes).toEqual([
      { name: '材质', value: '丝绒,羊里皮' },
      { name: '鞋跟高', value: '70mm' },
      { name: '产地', value: '中国' },
    ]);
  });

  it('makes the item its one SKU, with the SPL and SPV variants as properties', () => {
    expect(product.skus).toHaveLength(1);
    const sku = product.skus![0]!;
    expect(sku.platformSkuId).toBe('58e5a8e4c9d7597de8649ab5');
    expect(sku.properties).toEqual([
      { name: '颜色', value: '灰色' },
      { name: '尺码', value: '39' },
    ]);
    expect(sku.barcode).toBe('6907315161898');
    expect(sku.status).toBe('SOLD_OUT');
    expect(sku.image).toBe(product.images![0]);
  });

  it('keeps the hit as raw', () => {
    expect(product.raw).toEqual(example());
  });
});

describe('Ark statuses', () => {
  it.each([
    [{ is_frozen: true, buyable: false, status: 2 }, 'BANNED'],
    [{ is_frozen: true, buyable: true, status: 2, stock: 5 }, 'BANNED'],
    [{ buyable: true, status: 2, stock: 5 }, 'ON_SALE'],
    [{ buyable: true, status: 2, stock: 0 }, 'SOLD_OUT'],
    [{ buyable: false, status: 0 }, 'DRAFT'],
    [{ buyable: false, status: 1 }, 'OFF_SALE'],
    [{ buyable: false, status: 2 }, 'OFF_SALE'],
    [{ buyable: undefined, status: 2 }, 'UNKNOWN'],
  ] as const)('maps %o to %s', (item, expected) => {
    expect(arkSaleStatus({ id: 'x', is_frozen: false, ...item })).toBe(expected);
  });

  it.each([
    [0, 'NONE'],
    [1, 'PENDING'],
    [2, 'APPROVED'],
    [7, 'UNKNOWN'],
  ] as const)('maps review status %i to %s, keeping the raw value', (status, state) => {
    expect(mapArkHit(withItem({ status })).audit).toMatchObject({ state, rawState: String(status) });
  });
});

describe('Ark money', () => {
  it.each([
    [43.989999999999995, '43.99', 4399],
    [0.285, '0.29', 29],
    [200.0, '200.00', 20000],
    [0, '0.00', 0],
    [1e-7, '0.00', 0],
  ])('rounds %d yuan half-up from its decimal text to %s', (price, amount, minorUnits) => {
    expect(mapArkHit(withItem({ price })).price?.min).toEqual({ amount, currency: 'CNY', minorUnits });
  });

  it('leaves the price null when the item has none, rather than guessing from pre_tax_price', () => {
    expect(mapArkHit(withItem({ price: null })).price).toBeNull();
  });

  it('maps original_price when present', () => {
    expect(mapArkHit(withItem({ original_price: 299.9 })).skus?.[0]?.originalPrice?.amount).toBe('299.90');
  });
});

describe('Ark records with missing blocks', () => {
  it('maps an item alone, with nulls where the upstream said nothing', () => {
    const product = mapArkHit({ item: { id: '58e5a8e4c9d7597de8649ab6' } });
    expect(product).toMatchObject({
      title: null,
      brand: null,
      categoryIds: null,
      images: [],
      price: null,
      stock: null,
      createdAt: null,
      status: 'UNKNOWN',
      audit: { state: 'UNKNOWN', rawState: null },
    });
    expect(product.skus?.[0]?.properties).toEqual([]);
  });

  it('falls back to the leaf category_id when the category path is missing', () => {
    const hit = example();
    hit.spu = { ...hit.spu, categories: null };
    expect(mapArkHit(hit).categoryIds).toEqual(['572dd173939e250d08ec59f2']);
  });
});
