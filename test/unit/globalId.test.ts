import { describe, expect, it } from 'vitest';
import { fromProductGlobalId } from '../../src/platforms/fromProductGlobalId';
import { toProductGlobalId } from '../../src/platforms/globalId';

describe('global ids', () => {
  it('round-trips a product id, opaque and stable', () => {
    const id = toProductGlobalId('XIAOE', '2:a_619fba7ae4b03f3fb99c7809');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).toBe(toProductGlobalId('XIAOE', '2:a_619fba7ae4b03f3fb99c7809'));
    expect(fromProductGlobalId(id)).toEqual({ type: 'Product', platform: 'XIAOE', platformProductId: '2:a_619fba7ae4b03f3fb99c7809' });
  });

  it('rejects ids it did not issue', () => {
    expect(fromProductGlobalId('not an id!')).toBeUndefined();
    expect(fromProductGlobalId(Buffer.from('Product:EBAY:1').toString('base64url'))).toBeUndefined();
    expect(fromProductGlobalId(Buffer.from('Sku:TAOBAO:1:2').toString('base64url'))).toBeUndefined();
  });
});
