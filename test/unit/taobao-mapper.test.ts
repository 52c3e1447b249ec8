import { describe, expect, it } from 'vitest';
import { fieldIssueOf, hasFieldIssues } from '../../src/platforms/fieldIssues';
import { toProductGlobalId, toSkuGlobalId } from '../../src/platforms/globalId';
import { toTaobaoProduct } from '../../src/platforms/taobao/mapper';
import type { TopItem } from '../../src/platforms/taobao/topItem';

const IMAGE = 'http://img03.taobao.net/bao/uploaded/i3/T1HXdXXgPSt0JxZ2.8_070458.jpg';

/** The Item example of the taobao.miniapp.items.get API page, in its JSON envelope. */
const PAGE_EXAMPLE = JSON.parse(`{"miniapp_items_get_response":{"items":{"item":[{
  "iid":"569a64fce2e98bce187bcbbb4a4d262a",
  "detail_url":"http://item.taobao.com/auction/item_detail.htm?xid=0db2&item_num_id=46418&cm_cat=559372&pm2=1",
  "num_iid":1489161932,"title":"Google test item","nick":"tbtest561","type":"fixed","cid":132443,
  "seller_cids":"2234445,3344466,446434","props":"135255:344454","input_pids":"2432,5353,656425",
  "input_str":"耐克;耐克系列;科比系列;科比系列;2K5","pic_url":"${IMAGE}","stuff_status":"new","price":"5.00",
  "approve_status":"onsale","product_id":85883030,"auction_point":15,"property_alias":"property",
  "item_imgs":{"item_img":[{"url":"${IMAGE}","position":1}]},
  "prop_imgs":{"prop_img":[{"url":"${IMAGE}","properties":"1627207:28326","position":1}]},
  "skus":{"sku":[{"sku_id":123,"properties":"1243:1215;5626:5125",
    "properties_name":"20000:3275069:品牌:盈讯;1753146:3485013:型号:F908;-1234:-5678:自定义属性1:属性值1",
    "price":"200.07","outer_id":"12345","barcode":"6903244981002","promoted_price":"128.99","pic_url":"${IMAGE}"}]},
  "videos":{"video":[{"url":"http://js.tudouui.com/bin/taobaoisv/TaoBaoPlayer.swf","created":"2000-01-01 00:00:00","modified":"2000-01-01 00:00:00"}]},
  "second_kill":"web_only","props_name":"20000:3275069:品牌:盈讯;1753146:3485013:型号:F908;30606:112030:上市时间:2008年",
  "barcode":"6903244981002","promoted_price":"128.99","main_pic34":"${IMAGE}","upright_image_url":"${IMAGE}",
  "outer_id":"34143554352","is_virtual":true}]},"request_id":"z28arlevr4ct"}}`);

const example = (): TopItem => structuredClone(PAGE_EXAMPLE.miniapp_items_get_response.items.item[0]) as TopItem;

describe('toTaobaoProduct on the API page example', () => {
  const product = toTaobaoProduct(example());

  it('maps identity, texts and category from the item', () => {
    expect(product).toMatchObject({
      id: toProductGlobalId('TAOBAO', '1489161932'),
      platform: 'TAOBAO',
      platformProductId: '1489161932',
      outerId: '34143554352',
      title: 'Google test item',
      categoryIds: ['132443'],
      images: [IMAGE],
    });
  });

  it('reads the brand and attributes from props_name', () => {
    expect(product.brand).toBe('盈讯');
    expect(product.attributes).toEqual([
      { name: '品牌', value: '盈讯' },
      { name: '型号', value: 'F908' },
      { name: '上市时间', value: '2008年' },
    ]);
  });

  it('maps onsale to ON_SALE, keeps the raw value, and has no audit', () => {
    expect(product.status).toBe('ON_SALE');
    expect(product.rawStatus).toBe('onsale');
    expect(product.audit).toEqual({ state: 'NONE', submittedAt: null, auditedAt: null, rejectReason: null, rawState: null });
  });

  it('prices the product across its SKUs: the one SKU at 200.07', () => {
    const money = { amount: '200.07', currency: 'CNY', minorUnits: 20007 };
    expect(product.price).toEqual({ min: money, max: money });
  });

  it('maps the documented SKU exactly', () => {
    expect(product.skus).toEqual([
      {
        id: toSkuGlobalId('TAOBAO', '1489161932', '123'),
        platformSkuId: '123',
        outerId: '12345',
        name: '盈讯 F908 属性值1',
        image: IMAGE,
        price: { amount: '200.07', currency: 'CNY', minorUnits: 20007 },
        originalPrice: null,
        status: null,
        rawStatus: null,
        properties: [
          { name: '品牌', value: '盈讯' },
          { name: '型号', value: 'F908' },
          { name: '自定义属性1', value: '属性值1' },
        ],
        barcode: '6903244981002',
        stock: null,
      },
    ]);
  });

  it('leaves null what the page does not carry (stock, dates, subtitle, description)', () => {
    expect(product.stock).toBeNull();
    expect(product.createdAt).toBeNull();
    expect(product.updatedAt).toBeNull();
    expect(product.subtitle).toBeNull();
    expect(product.description).toBeNull();
  });

  it('keeps the upstream record as raw', () => {
    expect(product.raw).toEqual(example());
  });
});

