import { describe, expect, it } from 'vitest';
import { buildSharedLookups } from '../../src/cache/buildSharedLookups';
import type { LookupRequest } from '../../src/cache/sharedLookups';
import { loadConfig } from '../../src/config/config';
import type { Product } from '../../src/generated/graphql';
import type { PlatformRegistry } from '../../src/platforms/registry';
import { guardPolicyFor } from '../../src/platforms/resilience/policy';
import { UpstreamGuard } from '../../src/platforms/resilience/upstreamGuard';
import { taobaoPlatform } from '../../src/platforms/taobao';
import type { PlatformAdapter } from '../../src/platforms/types';

interface Creds {
  appKey: string;
  appSecret: string;
}

/** An adapter whose products say which credentials fetched them; it records every call. */
function tenantAwareAdapter() {
  const calls: Array<{ appKey: string; ids: string[] }> = [];
  const adapter: PlatformAdapter<Creds> = {
    code: 'TAOBAO',
    capabilities: { maxIdsPerCall: 50, maxConcurrentCalls: 4, fieldSelection: true, idFormat: null },
    validateId: () => undefined,
    quotaKey: (c) => c.appKey,
    async lookup(ids, _selection, { credentials }) {
      calls.push({ appKey: credentials.appKey, ids: [...ids] });
      return ids.map(
        (id) => ({ id: `g${id}`, platform: 'TAOBAO', platformProductId: id, title: `${credentials.appKey}'s ${id}` }) as Product,
      );
    },
  };
  const guard = new UpstreamGuard('TAOBAO', guardPolicyFor({ baseUrl: '', sandbox: true, timeoutMs: 1000, quota: null }));
  const registry: PlatformRegistry = new Map([['TAOBAO', { module: taobaoPlatform, adapter: adapter, sandbox: true, guard }]]);
  return { adapter, registry, calls };
}

describe('SharedLookups', () => {
  it('never answers one credential with an entry another credential fetched, even for the same app key', async () => {
    const { adapter, registry, calls } = tenantAwareAdapter();
    const { lookups } = buildSharedLookups(registry, loadConfig({}).cache, null);
    const request = (credentials: Creds): LookupRequest => ({
      platform: 'TAOBAO',
      adapter: adapter,
      credentials,
      deadline: Date.now() + 5000,
      freshRead: false,
    });
    const selection = new Set(['title']);
    const a = { appKey: 'merchant-a', appSecret: 'secret-a' };
    // Same public key, another secret: another credential (a digest of all fields keys the cache).
    const aRotated = { appKey: 'merchant-a', appSecret: 'secret-a2' };
    const b = { appKey: 'merchant-b', appSecret: 'secret-b' };
    const [fromA] = await lookups.lookup(request(a), ['1'], selection);
    const [fromB] = await lookups.lookup(request(b), ['1'], selection);
    await lookups.lookup(request(aRotated), ['1'], selection);
    const [againA] = await lookups.lookup(request({ ...a }), ['1'], selection);
    expect((fromA as Product).title).toBe("merchant-a's 1");
    expect((fromB as Product).title).toBe("merchant-b's 1");
    expect((againA as Product).title).toBe("merchant-a's 1");
    expect(calls).toEqual([
      { appKey: 'merchant-a', ids: ['1'] },
      { appKey: 'merchant-b', ids: ['1'] },
      { appKey: 'merchant-a', ids: ['1'] },
    ]);
  });
});
