import { describe, expect, it } from 'vitest';
import { toProductGlobalId, toSkuGlobalId } from '../../src/platforms/globalId';
import { mapSku, mapWechatProduct } from '../../src/platforms/wechat/mapper';
import { quoteLargeIds } from '../../src/platforms/wechat/wireJson';
import { DOC_SKU_GET_BODY, DOC_SPU } from './wechat-docExample';

const docSku = (): Record<string, unknown> => (JSON.parse(quoteLargeIds(DOC_SKU_GET_BODY)) as { data: Record<string, unknown> }).data;
const IMG = 'http://img10.360buyimg.com/n1/s450x450_jfs/t1/85865/39/13611/488083/5e590a40E4bdf69c0/55c9bf645ea2b727.jpg';

describe('WeChat mapper: the spu/get_list page example', () => {
  const product = mapWechatProduct({ spu: DOC_SPU });

  it('maps ids, texts and images', () => {
    expect(product).toMatchObject({
      id: toProductGlobalId('WECHAT_SHOP', '12345'),
      platform: 'WECHAT_SHOP',
      platformProductId: '12345',
      outerId: '1234566',
      title: DOC_SPU.title,
      subtitle: DOC_SPU.sub_title,
      images: [IMG],
      description: `<img src="${IMG}">`,
    });
  });

  it('maps brand_id to the brand, cats to category ids (leaf last) and attrs to attributes', () => {
    expect(product.brand).toBe('2352');
    expect(product.categoryIds).toEqual(['1', '2', '3']);
    expect(product.attributes).toEqual([
      { name: '商品毛重', value: '380g' },
      { name: '商品产地', value: '中国大陆' },
    ]);
  });

  it('orders categories by level whatever order cats come in', () => {
    const spu = {
      ...DOC_SPU,
      cats: [
        { cat_id: 3, level: 3 },
        { cat_id: 1, level: 1 },
        { cat_id: 2, level: 2 },
      ],
    };
    expect(mapWechatProduct({ spu }).categoryIds).toEqual(['1', '2', '3']);
  });

  it('keeps sale status and review state apart, with the raw values', () => {
    expect(product.status).toBe('ON_SALE');
    expect(product.rawStatus).toBe('5');
    expect(product.audit).toEqual({ state: 'PENDING', rawState: '2', submittedAt: null, auditedAt: null, rejectReason: null });
  });

  it('takes price.min from min_price in fen and leaves price.max to the SKU details', () => {
    expect(product.price).toEqual({ min: { amount: '1.00', currency: 'CNY', minorUnits: 100 }, max: null });
  });

  it('gives the SKUs of the spu their ids only', () => {
    expect(product.skus).toEqual([
      { id: toSkuGlobalId('WECHAT_SHOP', '12345', '1001'), platformSkuId: '1001' },
      { id: toSkuGlobalId('WECHAT_SHOP', '12345', '1002'), platformSkuId: '1002' },
    ]);
    expect(product.stock).toBeNull();
  });

  it('has no times (the page has none) and no raw unless asked', () => {
    expect(product.createdAt).toBeNull();
    expect(product.updatedAt).toBeNull();
    expect(product.raw).toBeNull();
  });
});

describe('WeChat mapper: SKUs (the sku/get page example)', () => {
  it('maps every field, prices in fen and the numeric barcode as text', () => {
    expect(mapSku('12345', docSku())).toEqual({
      id: toSkuGlobalId('WECHAT_SHOP', '12345', '2352525'),
      platformSkuId: '2352525',
      outerId: '1024',
      name: '红蓝主机 主机+保护套',
      image: 'http://img10.360buyimg.com/n1/s450x450_jfs/t1/100778/17/13648/424215/5e590a40E2d68e774/e171d222a0c9b763.jpg',
      price: { amount: '13.00', currency: 'CNY', minorUnits: 1300 },
      originalPrice: { amount: '15.00', currency: 'CNY', minorUnits: 1500 },
      status: 'ON_SALE',
      rawStatus: '5',
      properties: [
        { name: '选择颜色', value: '红蓝主机' },
        { name: '选择套装', value: '主机+保护套' },
      ],
      barcode: '13251454',
      stock: { available: 100, sold: null, total: null },
    });
  });

  it('reads the example product_id beyond 2^53 exactly', () => {
    expect(docSku().product_id).toBe('23423523452345235');
    const spu = { ...DOC_SPU, product_id: docSku().product_id };
    expect(mapWechatProduct({ spu }).platformProductId).toBe('23423523452345235');
  });

  it('has no original price when market_price is 0', () => {
    expect(mapSku('1', { ...docSku(), market_price: 0 }).originalPrice).toBeNull();
  });
});

