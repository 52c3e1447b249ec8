import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/platforms/capabilities';
import { createXhsMiniappAdapter } from '../../src/platforms/xhs-miniapp/adapter';

const adapter = createXhsMiniappAdapter({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });

describe('the XHS_MINIAPP adapter', () => {
  it('says it lists but cannot look up by id, and has no lookup method', () => {
    expect(capabilitiesOf(adapter)).toMatchObject({ lookupByIds: false, maxIdsPerCall: null, fieldSelection: false });
    expect(adapter.listing).toBeDefined();
    expect(adapter.lookup).toBeUndefined();
    expect(adapter).toMatchObject({ maxPageSize: 100, firstPageNo: 0 });
  });

  it.each(['6553f100a1b2c3d4e5000029', 'string', 'abc_DEF-1'])('accepts the item_id %j', (id) => {
    expect(adapter.validateId(id)).toBeUndefined();
  });

  it.each(['', 'a b', 'x'.repeat(65), 'id/1', '商品'])('rejects %j', (id) => {
    expect(adapter.validateId(id)).toMatch(/item_id/);
  });
});
