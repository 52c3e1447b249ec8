import { describe, expect, it } from 'vitest';
import { validateProductId } from '../../src/platforms/wechat/adapter';
import { idText, quoteLargeIds, toWireJson } from '../../src/platforms/wechat/wireJson';

describe('WeChat ids: validateId', () => {
  it.each(['12345', '10000000000007', '23423523452345235', '18446744073709551615'])('accepts the product_id %s', (id) => {
    expect(validateProductId(id)).toBeUndefined();
  });

  it.each(['', '0', '012345', '-5', '12a', '1.5', ' 12', '18446744073709551616', '123456789012345678901'])('refuses %j', (id) => {
    expect(validateProductId(id)).toMatch(/decimal digits/);
  });
});

describe('WeChat ids: exact uint64 on the wire', () => {
  it('writes a bigint product_id as exact JSON digits', () => {
    const body = toWireJson({ product_id: 23423523452345235n, need_edit_spu: 0 });
    expect(body).toBe('{"product_id":23423523452345235,"need_edit_spu":0}');
  });

  it('quotes product_id and sku_id of 16 digits or more, and leaves short ids as numbers', () => {
    const text = '{"data":{"product_id": 23423523452345235,"sku_id":2352525,"skus":[{"sku_id":9007199254740993}]}}';
    expect(JSON.parse(quoteLargeIds(text))).toEqual({
      data: { product_id: '23423523452345235', sku_id: 2352525, skus: [{ sku_id: '9007199254740993' }] },
    });
  });

  it('leaves the same text inside a string value alone', () => {
    const text = JSON.stringify({ title: '"product_id":12345678901234567,' });
    expect(quoteLargeIds(text)).toBe(text);
  });

  it('reads ids from numbers and digit strings only', () => {
    expect(idText(12345)).toBe('12345');
    expect(idText('23423523452345235')).toBe('23423523452345235');
    expect(idText(1.5)).toBeUndefined();
    expect(idText('12a')).toBeUndefined();
    expect(idText(undefined)).toBeUndefined();
  });
});