describe('WeChat mapper: a product with its SKU details', () => {
  const skus = [
    { ...docSku(), sku_id: 1001, sale_price: 100, stock_num: 100 },
    { ...docSku(), sku_id: 1002, sale_price: 1300, stock_num: 0 },
  ];

  it('spans price from min_price to the highest SKU price and sums SKU stock', () => {
    const product = mapWechatProduct({ spu: DOC_SPU, skus });
    expect(product.price?.max).toEqual({ amount: '13.00', currency: 'CNY', minorUnits: 1300 });
    expect(product.price?.min?.minorUnits).toBe(100);
    expect(product.stock).toEqual({ available: 100, sold: null, total: null });
    expect(product.skus?.map((s) => s.platformSkuId)).toEqual(['1001', '1002']);
  });

  it('sums very large stocks exactly', () => {
    const big = [
      { ...skus[0], stock_num: 4_294_967_295 },
      { ...skus[1], stock_num: 4_294_967_295 },
    ];
    expect(mapWechatProduct({ spu: DOC_SPU, skus: big }).stock?.available).toBe(8_589_934_590);
  });

  it('leaves product stock null when a SKU does not say, rather than guessing', () => {
    const { stock_num: _omitted, ...noStock } = skus[1]!;
    expect(mapWechatProduct({ spu: DOC_SPU, skus: [skus[0]!, noStock] }).stock?.available).toBeNull();
  });

  it('keeps both records as WeChat sent them in raw when asked', () => {
    expect(mapWechatProduct({ spu: DOC_SPU, skus, raw: true }).raw).toEqual({ spu: DOC_SPU, skus });
  });
});

describe('WeChat mapper: status tables (spu/get_list page enumerations)', () => {
  it.each([
    [0, 'DRAFT'],
    [5, 'ON_SALE'],
    [6, 'DELETED'],
    [9, 'DELETED'],
    [11, 'OFF_SALE'],
    [12, 'SOLD_OUT'],
    [13, 'BANNED'],
    [7, 'UNKNOWN'],
  ])('maps status %i to %s and keeps it raw', (status, expected) => {
    const product = mapWechatProduct({ spu: { ...DOC_SPU, status } });
    expect(product.status).toBe(expected);
    expect(product.rawStatus).toBe(String(status));
  });

  it.each([
    [0, 'NONE'],
    [1, 'NONE'],
    [2, 'PENDING'],
    [3, 'REJECTED'],
    [4, 'APPROVED'],
    [8, 'UNKNOWN'],
  ])('maps edit_status %i to audit state %s', (editStatus, expected) => {
    const audit = mapWechatProduct({ spu: { ...DOC_SPU, edit_status: editStatus } }).audit;
    expect(audit?.state).toBe(expected);
    expect(audit?.rawState).toBe(String(editStatus));
  });

  it('reads a rejection from audit_info, times in Asia/Shanghai', () => {
    const spu = {
      ...DOC_SPU,
      edit_status: 3,
      audit_info: { submit_time: '2021-03-09 15:14:08', audit_time: '2021-03-09 15:16:08', reject_reason: '不通过' },
      create_time: '2020-12-25 00:00:00',
      update_time: '2020-12-26 00:00:00',
    };
    const product = mapWechatProduct({ spu });
    expect(product.audit).toEqual({
      state: 'REJECTED',
      rawState: '3',
      submittedAt: '2021-03-09T07:14:08.000Z',
      auditedAt: '2021-03-09T07:16:08.000Z',
      rejectReason: '不通过',
    });
    expect(product.createdAt).toBe('2020-12-24T16:00:00.000Z');
    expect(product.updatedAt).toBe('2020-12-25T16:00:00.000Z');
  });

  it('shows no reject reason once a later review passed', () => {
    const spu = { ...DOC_SPU, edit_status: 4, audit_info: { submit_time: '2021-03-09 15:14:08', reject_reason: '旧的原因' } };
    expect(mapWechatProduct({ spu }).audit?.rejectReason).toBeNull();
  });
});
