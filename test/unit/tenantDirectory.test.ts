import { describe, expect, it } from 'vitest';
import { TenantDirectory } from '../../src/tenants/tenantDirectory';
import type { TenantSource } from '../../src/tenants/tenantSource';

const DIGEST_A = 'a'.repeat(64);
const DIGEST_B = 'b'.repeat(64);

/** A store whose records the test sets; each load returns (or throws) what is set at that moment. */
function memorySource(records: unknown[]): TenantSource & { records: unknown[] | Error } {
  const source = {
    description: 'memory',
    records: records as unknown[] | Error,
    async load() {
      if (source.records instanceof Error) throw source.records;
      return source.records;
    },
    close: async () => {},
  };
  return source;
}

const open = (source: TenantSource | null, warnings: string[] = []) =>
  TenantDirectory.open({
    source,
    defaultCredentials: { WECHAT_SHOP: { appId: 'wx-env', appSecret: 'env-secret' } },
    secrets: { env: { S: 'stored' } },
    refreshMs: 60_000,
    warn: (message) => warnings.push(message),
  });

describe('TenantDirectory', () => {
  it('makes the environment credentials the default tenant, under what a stored default record sets', async () => {
    const alone = await open(null);
    expect(alone.tenant('default')?.credentials).toEqual({ WECHAT_SHOP: { appId: 'wx-env', appSecret: 'env-secret' } });
    const merged = await open(
      memorySource([
        {
          id: 'default',
          credentials: { XHS_ARK: { appKey: 'k', appSecret: 'env:S' } },
          clients: [{ id: 'c', keyDigest: DIGEST_A, scopes: [] }],
        },
      ]),
    );
    expect(merged.tenant('default')?.credentials).toEqual({
      WECHAT_SHOP: { appId: 'wx-env', appSecret: 'env-secret' },
      XHS_ARK: { appKey: 'k', appSecret: 'stored' },
    });
    expect(merged.clientByKeyDigest(DIGEST_A)?.client.id).toBe('c');
  });

  it('fails to open on an invalid record, a duplicate tenant or a key shared by two tenants', async () => {
    await expect(open(memorySource([{ id: 'a', credentials: { WECHAT_SHOP: { appId: 'x', appSecret: 'plain' } } }]))).rejects.toThrow(
      /tenant a WECHAT_SHOP.appSecret/,
    );
    await expect(open(memorySource([{ id: 'a' }, { id: 'a' }]))).rejects.toThrow(/defined twice/);
    const shared = [
      { id: 'a', clients: [{ id: 'x', keyDigest: DIGEST_A }] },
      { id: 'b', clients: [{ id: 'y', keyDigest: DIGEST_A }] },
    ];
    await expect(open(memorySource(shared))).rejects.toThrow(/already another client's/);
  });

  it('on refresh, keeps the last good version of a record that breaks, and the whole snapshot when the store fails', async () => {
    const warnings: string[] = [];
    const source = memorySource([{ id: 'a', clients: [{ id: 'x', keyDigest: DIGEST_A }] }]);
    const directory = await open(source, warnings);
    source.records = [
      { id: 'a', clients: [{ id: 'x', keyDigest: 'broken' }] },
      { id: 'b', clients: [{ id: 'y', keyDigest: DIGEST_B }] },
    ];
    await directory.refresh();
    expect(directory.clientByKeyDigest(DIGEST_A)?.tenant.id).toBe('a');
    expect(directory.clientByKeyDigest(DIGEST_B)?.tenant.id).toBe('b');
    source.records = new Error('connection refused');
    await directory.refresh();
    expect(directory.tenant('b')).toBeDefined();
    source.records = [];
    await directory.refresh();
    expect(directory.tenant('a')).toBeUndefined();
    expect(directory.clientByKeyDigest(DIGEST_A)).toBeUndefined();
    expect(warnings).toEqual([
      expect.stringMatching(/tenant a clients\[0\]: keyDigest .* keeping its last good version/),
      expect.stringMatching(/refresh from memory failed, keeping the last snapshot: connection refused/),
    ]);
    await directory.close();
  });
});
