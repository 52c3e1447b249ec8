import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/platforms/capabilities';
import { createXhsArkAdapter } from '../../src/platforms/xhs-ark/adapter';

const adapter = createXhsArkAdapter({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });

describe('the XHS_ARK adapter', () => {
  it('says it lists but cannot look up by id, and has no lookup method', () => {
    expect(capabilitiesOf(adapter)).toMatchObject({ lookupByIds: false, maxIdsPerCall: null, fieldSelection: false });
    expect(adapter.listing).toBeDefined();
    expect(adapter.lookup).toBeUndefined();
    expect(adapter.maxPageSize).toBe(50);
  });

  it('accepts a 24-character lowercase hex item id', () => {
    expect(adapter.validateId('58e5a8e4c9d7597de8649ab5')).toBeUndefined();
  });

  it.each(['', '58e5a8e4c9d7597de8649ab', '58E5A8E4C9D7597DE8649AB5', '58e5a8e4c9d7597de8649ab5 ', 'zze5a8e4c9d7597de8649ab5'])(
    'rejects %j',
    (id) => {
      expect(adapter.validateId(id)).toMatch(/24 lowercase hex/);
    },
  );
});
