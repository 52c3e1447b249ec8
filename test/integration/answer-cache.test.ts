/**
 * The whole-answer cache (RESPONSE_CACHE, issue 14 S5) over the sandbox: a repeated read is answered
 * with no upstream call and says so, never past the entity cache's freshness (injected clock), never
 * across variables, tenants or API keys, never for an answer with errors; a purge, `Cache-Control:
 * no-cache` and RESPONSE_CACHE=off all reach past it. Memory tier only (no Redis).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import type { PlatformCredentials } from '../../src/config/credentials';
import { startAccessStack, tempDir, type AccessStack } from '../helpers/accessStack';
import { startCacheStack, taobaoIds, type CacheStack } from './cacheStack';

const ITEMS_GET = 'taobao:taobao.miniapp.items.get';
const TOKEN = 'answer-cache-admin-token-0123456789';
const VIEW = `query View($id: ID!) { product(platform: TAOBAO, id: $id) { id title price { min { amount currency } } stock { available } } }`;
const ids = taobaoIds(12);

let stack: CacheStack;
beforeAll(async () => {
  stack = await startCacheStack({ env: { ADMIN_TOKEN: TOKEN, TAOBAO_RETRY_ATTEMPTS: '1' } });
});
afterAll(async () => stack.close());

const view = (id: string, headers?: Record<string, string>) => stack.measure(() => stack.query(VIEW, { id }, { headers }));

/**
 * A stale answer sent a revalidation out in the background: waits until `repeat` (the same query) is
 * answered fresh again, so that refresh's upstream call cannot land in the next test's count.
 */
async function revalidated(repeat: () => Promise<{ extensions?: { cache?: { stale?: unknown } } }>): Promise<void> {
  await vi.waitFor(async () => expect((await repeat()).extensions?.cache?.stale).toEqual([]), { timeout: 5000, interval: 20 });
}

