/**
 * The Redis tier (issue 10), on the real Redis at 127.0.0.1:6379 under a key prefix of this file's
 * own: a value cached by one instance is served by another; credentials never share entries; a
 * corrupt or old-format value is a miss; a Redis that is absent or goes away never fails a request.
 */
import net from 'node:net';
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { credentialFingerprint } from '../../src/coalescing/credentialFingerprint';
import { merchantCredentials, SANDBOX_CREDENTIALS } from '../../src/sandbox';
import { startCacheStack, taobaoIds, type CacheStack } from './cacheStack';
import { freePort } from '../helpers/replicas';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = `cg-test-${randomUUID().slice(0, 8)}`;
const redis = createClient({ url: REDIS_URL });
const ITEMS_GET = 'taobao:taobao.miniapp.items.get';
const byId = (id: string, fields = 'title') => `{ product(platform: TAOBAO, id: "${id}") { ${fields} } }`;
const m2 = merchantCredentials('m2').TAOBAO;

let stack: CacheStack;
beforeAll(async () => {
  await redis.connect();
  stack = await startCacheStack({
    env: { REDIS_URL, REDIS_KEY_PREFIX: prefix, REDIS_TIMEOUT_MS: '200' },
    gateways: [
      () => ({}),
      () => ({}),
      // Another merchant's credentials over the same sandbox and the same Redis.
      (sandboxUrl) => ({
        TAOBAO_APP_KEY: m2.appKey,
        TAOBAO_APP_SECRET: m2.appSecret,
        TAOBAO_SESSION: m2.session,
        TAOBAO_SIGN_METHOD: m2.signMethod,
        TAOBAO_BASE_URL: `${sandboxUrl}/taobao`,
      }),
    ],
  });
  await waitForRedis(stack.gateways[0]!.url);
  await waitForRedis(stack.gateways[2]!.url);
});
afterAll(async () => {
  await stack.close();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
  await redis.close();
});

async function readyz(url: string): Promise<any> {
  return (await fetch(`${url}/readyz`)).json();
}

async function waitForRedis(url: string, status: 'up' | 'down' = 'up'): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await readyz(url)).cache.redis?.status === status) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Redis tier of ${url} never became ${status}`);
}

describe('the Redis tier', () => {
  it('serves a product cached by one instance from another, without an upstream call', async () => {
    const [id] = taobaoIds(1);
    const first = await stack.measure(() => stack.query(byId(id!), undefined, { gateway: 0 }));
    expect(first.calls).toEqual({ [ITEMS_GET]: 1 });
    await new Promise((r) => setTimeout(r, 100)); // the write to Redis is not awaited by the request
    const other = await stack.measure(() => stack.query(byId(id!), undefined, { gateway: 1 }));
    expect(other.calls).toEqual({});
    expect(other.result.data).toEqual(first.result.data);
    expect(other.result.extensions?.cache).toEqual({ hits: 1, misses: 0, stale: [] });
    const keys = await redis.keys(`${prefix}:v1:e|TAOBAO|*|${id}`);
    expect(keys).toHaveLength(1);
    // A digest of the credentials, never the secret.
    expect(keys[0]).not.toContain(SANDBOX_CREDENTIALS.TAOBAO.appSecret);
    expect(await redis.pTTL(keys[0]!)).toBeGreaterThan(0);
  });

  it('never shares an entry between two credentials over the same ids', async () => {
    const own = await stack.measure(() => stack.query(byId('1489161932'), undefined, { gateway: 0 }));
    await new Promise((r) => setTimeout(r, 100));
    const otherMerchant = await stack.measure(() => stack.query(byId('1489161932'), undefined, { gateway: 2 }));
    expect(otherMerchant.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(otherMerchant.result.extensions?.cache).toMatchObject({ hits: 0, misses: 1 });
    expect(otherMerchant.result.data?.product.title).not.toBe(own.result.data?.product.title);
    expect(await redis.keys(`${prefix}:v1:e|TAOBAO|*|1489161932`)).toHaveLength(2);
  });

  it('treats a corrupt or old-format value as a miss', async () => {
    const [a, b] = taobaoIds(3).slice(1);
    const key = (id: string) => `${prefix}:v1:e|TAOBAO|${credentialFingerprint('TAOBAO', SANDBOX_CREDENTIALS.TAOBAO)}|${id}`;
    await redis.set(key(a!), '{"v":1,"product":');
    await redis.set(
      key(b!),
      JSON.stringify({ v: 0, product: { platformProductId: b, title: 'old format' }, fetchedAt: { title: Date.now() } }),
    );
    const answer = await stack.measure(() =>
      stack.query(`{ a: product(platform: TAOBAO, id: "${a}") { title } b: product(platform: TAOBAO, id: "${b}") { title } }`, undefined, {
        gateway: 1,
      }),
    );
    expect(answer.result.errors).toBeUndefined();
    expect(answer.result.data?.b.title).not.toBe('old format');
    expect(answer.calls).toEqual({ [ITEMS_GET]: 1 });
  });
});

describe('when Redis is absent or goes away', () => {
  it('answers with memory alone when REDIS_URL points at a closed port, and says so in /readyz', async () => {
    const closedPort = await freePort();
    const alone = await startCacheStack({ env: { REDIS_URL: `redis://127.0.0.1:${closedPort}`, REDIS_TIMEOUT_MS: '50' } });
    try {
      const [id] = taobaoIds(1);
      const first = await alone.query(byId(id!));
      expect(first.errors).toBeUndefined();
      const again = await alone.measure(() => alone.query(byId(id!)));
      expect(again.calls).toEqual({});
      const report = await readyz(alone.gateways[0]!.url);
      // Degraded, still served (HTTP 200): the shared state runs locally until Redis answers.
      expect(report.status).toBe('degraded');
      expect(report.redis.status).toBe('down');
      expect(report.cache.redis.status).toBe('down');
    } finally {
      await alone.close();
    }
  });

  it('goes on when Redis disappears mid-run, and uses it again once it is back', async () => {
    const proxy = await startProxy(6379);
    const viaProxy = await startCacheStack({
      env: { REDIS_URL: `redis://127.0.0.1:${proxy.port}`, REDIS_KEY_PREFIX: prefix, REDIS_TIMEOUT_MS: '100' },
    });
    try {
      const url = viaProxy.gateways[0]!.url;
      await waitForRedis(url);
      const ids = taobaoIds(8).slice(4);
      expect((await viaProxy.query(byId(ids[0]!))).errors).toBeUndefined();
      await proxy.stop();
      await waitForRedis(url, 'down');
      const during = await viaProxy.query(byId(ids[1]!));
      expect(during.errors).toBeUndefined();
      await proxy.start();
      await waitForRedis(url);
      expect((await viaProxy.query(byId(ids[2]!))).errors).toBeUndefined();
      await new Promise((r) => setTimeout(r, 100));
      expect(await redis.keys(`${prefix}:v1:e|TAOBAO|*|${ids[2]}`)).toHaveLength(1);
    } finally {
      await viaProxy.close();
      await proxy.stop();
    }
  });
});

/** A TCP proxy to Redis that can be stopped (dropping every connection) and started again on its port. */
async function startProxy(targetPort: number) {
  const port = await freePort();
  let server: net.Server | undefined;
  const sockets = new Set<net.Socket>();
  const start = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(targetPort, '127.0.0.1');
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server?.listening) return resolve();
      server.close(() => resolve());
    });
  await start();
  return { port, start, stop };
}
