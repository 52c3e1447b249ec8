/**
 * The defects of issue 15's audit, one test each, on the API pages' own example records changed only
 * where the defect needs it. Every test here failed before its fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toTaobaoProduct } from '../../src/platforms/taobao/mapper';
import type { TopItem } from '../../src/platforms/taobao/topItem';
import { mapWechatProduct } from '../../src/platforms/wechat/mapper';
import { mapArkHit } from '../../src/platforms/xhs-ark/mapper';
import type { ArkHit, ArkItem } from '../../src/platforms/xhs-ark/types';
import { mapMiniappProduct } from '../../src/platforms/xhs-miniapp/mapper';
import type { MiniappProduct } from '../../src/platforms/xhs-miniapp/types';
import { toXiaoeProduct } from '../../src/platforms/xiaoe/mapper';
import { ARK_EXAMPLE_HIT_TEXT } from '../../src/sandbox/platforms/xhs-ark/exampleHit';
import { DOC_SPU } from './wechat-docExample';
import { DOC_EXAMPLE_RECORD } from './xiaoe-docExample';

const SKU_ID = 'SKU_ADO_6378579149295pIEPP38';
const LIVE_ROW = { is_deleted: 0, left_num: 7, remark: '', sell_num: 2, setting_stock: 9, sku_id: SKU_ID };

function xiaoe(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone(DOC_EXAMPLE_RECORD), ...changes };
}

function xiaoeSku(changes: Record<string, unknown>): Record<string, unknown> {
  return { ...structuredClone((DOC_EXAMPLE_RECORD.sku as Array<Record<string, unknown>>)[0]), ...changes };
}

describe('Xiaoe stock: deleted rows and deleted SKUs', () => {
  it('reads a live row followed by a deleted row of the same SKU from the live row', () => {
    const product = toXiaoeProduct(xiaoe({ stock: [LIVE_ROW, { ...LIVE_ROW, is_deleted: 1, left_num: 500, setting_stock: 600 }] }));
    expect(product.stock).toEqual({ available: 7, sold: 2, total: 9 });
    expect(product.skus?.[0]?.stock).toEqual({ available: 7, sold: 2, total: 9 });
  });

  it('gives a SKU whose only stock row is deleted no stock, not the deleted row', () => {
    const product = toXiaoeProduct(xiaoe({ stock: [{ ...LIVE_ROW, is_deleted: 1 }] }));
    expect(product.skus?.[0]?.stock).toBeNull();
  });

  it('leaves the stock of a deleted SKU out of the product total', () => {
    const gone = xiaoeSku({ sku_id: 'SKU_GONE', is_deleted: 1 });
    const product = toXiaoeProduct(
      xiaoe({ sku: [xiaoeSku({}), gone], stock: [LIVE_ROW, { ...LIVE_ROW, sku_id: 'SKU_GONE', left_num: 1000 }] }),
    );
    expect(product.stock?.available).toBe(7);
  });
});

describe('Xiaoe SKU status under its product', () => {
  it('is BANNED, not ON_SALE, for a state=1 SKU of a banned product', () => {
    expect(toXiaoeProduct(xiaoe({ is_forbid: 1 })).skus?.[0]?.status).toBe('BANNED');
  });

  it('is DELETED, not ON_SALE, for a state=1 SKU of a deleted product', () => {
    expect(toXiaoeProduct(xiaoe({ is_deleted: 1 })).skus?.[0]?.status).toBe('DELETED');
  });
});

const TOP_ITEM: TopItem = {
  num_iid: 1489161932,
  price: '5.00',
  approve_status: 'onsale',
  num: 10,
  skus: {
    sku: [
      { sku_id: 123, price: '200.07', status: 'normal', quantity: 10 },
      { sku_id: 124, price: '1.00', status: 'delete', quantity: 0 },
    ],
  },
};

describe('Taobao: deleted SKUs and the item status', () => {
  it('leaves a deleted 1.00 SKU out of the price range', () => {
    const product = toTaobaoProduct(structuredClone(TOP_ITEM));
    expect(product.price?.min?.amount).toBe('200.07');
    expect(product.price?.max?.amount).toBe('200.07');
  });

  it('gives a normal SKU of an instock item OFF_SALE, not ON_SALE', () => {
    const product = toTaobaoProduct({ ...structuredClone(TOP_ITEM), approve_status: 'instock' });
    expect(product.skus?.[0]?.status).toBe('OFF_SALE');
  });
});

const DEAL: MiniappProduct = {
  item_id: '6553f100a1b2c3d4e5000029',
  name: '双人套餐',
  desc: 'o_5f2a9c3e7b1d4a6f',
  biz_create_time: 1_700_000_000,
  biz_update_time: 1_710_000_000_456,
  status: 2,
  skus: [
    { sku_id: 'sku-a', sale_price: 19_990, origin_price: 29_900, status: 1 },
    { sku_id: 'sku-b', sale_price: 9_900, origin_price: 15_800, status: 0 },
  ],
};

describe('Xiaohongshu mini-program: off-shelf SKUs, units and desc', () => {
  it('leaves an off-shelf SKU out of the price range', () => {
    const product = mapMiniappProduct(structuredClone(DEAL));
    expect(product.price?.min?.minorUnits).toBe(19_990);
    expect(product.price?.max?.minorUnits).toBe(19_990);
  });

  it('is OFF_SALE, not ON_SALE, at status 2 when every SKU is off the shelf', () => {
    const product = mapMiniappProduct({ ...structuredClone(DEAL), skus: DEAL.skus!.map((sku) => ({ ...sku, status: 0 })) });
    expect(product.status).toBe('OFF_SALE');
    expect(product.rawStatus).toBe('2');
  });

  it('reads a biz_create_time in seconds as seconds, not as a day of January 1970', () => {
    const product = mapMiniappProduct(structuredClone(DEAL));
    expect(product.createdAt).toBe('2023-11-14T22:13:20.000Z');
    expect(product.updatedAt).toBe('2024-03-09T16:00:00.456Z');
  });

  it('does not show desc, which the page describes as a user openId, as the description', () => {
    expect(mapMiniappProduct(structuredClone(DEAL)).description).toBeNull();
  });

  it('records its unit and field guesses in docs/platforms.md as assumptions', () => {
    const docs = readFileSync(new URL('../../docs/platforms.md', import.meta.url), 'utf8');
    const table = docs.slice(docs.indexOf('### Assumptions: Xiaohongshu mini-program'));
    for (const field of ['`biz_create_time`', '`sale_price`', '`desc`']) expect(table).toContain(field);
  });
});

describe('WeChat: off-shelf SKUs', () => {
  it('leaves an off-shelf SKU out of the price range', () => {
    const skus = [
      { sku_id: 1001, sale_price: 1300, stock_num: 5, status: 5 },
      { sku_id: 1002, sale_price: 100, stock_num: 50, status: 11 },
    ];
    const product = mapWechatProduct({ spu: structuredClone(DOC_SPU), skus });
    expect(product.price?.min?.minorUnits).toBe(1300);
    expect(product.price?.max?.minorUnits).toBe(1300);
  });
});

describe('Xiaohongshu Ark: status is a String on the page', () => {
  const hit = (item: Partial<ArkItem>): ArkHit => {
    const example = JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
    return { ...example, item: { ...example.item, ...item } };
  };

  it('reads "2" as APPROVED, not UNKNOWN', () => {
    expect(mapArkHit(hit({ status: '2' })).audit?.state).toBe('APPROVED');
  });

  it('reads "0" with buyable=false as DRAFT, not OFF_SALE', () => {
    expect(mapArkHit(hit({ status: '0', buyable: false })).status).toBe('DRAFT');
  });
});

/** Found by this issue's own audit of the five mappers for the same classes of defect. */
describe('audit: deleted or off-shelf counted as live, children above their parent', () => {
  it('Xiaoe: reads is_deleted sent as "1" as deleted, not as on sale', () => {
    expect(toXiaoeProduct(xiaoe({ is_deleted: '1' })).status).toBe('DELETED');
  });

  it('WeChat: gives an on-shelf SKU (5) of a product taken off the shelf (11) OFF_SALE', () => {
    const product = mapWechatProduct({
      spu: { ...structuredClone(DOC_SPU), status: 11 },
      skus: [{ sku_id: 1001, sale_price: 1300, stock_num: 5, status: 5 }],
    });
    expect(product.skus?.[0]?.status).toBe('OFF_SALE');
    expect(product.skus?.[0]?.rawStatus).toBe('5');
  });

  it('mini-program: gives an on-shelf SKU of a product taken offline (4) OFF_SALE', () => {
    expect(mapMiniappProduct({ ...structuredClone(DEAL), status: 4 }).skus?.[0]?.status).toBe('OFF_SALE');
  });

  it('WeChat: never lets min_price from the spu exceed the highest SKU price (min from the same SKUs as max)', () => {
    const product = mapWechatProduct({
      spu: { ...structuredClone(DOC_SPU), min_price: 2000 },
      skus: [{ sku_id: 1001, sale_price: 1300, stock_num: 5, status: 5 }],
    });
    expect(product.price?.min?.minorUnits).toBe(1300);
    expect(product.price?.max?.minorUnits).toBe(1300);
  });
});

