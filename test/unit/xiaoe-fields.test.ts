import { describe, expect, it } from 'vitest';
import { detailRequest } from '../../src/platforms/xiaoe/detail';
import { toDetailBody } from '../../src/platforms/xiaoe/fields';

const body = (...paths: string[]) => toDetailBody(new Set(paths));

describe('Xiaoe body from the selection', () => {
  it('sends no body for fields of the goods record itself', () => {
    expect(
      body('id', 'title', 'status', 'rawStatus', 'price', 'price.min', 'price.min.amount', 'images', 'createdAt', 'audit.state'),
    ).toBeUndefined();
    expect(body()).toBeUndefined();
  });

  it('asks for sku for any SKU field, skus.id included (only the block says which SKUs exist)', () => {
    expect(body('skus', 'skus.id')).toBe('sku');
    expect(body('skus', 'skus.price', 'skus.price.amount')).toBe('sku');
  });

  it('asks for stock and sku for product stock (deleted SKUs do not count)', () => {
    expect(body('stock', 'stock.available')).toBe('stock,sku');
  });

  it('asks for stock and sku for SKU stock, in the page order', () => {
    expect(body('skus', 'skus.stock', 'skus.stock.available')).toBe('stock,sku');
  });

  it('asks for attr for attributes', () => {
    expect(body('attributes', 'attributes.name')).toBe('attr');
  });

  it('asks for everything, in the page order "stock,sku,attr", for raw', () => {
    expect(body('raw')).toBe('stock,sku,attr');
    expect(body('attributes', 'skus', 'stock')).toBe('stock,sku,attr');
  });
});

describe('Xiaoe detail request from ids', () => {
  it('groups ids by resource type into one resources[] in first-seen order', () => {
    const ids = [
      { resourceType: 2, resourceId: 'a_1' },
      { resourceType: 21, resourceId: 'g_1' },
      { resourceType: 2, resourceId: 'a_2' },
    ];
    expect(detailRequest(ids, 'sku')).toEqual({
      resources: [
        { type: 2, ids: ['a_1', 'a_2'] },
        { type: 21, ids: ['g_1'] },
      ],
      body: 'sku',
    });
  });

  it('has no body key when no block is needed', () => {
    expect(detailRequest([{ resourceType: 2, resourceId: 'a_1' }], undefined)).not.toHaveProperty('body');
  });
});
