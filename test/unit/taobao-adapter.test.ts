import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/platforms/capabilities';
import { createTaobaoAdapter, validateNumIid } from '../../src/platforms/taobao/adapter';
import { signedParams } from '../../src/platforms/taobao/client';
import { signTopRequest } from '../../src/platforms/taobao/sign';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

describe('Taobao validateId', () => {
  it.each(['1489161932', '1', '9007199254740991'])('accepts %s', (id) => {
    expect(validateNumIid(id)).toBeUndefined();
  });

  it.each(['', 'abc', '12a', '-5', '+5', '0', '0123', '1.5', ' 12', '9007199254740992', '12345678901234567890'])('refuses "%s"', (id) => {
    expect(validateNumIid(id)).toMatch(/num_iid/);
  });
});

describe('createTaobaoAdapter', () => {
  const adapter = createTaobaoAdapter({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });

  it('declares its capabilities', () => {
    expect(capabilitiesOf(adapter)).toEqual({
      lookupByIds: true,
      maxIdsPerCall: 50,
      maxConcurrentCalls: 4,
      fieldSelection: true,
      idFormat: 'num_iid (digits)',
    });
    expect(adapter.listing).toBeUndefined();
  });

  it('rejects more than 50 ids at once as a programming error', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => String(i + 1));
    await expect(adapter.lookup!(ids, new Set(['title']), { credentials: SANDBOX_CREDENTIALS.TAOBAO })).rejects.toThrow(RangeError);
  });
});

describe('Taobao signedParams', () => {
  it('sends every system parameter, the timestamp in GMT+8, and signs them all', () => {
    const credentials = { ...SANDBOX_CREDENTIALS.TAOBAO, signMethod: 'md5' as const };
    const params = signedParams({ num_iids: '1,2', fields: 'num_iid,title' }, credentials, Date.UTC(2024, 0, 1, 0, 0, 0));
    const { sign, ...signed } = params;
    expect(signed).toEqual({
      method: 'taobao.miniapp.items.get',
      app_key: credentials.appKey,
      session: credentials.session,
      timestamp: '2024-01-01 08:00:00',
      v: '2.0',
      format: 'json',
      sign_method: 'md5',
      num_iids: '1,2',
      fields: 'num_iid,title',
    });
    expect(sign).toBe(signTopRequest(signed, credentials.appSecret, 'md5'));
  });
});