describe('toTaobaoProduct statuses (approve_status, API page: "onsale出售中,instock库中")', () => {
  const status = (item: TopItem) => toTaobaoProduct({ num_iid: 1, ...item }).status;

  it('maps instock to OFF_SALE', () => expect(status({ approve_status: 'instock', num: 3 })).toBe('OFF_SALE'));
  it('maps onsale with stock 0 to SOLD_OUT', () => expect(status({ approve_status: 'onsale', num: 0 })).toBe('SOLD_OUT'));
  it('keeps instock with stock 0 OFF_SALE', () => expect(status({ approve_status: 'instock', num: 0 })).toBe('OFF_SALE'));
  it('maps an unknown value to UNKNOWN and keeps it raw', () => {
    const product = toTaobaoProduct({ num_iid: 1, approve_status: 'frozen' });
    expect([product.status, product.rawStatus]).toEqual(['UNKNOWN', 'frozen']);
  });
  it('maps SKU status normal/delete, and normal with quantity 0 to SOLD_OUT', () => {
    const skus = toTaobaoProduct({
      num_iid: 1,
      approve_status: 'onsale',
      num: 2,
      skus: {
        sku: [
          { sku_id: 1, status: 'normal', quantity: 2 },
          { sku_id: 2, status: 'normal', quantity: 0 },
          { sku_id: 3, status: 'delete' },
        ],
      },
    }).skus!;
    expect(skus.map((s) => [s.status, s.rawStatus, s.stock?.available ?? null])).toEqual([
      ['ON_SALE', 'normal', 2],
      ['SOLD_OUT', 'normal', 0],
      ['DELETED', 'delete', null],
    ]);
  });
});

describe('toTaobaoProduct values', () => {
  it('gives the price range over SKUs, exact up to the documented maximum 100000000.00', () => {
    const product = toTaobaoProduct({
      num_iid: 1,
      price: '0.01',
      skus: {
        sku: [
          { sku_id: 1, price: '100000000.00' },
          { sku_id: 2, price: '0.01' },
        ],
      },
    });
    expect(product.price?.min).toEqual({ amount: '0.01', currency: 'CNY', minorUnits: 1 });
    expect(product.price?.max).toEqual({ amount: '100000000.00', currency: 'CNY', minorUnits: 10_000_000_000 });
  });

  it('uses the item price when there are no SKUs', () => {
    expect(toTaobaoProduct({ num_iid: 1, price: '19.90' }).price?.min?.amount).toBe('19.90');
  });

  it('reads dates as GMT+8 and stock from num', () => {
    const product = toTaobaoProduct({ num_iid: 1, created: '2024-01-01 08:00:00', modified: '2024-01-02 00:30:00', num: 999_999_999 });
    expect(product.createdAt).toBe('2024-01-01T00:00:00.000Z');
    expect(product.updatedAt).toBe('2024-01-01T16:30:00.000Z');
    expect(product.stock).toEqual({ available: 999_999_999, sold: null, total: null });
  });

  it('orders images by position and falls back to pic_url', () => {
    const imgs = {
      item_img: [
        { url: 'b', position: 2 },
        { url: 'a', position: 1 },
      ],
    };
    expect(toTaobaoProduct({ num_iid: 1, pic_url: 'a', item_imgs: imgs }).images).toEqual(['a', 'b']);
    expect(toTaobaoProduct({ num_iid: 1, pic_url: 'main' }).images).toEqual(['main']);
  });

  it('unescapes #cln# and #scln# in property names', () => {
    expect(toTaobaoProduct({ num_iid: 1, props_name: '1:2:尺寸#cln#长:10#scln#20' }).attributes).toEqual([
      { name: '尺寸:长', value: '10;20' },
    ]);
  });
});

describe('toTaobaoProduct field issues', () => {
  // The page example's SKU price, and one beyond what Money holds (more than 2^53 fen).
  const sku = (sku_id: number, price: string, status = 'normal') => ({ sku_id, price, status });
  const TOO_LARGE = '99999999999999999.99';

  it('marks a product whose SKU price cannot be read, and leaves the range unknown with its reason', () => {
    const product = toTaobaoProduct({ num_iid: 1, skus: { sku: [sku(1, '200.07'), sku(2, TOO_LARGE)] } });
    expect(hasFieldIssues(product)).toBe(true);
    expect(product.price).toBeNull();
    expect(fieldIssueOf(product, 'price')?.message).toBe('price: unknown, since the price of counted SKU 2 cannot be read');
    expect(fieldIssueOf(product.skus![1]!, 'price')?.message).toContain(TOO_LARGE);
  });

  it('marks a product whose own field cannot be read, and not one whose values all read', () => {
    expect(hasFieldIssues(toTaobaoProduct({ num_iid: 1, num: -1, skus: { sku: [sku(1, '200.07')] } }))).toBe(true);
    expect(hasFieldIssues(toTaobaoProduct({ num_iid: 1, price: '5.00', skus: { sku: [sku(1, '200.07'), sku(2, '1.00')] } }))).toBe(false);
  });

  it("prices the range from the live SKUs: a deleted SKU's unreadable price is still marked but leaves the range known", () => {
    const product = toTaobaoProduct({
      num_iid: 1,
      skus: { sku: [sku(1, '3.00'), sku(2, TOO_LARGE, 'delete'), sku(3, '1.00'), sku(4, '1.00'), sku(5, '3.00')] },
    });
    expect(hasFieldIssues(product)).toBe(true);
    expect(fieldIssueOf(product, 'price')).toBeUndefined();
    // Of equal prices the first is min and the last max, the objects of those SKUs.
    expect(product.price?.min).toBe(product.skus![2]!.price);
    expect(product.price?.max).toBe(product.skus![4]!.price);
    expect(product.price?.min?.amount).toBe('1.00');
  });
});
