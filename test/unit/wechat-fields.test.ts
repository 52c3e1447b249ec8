import { describe, expect, it } from 'vitest';
import { planWechatFetch } from '../../src/platforms/wechat/fields';

const plan = (...paths: string[]) => planWechatFetch(new Set(paths));

describe('WeChat fields: which calls a selection needs', () => {
  it('reads title, status, audit, images and the rest from product/spu/get alone', () => {
    expect(
      plan(
        'id',
        'title',
        'subtitle',
        'status',
        'rawStatus',
        'audit',
        'audit.state',
        'audit.rejectReason',
        'images',
        'brand',
        'categoryIds',
        'attributes',
        'attributes.name',
        'description',
        'outerId',
        'createdAt',
        'updatedAt',
        'platformProductId',
      ),
    ).toEqual({
      skuDetails: false,
      raw: false,
    });
  });

  it('serves skus { id platformSkuId } from the sku ids spu/get lists', () => {
    expect(plan('title', 'skus', 'skus.id', 'skus.platformSkuId').skuDetails).toBe(false);
  });

  it.each([
    'skus.price',
    'skus.stock',
    'skus.outerId',
    'skus.properties',
    'skus.name',
    'skus.barcode',
    'skus.status',
    'skus.image',
    'skus.originalPrice',
  ])('adds product/sku/get_list for %s', (path) => {
    expect(plan('skus', 'skus.id', path, `${path}.amount`).skuDetails).toBe(true);
  });

  it('adds product/sku/get_list for product stock (the sum of SKU stock)', () => {
    expect(plan('stock', 'stock.available').skuDetails).toBe(true);
  });

  it('serves price.min from min_price but needs the SKUs for price.max', () => {
    expect(plan('price', 'price.min', 'price.min.amount').skuDetails).toBe(false);
    expect(plan('price', 'price.max', 'price.max.amount').skuDetails).toBe(true);
  });

  it('treats a bare skus or price (no sub-fields) as all of them', () => {
    expect(plan('skus').skuDetails).toBe(true);
    expect(plan('price').skuDetails).toBe(true);
  });

  it('fetches everything for raw', () => {
    expect(plan('raw')).toEqual({ skuDetails: true, raw: true });
  });

  it('fetches the SKU details for a field it does not know, rather than leave it empty', () => {
    expect(plan('title', 'someNewField').skuDetails).toBe(true);
  });
});
