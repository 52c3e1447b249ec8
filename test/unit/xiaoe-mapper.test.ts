import { describe, expect, it } from 'vitest';
import { toProductGlobalId, toSkuGlobalId } from '../../src/platforms/globalId';
import { toXiaoeProduct } from '../../src/platforms/xiaoe/mapper';
import { DOC_EXAMPLE_RECORD } from './xiaoe-docExample';

const PRODUCT_ID = '2:a_619fba7ae4b03f3fb99c7809';
const SKU_ID = 'SKU_ADO_6378579149295pIEPP38';

function withFields(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...DOC_EXAMPLE_RECORD, ...changes };
}

describe('Xiaoe mapper: the detail page example record', () => {
  const product = toXiaoeProduct(DOC_EXAMPLE_RECORD);

  it('builds the "<resource_type>:<resource_id>" platform id and its global ids', () => {
    expect(product.platform).toBe('XIAOE');
    expect(product.platformProductId).toBe(PRODUCT_ID);
    expect(product.id).toBe(toProductGlobalId('XIAOE', PRODUCT_ID));
    expect(product.skus?.[0]?.id).toBe(toSkuGlobalId('XIAOE', PRODUCT_ID, SKU_ID));
  });

  it('maps the texts, images and empty fields (empty strings are null, an empty category is no category)', () => {
    expect(product.title).toBe('呜呜');
    expect(product.subtitle).toBeNull();
    expect(product.description).toBeNull();
    expect(product.outerId).toBeNull();
    expect(product.brand).toBeNull();
    expect(product.categoryIds).toEqual([]);
    expect(product.images).toEqual([
      'https://wechatapppro-125252xxxx.file.myqcloud.com/appAKLWLitnxxxx/image/b_u_5b2225aa46488_oGKN7IvA/kwes0kzk0hhw.png',
    ]);
  });

  it('reads price_low / price_high as fen', () => {
    expect(product.price).toEqual({
      min: { amount: '0.02', currency: 'CNY', minorUnits: 2 },
      max: { amount: '0.02', currency: 'CNY', minorUnits: 2 },
    });
  });

  it('reads times as Asia/Shanghai and gives them in UTC', () => {
    expect(product.createdAt).toBe('2021-11-25T16:31:54.000Z');
    expect(product.updatedAt).toBe('2021-11-29T16:36:01.000Z');
  });

  it('is ON_SALE with its raw sale_status kept, and has no audit', () => {
    expect(product.status).toBe('ON_SALE');
    expect(product.rawStatus).toBe('sale_status=1');
    expect(product.audit).toEqual({ state: 'NONE', submittedAt: null, auditedAt: null, rejectReason: null, rawState: null });
  });

  it('maps the sku block, with a line price of 0 meaning no crossed-out price', () => {
    expect(product.skus).toEqual([
      {
        id: toSkuGlobalId('XIAOE', PRODUCT_ID, SKU_ID),
        platformSkuId: SKU_ID,
        outerId: null,
        name: '呜呜',
        image: 'https://wechatapppro-125252xxxx.file.myqcloud.com/appAKLWLitnxxxx/image/b_u_5b2225aa46488_oGKN7IvA/kwes0kzk0hhw.png',
        price: { amount: '0.02', currency: 'CNY', minorUnits: 2 },
        originalPrice: null,
        status: 'ON_SALE',
        rawStatus: 'state=1',
        properties: [],
        barcode: null,
        stock: { available: 999999997, sold: 2, total: 999999997 },
      },
    ]);
  });

  it('sums the stock block into product stock', () => {
    expect(product.stock).toEqual({ available: 999999997, sold: 2, total: 999999997 });
  });

  it('keeps an empty attr block as no attributes, and the record itself as raw', () => {
    expect(product.attributes).toEqual([]);
    expect(product.raw).toBe(DOC_EXAMPLE_RECORD);
  });
});

describe('Xiaoe mapper: blocks not asked for', () => {
  it('leaves skus, stock and attributes null (never a guessed 0 or empty list) when the blocks are absent', () => {
    const { stock: _s, sku: _k, attr: _a, ...bare } = DOC_EXAMPLE_RECORD;
    const product = toXiaoeProduct(bare);
    expect(product.skus).toBeNull();
    expect(product.stock).toBeNull();
    expect(product.attributes).toBeNull();
    expect(product.title).toBe('呜呜');
  });

  it('gives a SKU no stock when only the sku block came back', () => {
    const { stock: _s, ...noStock } = DOC_EXAMPLE_RECORD;
    expect(toXiaoeProduct(noStock).skus?.[0]?.stock).toBeNull();
  });
});