describe('audit: values typed or united differently from the page', () => {
  it('WeChat: reads a status sent as "5" as ON_SALE and keeps it raw', () => {
    const product = mapWechatProduct({ spu: { ...structuredClone(DOC_SPU), status: '5' } });
    expect([product.status, product.rawStatus]).toEqual(['ON_SALE', '5']);
  });

  it('Ark: reads a create_time in milliseconds by its magnitude, not as the year 49000', () => {
    const hit = JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
    expect(mapArkHit({ ...hit, item: { ...hit.item, create_time: 1_491_445_988_000 } }).createdAt).toBe('2017-04-06T02:33:08.000Z');
  });

  it('mini-program: reads audit times in seconds by their magnitude', () => {
    const product = mapMiniappProduct({ ...structuredClone(DEAL), audit_info: { submit_time: 1_700_000_100, audit_time: 1_700_003_700 } });
    expect(product.audit?.submittedAt).toBe('2023-11-14T22:15:00.000Z');
  });

  it('Ark: gives a negative stock no count rather than -1', () => {
    const hit = JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
    expect(mapArkHit({ ...hit, item: { ...hit.item, stock: -1 } }).stock?.available ?? null).toBeNull();
  });

  it("Taobao: gives TOP's 2000-01-01 00:00:00 placeholder no time rather than 1999-12-31T16:00Z", () => {
    expect(toTaobaoProduct({ num_iid: 1, created: '2000-01-01 00:00:00' }).createdAt).toBeNull();
  });

  it('Taobao: maps a SKU price beyond Money to a null field instead of throwing (which failed the whole batch)', () => {
    const product = toTaobaoProduct({
      num_iid: 1,
      title: 'kept',
      skus: { sku: [{ sku_id: 1, price: '99999999999999999.99', status: 'normal' }] },
    });
    expect(product.title).toBe('kept');
    expect(product.skus?.[0]?.price).toBeNull();
  });
});
