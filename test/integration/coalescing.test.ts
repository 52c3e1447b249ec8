/**
 * Coalescing across requests (issue 10): concurrent operations' lookups of one platform and
 * credential share upstream calls while those wait for their quota slot. The cache is off here, so
 * every saving is coalescing's own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheStack, taobaoIds, type CacheStack } from './cacheStack';

let stack: CacheStack;
beforeAll(async () => {
  stack = await startCacheStack({
    // One call a second (the bucket of "2/1s": a burst of 1, then 1/s): slow enough that requests arriving
    // over a loaded machine's second still find the next call open.
    sandbox: { rateLimits: { taobao: { limit: 2, windowMs: 1000 } } },
    env: { CACHE: 'off', TAOBAO_RATE_LIMIT: '2/1s', REQUEST_TIMEOUT_MS: '8000' },
  });
});
afterAll(async () => stack.close());

const lookup = `query($id: ID!) { product(platform: TAOBAO, id: $id) { platformProductId title } }`;

describe('coalescing lookups across requests', () => {
  it('answers 120 concurrent requests for distinct ids at 1 call/s with ceil(120/50) calls plus a small constant, each its own product', async () => {
    const ids = taobaoIds(120);
    const { result, calls } = await stack.measure(() => Promise.all(ids.map((id) => stack.query(lookup, { id }))));
    result.forEach((answer, i) => {
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.product.platformProductId).toBe(ids[i]);
    });
    // The first call goes out at once with what has arrived; the rest wait for slots and fill up.
    expect(calls['taobao:taobao.miniapp.items.get']).toBeLessThanOrEqual(Math.ceil(120 / 50) + 3);
  });

  it("sends a failing id's error only to the requests that asked for it", async () => {
    const ids = taobaoIds(30).slice(20);
    const missing = '99999999999';
    const asks = [...ids.map((id) => ({ id })), { id: missing }, { id: missing }];
    const { result, calls } = await stack.measure(() => Promise.all(asks.map((vars) => stack.query(lookup, vars))));
    expect(calls['taobao:taobao.miniapp.items.get']).toBeLessThanOrEqual(4);
    result.forEach((answer, i) => {
      if (asks[i]!.id === missing) {
        expect(answer.data?.product).toBeNull();
        expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
      } else {
        expect(answer.errors).toBeUndefined();
        expect(answer.data?.product.platformProductId).toBe(asks[i]!.id);
      }
    });
  });

  it('unites the selections of requests sharing a call, and gives each the fields it asked for', async () => {
    const [a, b] = taobaoIds(42).slice(40);
    const [first, second] = await Promise.all([
      stack.query(`{ product(platform: TAOBAO, id: "${a}") { title } }`),
      stack.query(`{ product(platform: TAOBAO, id: "${b}") { price { min { amount } } } }`),
    ]);
    expect(Object.keys(first.data!.product)).toEqual(['title']);
    expect(Object.keys(second.data!.product)).toEqual(['price']);
    expect(second.data!.product.price.min.amount).toMatch(/^\d+(\.\d+)?$/);
  });
});

describe('CACHE=off', () => {
  it('keeps no entries: the same lookup twice is two calls, and answers carry no extensions.cache', async () => {
    const [id] = taobaoIds(44).slice(43);
    const { result, calls } = await stack.measure(async () => [await stack.query(lookup, { id }), await stack.query(lookup, { id })]);
    expect(calls['taobao:taobao.miniapp.items.get']).toBe(2);
    for (const answer of result) expect(answer.extensions?.cache).toBeUndefined();
  });
});

describe('deadlines of requests sharing a call', () => {
  let hung: CacheStack;
  beforeAll(async () => {
    hung = await startCacheStack({ env: { CACHE: 'off', REQUEST_TIMEOUT_MS: '800', TAOBAO_RETRY_ATTEMPTS: '1' } });
  });
  afterAll(async () => hung.close());

  it('answers each waiter of a hung call by its own deadline, with UPSTREAM_TIMEOUT', async () => {
    await hung.setFaults([{ platform: 'taobao', kind: 'hang', count: 1 }]);
    const [id] = taobaoIds(1);
    const timed = async (delayMs: number) => {
      await new Promise((r) => setTimeout(r, delayMs));
      const started = Date.now();
      const answer = await hung.query(lookup, { id });
      return { answer, elapsed: Date.now() - started };
    };
    const { result, calls } = await hung.measure(() => Promise.all([timed(0), timed(300)]));
    expect(calls['taobao:taobao.miniapp.items.get']).toBe(1);
    for (const { answer, elapsed } of result) {
      expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_TIMEOUT']);
      // 800 ms budget; slack for a loaded machine, far below the 5 s attempt timeout.
      expect(elapsed).toBeLessThan(800 + 700);
    }
  });
});