describe('Xiaoe mapper: status table', () => {
  it.each([
    [{ sale_status: 0 }, 'OFF_SALE', 'sale_status=0'],
    [{ sale_status: 1 }, 'ON_SALE', 'sale_status=1'],
    [{ sale_status: 2 }, 'SCHEDULED', 'sale_status=2'],
    [{ sale_status: 7 }, 'UNKNOWN', 'sale_status=7'],
    [{ sale_status: 1, is_stop_sell: 1 }, 'OFF_SALE', 'sale_status=1,is_stop_sell=1'],
    [{ sale_status: 1, is_forbid: 1 }, 'BANNED', 'sale_status=1,is_forbid=1'],
    [{ sale_status: 2, is_deleted: 1, is_forbid: 1 }, 'DELETED', 'sale_status=2,is_deleted=1,is_forbid=1'],
  ])('maps %o to %s', (fields, status, rawStatus) => {
    const product = toXiaoeProduct(withFields(fields));
    expect(product.status).toBe(status);
    expect(product.rawStatus).toBe(rawStatus);
  });

  it('stays ON_SALE when the stock block says nothing is left (the status never depends on the blocks asked for)', () => {
    const stock = [{ is_deleted: 0, left_num: 0, remark: '', sell_num: 5, setting_stock: 5, sku_id: SKU_ID }];
    const product = toXiaoeProduct(withFields({ stock }));
    expect(product.status).toBe('ON_SALE');
    expect(product.stock).toEqual({ available: 0, sold: 5, total: 5 });
  });

  it('maps SKU state and deletion', () => {
    const sku = (fields: Record<string, unknown>) => ({ sku_id: 'S1', sku_price: 100, state: 1, is_deleted: 0, ...fields });
    const skus = toXiaoeProduct(
      withFields({ sku: [sku({}), sku({ state: 0 }), sku({ is_deleted: 1, state: 0 }), sku({ state: 9 })] }),
    ).skus;
    expect(skus?.map((s) => [s.status, s.rawStatus])).toEqual([
      ['ON_SALE', 'state=1'],
      ['OFF_SALE', 'state=0'],
      ['DELETED', 'state=0,is_deleted=1'],
      ['UNKNOWN', 'state=9'],
    ]);
  });
});

describe('Xiaoe mapper: stock, prices, properties and times', () => {
  const row = (fields: Record<string, unknown>) => ({
    is_deleted: 0,
    left_num: 10,
    sell_num: 1,
    setting_stock: 11,
    sku_id: 'S1',
    ...fields,
  });

  it('sums live rows only and leaves a deleted row out (no sku block)', () => {
    const stock = [
      row({}),
      row({ sku_id: 'S2', left_num: 5, sell_num: 2, setting_stock: 7 }),
      row({ sku_id: 'S3', is_deleted: 1, left_num: 99 }),
    ];
    expect(toXiaoeProduct(withFields({ stock, sku: undefined })).stock).toEqual({ available: 15, sold: 3, total: 18 });
  });

  it('keeps quantities of a 买断/免费 row (stock_type 2) unknown, and so the product sum', () => {
    const stock = [row({}), row({ sku_id: 'S2', stock_type: 2, left_num: 0, setting_stock: 0, sell_num: 40 })];
    expect(toXiaoeProduct(withFields({ stock, sku: undefined })).stock).toEqual({ available: null, sold: 41, total: null });
  });

  it('reads stock_type sent as its text ("2") as 2 too', () => {
    const stock = [row({}), row({ sku_id: 'S2', stock_type: '2', left_num: 0, setting_stock: 0, sell_num: 40 })];
    expect(toXiaoeProduct(withFields({ stock, sku: undefined })).stock).toEqual({ available: null, sold: 41, total: null });
  });

  it('gives no product stock for an empty stock block', () => {
    expect(toXiaoeProduct(withFields({ stock: [] })).stock).toBeNull();
  });

  it('reads a line price sent as a string and SKU properties from attr_data', () => {
    const sku = [
      {
        sku_id: 'S1',
        sku_price: 5990,
        sku_line_price: '8990',
        state: 1,
        is_deleted: 0,
        attr_data: [
          { attr_name: '颜色', attr_value: '红色' },
          { attr_name: '尺码', attr_value: 'XL' },
        ],
      },
    ];
    const mapped = toXiaoeProduct(withFields({ sku })).skus?.[0];
    expect(mapped?.price?.amount).toBe('59.90');
    expect(mapped?.originalPrice).toEqual({ amount: '89.90', currency: 'CNY', minorUnits: 8990 });
    expect(mapped?.properties).toEqual([
      { name: '颜色', value: '红色' },
      { name: '尺码', value: 'XL' },
    ]);
  });

  it('never lets price.max fall below price.min', () => {
    const product = toXiaoeProduct(withFields({ price_low: 5990, price_high: 0 }));
    expect(product.price?.min?.minorUnits).toBe(5990);
    expect(product.price?.max?.minorUnits).toBe(5990);
  });

  it('holds prices beyond 32 bits exactly', () => {
    expect(toXiaoeProduct(withFields({ price_low: 10_000_000_000, price_high: 10_000_000_001 })).price?.max).toEqual({
      amount: '100000000.01',
      currency: 'CNY',
      minorUnits: 10_000_000_001,
    });
  });

  it('maps product attributes and reads 0000-00-00 00:00:00 as no time', () => {
    const product = toXiaoeProduct(withFields({ attr: [{ attr_name: '讲师', attr_value: '王老师' }], updated_at: '0000-00-00 00:00:00' }));
    expect(product.attributes).toEqual([{ name: '讲师', value: '王老师' }]);
    expect(product.updatedAt).toBeNull();
  });

  it('uses goods_sn as outerId and goods_category_id as the category', () => {
    const product = toXiaoeProduct(withFields({ goods_sn: 'SN123', goods_category_id: 'cat_1001' }));
    expect(product.outerId).toBe('SN123');
    expect(product.categoryIds).toEqual(['cat_1001']);
  });
});
