import { describe, expect, it } from 'vitest';
import { fromSkuGlobalId } from '../../src/platforms/fromProductGlobalId';
import { toProductGlobalId, toSkuGlobalId } from '../../src/platforms/globalId';

describe('fromSkuGlobalId', () => {
  it('takes back what toSkuGlobalId issued, a product id holding ":" included', () => {
    expect(fromSkuGlobalId(toSkuGlobalId('XIAOE', '2:a_619fba7ae4b03f3fb99c7809', 'SKU_2_123abc'))).toEqual({
      type: 'Sku',
      platform: 'XIAOE',
      platformProductId: '2:a_619fba7ae4b03f3fb99c7809',
      platformSkuId: 'SKU_2_123abc',
    });
    expect(fromSkuGlobalId(toSkuGlobalId('TAOBAO', '1489161932', '123'))).toMatchObject({
      platformProductId: '1489161932',
      platformSkuId: '123',
    });
  });

  it('refuses product ids, other platforms and anything not base64url', () => {
    expect(fromSkuGlobalId(toProductGlobalId('TAOBAO', '1489161932'))).toBeUndefined();
    expect(fromSkuGlobalId(Buffer.from('Sku:EBAY:1:2').toString('base64url'))).toBeUndefined();
    expect(fromSkuGlobalId(Buffer.from('Sku:TAOBAO:1').toString('base64url'))).toBeUndefined();
    expect(fromSkuGlobalId('not base64!')).toBeUndefined();
  });
});