describe('answer cache', () => {
  it('answers a repeated read with no upstream call, and says it was a kept answer', async () => {
    const first = await view(ids[0]!);
    expect(first.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(first.result.extensions?.answerCache).toBeUndefined();
    stack.clock.advance(2_000);
    const again = await view(ids[0]!);
    expect(again.calls).toEqual({});
    expect(again.result.data).toEqual(first.result.data);
    expect(again.result.extensions).toEqual({
      cost: { estimatedCalls: 1, actualCalls: 0, cacheHits: 1, budget: null },
      cache: { hits: 1, misses: 0, stale: [] },
      answerCache: { ageSeconds: 2 },
    });
  });

  it('keys on the variables, and on the same variables in another order of keys', async () => {
    const other = await view(ids[1]!);
    expect(other.result.extensions?.answerCache).toBeUndefined();
    expect(other.result.data!.product.id).not.toEqual((await view(ids[0]!)).result.data!.product.id);
    const both = `query V($id: ID!, $full: Boolean!) { product(platform: TAOBAO, id: $id) { title stock @include(if: $full) { available } } }`;
    const reordered = await stack.measure(() => stack.query(both, { id: ids[1], full: false }));
    const same = await stack.measure(() => stack.query(both, { full: false, id: ids[1] }));
    expect(reordered.result.extensions?.answerCache).toBeUndefined();
    expect(same.result.extensions?.answerCache).toEqual({ ageSeconds: 0 });
  });

  it('never keeps an answer with errors', async () => {
    const missing = `{ product(platform: TAOBAO, id: "999999999999") { title } }`;
    const first = await stack.query(missing);
    expect(first.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await stack.measure(() => stack.query(missing));
    expect(again.calls).toEqual({}); // the entity cache's NOT_FOUND entry answered it
    expect(again.result.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(again.result.extensions?.answerCache).toBeUndefined();
  });

  it('keeps an answer with stock for exactly the 15 s the entity cache keeps stock fresh', async () => {
    const id = ids[2]!;
    await view(id);
    stack.clock.advance(15_000);
    const atBound = await view(id);
    expect(atBound.calls).toEqual({});
    expect(atBound.result.extensions?.answerCache).toEqual({ ageSeconds: 15 });
    await stack.patchProduct('taobao', id, { num: 4321 });
    stack.clock.advance(1);
    const past = await view(id);
    expect(past.result.extensions?.answerCache).toBeUndefined();
    expect(past.result.extensions?.cache.stale).toEqual([{ platform: 'TAOBAO', id, ageSeconds: 15, reason: 'revalidating' }]);
    await revalidated(() => stack.query(VIEW, { id }));
  });

  it('keeps a content-only answer for the content bound (10 min)', async () => {
    const titleOnly = (id: string) =>
      stack.measure(() => stack.query(`query T($id: ID!) { product(platform: TAOBAO, id: $id) { title } }`, { id }));
    await titleOnly(ids[3]!);
    stack.clock.advance(600_000);
    expect((await titleOnly(ids[3]!)).result.extensions?.answerCache).toEqual({ ageSeconds: 600 });
    stack.clock.advance(1);
    expect((await titleOnly(ids[3]!)).result.extensions?.answerCache).toBeUndefined();
    await revalidated(async () => (await titleOnly(ids[3]!)).result);
  });

  it('keeps a listing answer for the 30 s a list page is reused, and never one with WeChat SKU details', async () => {
    const page = `{ catalog(platform: XHS_ARK, first: 3) { edges { node { platformProductId title } } } }`;
    await stack.query(page);
    stack.clock.advance(30_000);
    const atBound = await stack.measure(() => stack.query(page));
    expect(atBound.calls).toEqual({});
    expect(atBound.result.extensions?.answerCache).toEqual({ ageSeconds: 30 });
    stack.clock.advance(1);
    expect((await stack.query(page)).extensions?.answerCache).toBeUndefined();
    const withSkus = `{ catalog(platform: WECHAT_SHOP, first: 2) { edges { node { title skus { id stock { available } } } } } }`;
    expect((await stack.query(withSkus)).errors).toBeUndefined();
    expect((await stack.query(withSkus)).extensions?.answerCache).toBeUndefined();
  });

  it('reads past it for Cache-Control: no-cache, and keeps the fresh answer', async () => {
    const id = ids[4]!;
    await view(id);
    const fresh = await view(id, { 'cache-control': 'no-cache' });
    expect(fresh.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(fresh.result.extensions?.answerCache).toBeUndefined();
    stack.clock.advance(1_000);
    const kept = await view(id);
    expect(kept.calls).toEqual({});
    expect(kept.result.extensions?.answerCache).toEqual({ ageSeconds: 1 });
  });

  it('drops every kept answer on a purge', async () => {
    const id = ids[5]!;
    await view(id);
    expect((await view(id)).result.extensions?.answerCache).toBeDefined();
    const purge = await fetch(`${stack.gateways[0]!.url}/admin/cache/purge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ platform: 'TAOBAO', ids: [id] }),
    });
    expect(purge.status).toBe(200);
    const after = await view(id);
    expect(after.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(after.result.extensions?.answerCache).toBeUndefined();
  });

  it('keeps nothing with RESPONSE_CACHE=off', async () => {
    const off = await startCacheStack({ env: { RESPONSE_CACHE: 'off' } });
    try {
      await off.query(VIEW, { id: ids[6] });
      const again = await off.measure(() => off.query(VIEW, { id: ids[6] }));
      expect(again.calls).toEqual({});
      expect(again.result.extensions?.cache).toEqual({ hits: 1, misses: 0, stale: [] });
      expect(again.result.extensions?.answerCache).toBeUndefined();
    } finally {
      await off.close();
    }
  });
});

describe('answer cache across callers', () => {
  const PEPPER = randomBytes(24).toString('hex');
  const KEYS = { alpha: newApiKey(), alpha2: newApiKey(), gamma: newApiKey() };
  let access: AccessStack;
  let files: ReturnType<typeof tempDir>;

  beforeAll(async () => {
    files = tempDir();
    access = await startAccessStack(async (sandboxUrl) => {
      const { merchants } = (await (await fetch(`${sandboxUrl}/__sandbox/credentials`)).json()) as {
        merchants: Record<string, PlatformCredentials>;
      };
      const env: Record<string, string> = { AUTH: 'api-key', API_KEY_PEPPER: PEPPER, CACHE: 'on', TENANTS_REFRESH_MS: '60000' };
      // Two tenants on the same merchant's credentials, and two API keys of one tenant.
      const taobao: Record<string, string> = {};
      for (const [name, value] of Object.entries(merchants.m2!.TAOBAO as unknown as Record<string, string>)) {
        const secret = ['appSecret', 'session', 'secretKey'].includes(name);
        if (secret) env[`ANSWER_TEST_${name.toUpperCase()}`] = value;
        taobao[name] = secret ? `env:ANSWER_TEST_${name.toUpperCase()}` : value;
      }
      const credentials = { TAOBAO: taobao };
      const client = (id: string, key: string) => ({ id, keyDigest: digestApiKey(key, PEPPER), scopes: [] });
      const tenants = [
        { id: 'alpha', credentials, clients: [client('one', KEYS.alpha), client('two', KEYS.alpha2)] },
        { id: 'gamma', credentials, clients: [client('one', KEYS.gamma)] },
      ];
      return { ...env, TENANTS_FILE: files.write(`tenants-${randomBytes(4).toString('hex')}.json`, JSON.stringify({ tenants })) };
    });
  });
  afterAll(async () => {
    await access?.close();
    files?.remove();
  });

  it('never shares an answer between tenants or API keys, even over the same credentials', async () => {
    const as = (key: keyof typeof KEYS) => access.post({ query: VIEW, variables: { id: '1489161932' } }, { 'x-api-key': KEYS[key] });
    const first = await as('alpha');
    expect(first.json.errors).toBeUndefined();
    expect(await access.callsSince()).toEqual({ [ITEMS_GET]: 1 });
    expect((await as('alpha')).json.extensions.answerCache).toEqual({ ageSeconds: 0 });
    for (const key of ['alpha2', 'gamma'] as const) {
      const other = await as(key);
      expect(other.json.data).toEqual(first.json.data);
      // Served by the entity cache (one credential), but not as another caller's kept answer.
      expect(other.json.extensions.answerCache).toBeUndefined();
      expect(other.json.extensions.cache).toEqual({ hits: 1, misses: 0, stale: [] });
    }
    expect(await access.callsSince()).toEqual({});
  });
});
