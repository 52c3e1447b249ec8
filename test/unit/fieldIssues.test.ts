/**
 * Values a field cannot be mapped from, per mapper: that field alone is null and its owner records why
 * (what the resolvers turn into UPSTREAM_BAD_VALUE); absent values are "none" and record nothing.
 */
import { describe, expect, it } from 'vitest';
import { fieldIssueOf } from '../../src/platforms/fieldIssues';
import { readFen, readYuanNumber, readYuanText } from '../../src/platforms/money';
import { readCount } from '../../src/platforms/readCount';
import { readShanghaiLocal, readUnixTime } from '../../src/platforms/time';
import { toTaobaoProduct } from '../../src/platforms/taobao/mapper';
import { mapWechatProduct } from '../../src/platforms/wechat/mapper';
import { mapArkHit } from '../../src/platforms/xhs-ark/mapper';
import type { ArkHit } from '../../src/platforms/xhs-ark/types';
import { mapMiniappProduct } from '../../src/platforms/xhs-miniapp/mapper';
import { toXiaoeProduct } from '../../src/platforms/xiaoe/mapper';
import { ARK_EXAMPLE_HIT_TEXT } from '../../src/sandbox/platforms/xhs-ark/exampleHit';
import { DOC_SPU } from './wechat-docExample';
import { DOC_EXAMPLE_RECORD } from './xiaoe-docExample';

describe('readers', () => {
  it('read money exactly, none for absent, a problem for negative, fractional, unsafe or malformed', () => {
    expect(readFen(1990)).toEqual({ value: { amount: '19.90', currency: 'CNY', minorUnits: 1990 } });
    expect(readFen('8990')).toEqual({ value: { amount: '89.90', currency: 'CNY', minorUnits: 8990 } });
    expect(readFen(null)).toEqual({ value: null });
    for (const bad of [-1, 0.5, 2 ** 53 + 2, 'x', true]) expect(readFen(bad)).toHaveProperty('problem');
    expect(readYuanText('5.00')).toEqual({ value: { amount: '5.00', currency: 'CNY', minorUnits: 500 } });
    expect(readYuanText(5)).toEqual({ value: { amount: '5.00', currency: 'CNY', minorUnits: 500 } });
    expect(readYuanText('')).toEqual({ value: null });
    for (const bad of ['-1.00', 'abc', '99999999999999999.99', '1e5']) expect(readYuanText(bad)).toHaveProperty('problem');
    expect(readYuanNumber(252.69999999999999)).toEqual({ value: { amount: '252.70', currency: 'CNY', minorUnits: 25270 } });
    for (const bad of [-0.01, 1e20, Number.NaN]) expect(readYuanNumber(bad)).toHaveProperty('problem');
  });

  it('read unix times in seconds or milliseconds by magnitude, 0 as none, and refuse what is not 2000-2100', () => {
    expect(readUnixTime(1_491_445_988)).toEqual({ value: '2017-04-06T02:33:08.000Z' });
    expect(readUnixTime(1_491_445_988_123)).toEqual({ value: '2017-04-06T02:33:08.123Z' });
    expect(readUnixTime('1491445988')).toEqual({ value: '2017-04-06T02:33:08.000Z' });
    expect(readUnixTime(0)).toEqual({ value: null });
    for (const bad of [1, -5, 99_999_999_999, 8.64e15, 'soon']) expect(readUnixTime(bad)).toHaveProperty('problem');
  });

  it('read Shanghai local times, 0000-00-00 as none, impossible and pre-2000 dates as problems', () => {
    expect(readShanghaiLocal('2021-11-26 00:31:54')).toEqual({ value: '2021-11-25T16:31:54.000Z' });
    expect(readShanghaiLocal('0000-00-00 00:00:00')).toEqual({ value: null });
    for (const bad of ['2021-02-30 00:00:00', '2000-01-01 00:00:00', 'yesterday']) expect(readShanghaiLocal(bad)).toHaveProperty('problem');
  });

  it('read counts as whole numbers >= 0', () => {
    expect(readCount(3)).toEqual({ value: 3 });
    expect(readCount(undefined)).toEqual({ value: null });
    for (const bad of [-1, 1.5, '3']) expect(readCount(bad)).toHaveProperty('problem');
  });
});

