/**
 * `POST /admin/cache/purge` (issue 10): bearer ADMIN_TOKEN, 401 without it, refused while unset, 400
 * for a malformed body; a purge on one instance reaches the memory tier of every instance over Redis.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheStack, taobaoIds, type CacheStack } from './cacheStack';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `cg-test-${randomUUID().slice(0, 8)}`;
const TOKEN = 'purge-token-0123456789abcdef';
const ITEMS_GET = 'taobao:taobao.miniapp.items.get';
const byId = (id: string) => `{ product(platform: TAOBAO, id: "${id}") { title } }`;

let stack: CacheStack;
beforeAll(async () => {
  stack = await startCacheStack({
    env: { REDIS_URL, REDIS_KEY_PREFIX: prefix, REDIS_TIMEOUT_MS: '200' },
    gateways: [() => ({ ADMIN_TOKEN: TOKEN }), () => ({ ADMIN_TOKEN: TOKEN }), () => ({})],
  });
});
afterAll(async () => {
  await stack.close();
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
  await redis.close();
});

interface PurgeBody {
  error: { code: string; message: string };
  purged: { memory: number; redis: number | null };
}

async function purge(
  body: unknown,
  { gateway = 0, token = TOKEN, raw = false }: { gateway?: number; token?: string | null; raw?: boolean } = {},
) {
  const res = await fetch(`${stack.gateways[gateway]!.url}/admin/cache/purge`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as PurgeBody };
}

describe('POST /admin/cache/purge', () => {
  it('refuses a request without a valid bearer token with 401', async () => {
    expect((await purge({ platform: 'TAOBAO' }, { token: null })).status).toBe(401);
    const wrong = await purge({ platform: 'TAOBAO' }, { token: 'not-the-token-at-all' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('is refused while ADMIN_TOKEN is unset', async () => {
    const answer = await purge({ platform: 'TAOBAO' }, { gateway: 2 });
    expect(answer.status).toBe(403);
    expect(answer.body.error.message).toMatch(/ADMIN_TOKEN/);
  });

  it('answers 400 with a message for a malformed body', async () => {
    for (const body of [
      [],
      { platform: 'NOPE' },
      { platform: 'TAOBAO', ids: 'x' },
      { platform: 'TAOBAO', ids: [] },
      { platform: 'TAOBAO', extra: 1 },
    ]) {
      const answer = await purge(body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toEqual(expect.any(String));
    }
    const notJson = await purge('{"platform": ', { raw: true });
    expect(notJson.status).toBe(400);
  });

  it('forgets the given ids on every instance, and leaves the others cached', async () => {
    const [a, b] = taobaoIds(2);
    for (const gateway of [0, 1])
      await stack.query(
        `{ a: product(platform: TAOBAO, id: "${a}") { title } b: product(platform: TAOBAO, id: "${b}") { title } }`,
        undefined,
        { gateway },
      );
    const answer = await purge({ platform: 'TAOBAO', ids: [a] });
    expect(answer.status).toBe(200);
    await new Promise((r) => setTimeout(r, 100)); // the purge message reaches the other instance
    // The other instance first: its memory copy is gone too, so it asks upstream (and refills Redis).
    const other = await stack.measure(() => stack.query(byId(a!), undefined, { gateway: 1 }));
    expect(other.calls).toEqual({ [ITEMS_GET]: 1 });
    await new Promise((r) => setTimeout(r, 100));
    const purger = await stack.measure(() => stack.query(byId(a!), undefined, { gateway: 0 }));
    expect(purger.calls).toEqual({});
    for (const gateway of [0, 1]) expect((await stack.measure(() => stack.query(byId(b!), undefined, { gateway }))).calls).toEqual({});
  });

  it('forgets a whole platform', async () => {
    const [, b] = taobaoIds(2);
    const answer = await purge({ platform: 'TAOBAO' });
    expect(answer.status).toBe(200);
    expect(answer.body.purged.memory).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    const { calls } = await stack.measure(() => stack.query(byId(b!), undefined, { gateway: 1 }));
    expect(calls).toEqual({ [ITEMS_GET]: 1 });
  });

  it('does not store what a call in flight during a purge brings back', async () => {
    const [, , c] = taobaoIds(3);
    await stack.setFaults([{ platform: 'taobao', kind: 'latency', latencyMs: 500, count: 1 }]);
    const inFlight = stack.query(byId(c!), undefined, { gateway: 0 });
    await new Promise((r) => setTimeout(r, 150));
    expect((await purge({ platform: 'TAOBAO', ids: [c] })).status).toBe(200);
    expect((await inFlight).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 100));
    const after = await stack.measure(() => stack.query(byId(c!), undefined, { gateway: 0 }));
    expect(after.calls).toEqual({ [ITEMS_GET]: 1 });
  });
});