describe('a bad value in each mapper', () => {
  it('Taobao: an unparseable modified time nulls updatedAt only', () => {
    const product = toTaobaoProduct({ num_iid: 1, title: 't', modified: '2021-13-01 00:00:00', created: '2021-01-01 00:00:00' });
    expect(product.updatedAt).toBeNull();
    expect(product.createdAt).toBe('2020-12-31T16:00:00.000Z');
    expect(fieldIssueOf(product, 'updatedAt')?.message).toContain('2021-13-01');
    expect(fieldIssueOf(product, 'createdAt')).toBeUndefined();
  });

  it('Xiaoe: a negative left_num nulls that SKU stock field and the sum, not the sold counts', () => {
    const row = { is_deleted: 0, left_num: -4, sell_num: 2, setting_stock: 9, sku_id: 'SKU_ADO_6378579149295pIEPP38' };
    const product = toXiaoeProduct({ ...DOC_EXAMPLE_RECORD, stock: [row] });
    const skuStock = product.skus![0]!.stock!;
    expect(skuStock).toEqual({ available: null, sold: 2, total: 9 });
    expect(fieldIssueOf(skuStock, 'available')).toBeDefined();
    expect(product.stock).toEqual({ available: null, sold: 2, total: 9 });
    expect(fieldIssueOf(product.stock!, 'available')?.message).toContain('-4');
  });

  it('Xiaoe: two live stock rows for one SKU leave that SKU stock and the product stock unknown, with errors', () => {
    const row = { is_deleted: 0, left_num: 4, sell_num: 2, setting_stock: 9, sku_id: 'SKU_ADO_6378579149295pIEPP38' };
    const product = toXiaoeProduct({ ...DOC_EXAMPLE_RECORD, stock: [row, { ...row, left_num: 5 }] });
    expect(product.skus![0]!.stock).toBeNull();
    expect(fieldIssueOf(product.skus![0]!, 'stock')?.message).toContain('live stock rows');
    expect(product.stock).toBeNull();
    expect(fieldIssueOf(product, 'stock')).toBeDefined();
  });

  it('WeChat: a fractional sale_price nulls that SKU price and the range it would be part of', () => {
    const skus = [
      { sku_id: 1, sale_price: 989.9999999999999, stock_num: 1, status: 5 },
      { sku_id: 2, sale_price: 1300, stock_num: 2, status: 5 },
    ];
    const product = mapWechatProduct({ spu: DOC_SPU, skus });
    expect(product.skus!.map((s) => s.price?.minorUnits ?? null)).toEqual([null, 1300]);
    expect(fieldIssueOf(product.skus![0]!, 'price')).toBeDefined();
    expect(product.price).toBeNull();
    expect(fieldIssueOf(product, 'price')).toBeDefined();
    expect(product.stock?.available).toBe(3);
  });

  it('Ark: a price beyond Money nulls the price and the range, not the stock or times', () => {
    const hit = JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
    const product = mapArkHit({ ...hit, item: { ...hit.item, price: 1e20 } });
    expect(product.price).toBeNull();
    expect(fieldIssueOf(product, 'price')).toBeDefined();
    expect(product.skus![0]!.price).toBeNull();
    expect(product.createdAt).toBe('2017-04-06T02:33:08.000Z');
    expect(product.stock).toEqual({ available: 0, sold: null, total: null });
  });

  it('mini-program: a negative sale_price on an off-shelf SKU leaves the range of the SKUs on sale', () => {
    const product = mapMiniappProduct({
      item_id: 'i1',
      status: 2,
      skus: [
        { sku_id: 'a', sale_price: 500, status: 1 },
        { sku_id: 'b', sale_price: -1, status: 0 },
      ],
    });
    expect(product.price).toEqual({
      min: { amount: '5.00', currency: 'CNY', minorUnits: 500 },
      max: { amount: '5.00', currency: 'CNY', minorUnits: 500 },
    });
    expect(fieldIssueOf(product.skus![1]!, 'price')?.message).toContain('negative');
    expect(fieldIssueOf(product, 'price')).toBeUndefined();
  });
});
