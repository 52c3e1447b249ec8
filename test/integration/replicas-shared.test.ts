/**
 * Tokens, the entity cache and client budgets across gateway processes sharing Redis (issue 13): one
 * sandbox process and several gateways (test/helpers/replicas.ts), the real Redis at 127.0.0.1:6379
 * under a random key prefix (deleted afterwards), or a private redis-server that is killed mid-run.
 * Every count is the sandbox's (`/__sandbox/stats`): token calls and product calls the platforms saw.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../src/redis/redisConnection';
import { startPrivateRedis, startReplicas, type PrivateRedis, type Replica, type ReplicaSet } from '../helpers/replicas';

const XIAOE = 'x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title }';
const WECHAT = 'w: product(platform: WECHAT_SHOP, id: "12345") { title }';
const TOKENS = `{ ${XIAOE} ${WECHAT} }`;
const TAOBAO = '{ t: product(platform: TAOBAO, id: "1489161932") { title } }';
const TOKEN_LIFE_MS = 7200_000;
/** Up to 3 gateway processes start on 2 busy cores. */
const STARTUP_MS = 120_000;
/**
 * A Redis round trip slower than REDIS_TIMEOUT_MS is a Redis that is not there (each replica goes on
 * alone): on a loaded test machine the default 50 ms would turn that into the very case counted here.
 */
const SLOW_REDIS_MS = '1000';
/** Every request spends the anonymous budget of 127.0.0.1, restored too slowly to matter here. */
const BUDGET = { COST_ANONYMOUS_BUDGET: '1000', COST_ANONYMOUS_RESTORE_PER_SECOND: '0.000001' };

/** POSTs `query` to `replica`, past the entity cache unless `cached` (every call then reaches upstream). */
async function ask(replica: Replica, query: string, cached = false): Promise<any> {
  const res = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cached ? {} : { 'cache-control': 'no-cache' }) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** The sandbox calls `work` caused, by `<platform>:<operation>`. */
async function measure<T>(set: ReplicaSet, work: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }> {
  const before = await set.sandbox.calls();
  const result = await work();
  const after = await set.sandbox.calls();
  const calls: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) > 0) calls[key] = n - (before[key] ?? 0);
  return { result, calls };
}

/** Every replica, `perReplica` requests each, all at once. */
function everywhere(set: ReplicaSet, query: string, perReplica = 2): Promise<any[]> {
  return Promise.all(set.replicas.flatMap((replica) => Array.from({ length: perReplica }, () => ask(replica, query))));
}

/** The anonymous budget's calls left, as replica `replica` reports it (an operation that costs nothing). */
async function budgetOn(replica: Replica): Promise<number> {
  return ((await ask(replica, '{ __typename }')).extensions.cost.budget as { remaining: number }).remaining;
}

function expectAnswered(answers: any[]): void {
  for (const answer of answers) expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined();
}

async function waitFor(what: string, check: () => Promise<boolean>, tries = 300): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited in vain for ${what}`);
}

describe('3 replicas sharing Redis', () => {
  const prefix = `test-replicas-${randomUUID()}`;
  let set: ReplicaSet;
  let redis: RedisConnection;
  beforeAll(async () => {
    redis = new RedisConnection({ url: 'redis://127.0.0.1:6379', timeoutMs: 500, keyPrefix: prefix }, () => undefined);
    set = await startReplicas({
      count: 3,
      env: {
        REDIS_URL: 'redis://127.0.0.1:6379',
        REDIS_KEY_PREFIX: prefix,
        REDIS_TIMEOUT_MS: SLOW_REDIS_MS,
        REPLICAS: '3',
        ...BUDGET,
      },
    });
  }, STARTUP_MS);
  afterAll(async () => {
    await set?.close();
    await redis.delete([], `${prefix}:*`);
    await redis.close();
  });

  it('fetches exactly one token per platform for concurrent first requests on every replica', async () => {
    const { result, calls } = await measure(set, () => everywhere(set, TOKENS));
    expectAnswered(result);
    expect(calls['xiaoe:token']).toBe(1);
    expect(calls['wechat:token']).toBe(1);
  });

  it('serves a product read on replica A from the cache on replica B, without an upstream call', async () => {
    const first = await measure(set, () => ask(set.replicas[0]!, TAOBAO, true));
    expect(first.result.data.t.title).toEqual(expect.any(String));
    expect(first.calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
    // The cache writes Redis without making the answer wait: let the write land first.
    await waitFor('the product in Redis', async () => ((await redis.bounded((c) => c.keys(`${prefix}:v*`))) ?? []).length > 0);
    const second = await measure(set, () => ask(set.replicas[1]!, TAOBAO, true));
    expect(second.result.data).toEqual(first.result.data);
    expect(second.calls).toEqual({});
  });

  it("spends one client budget on every replica: B's budget shows what A spent", async () => {
    const before = await budgetOn(set.replicas[1]!);
    const spent = await ask(set.replicas[0]!, TAOBAO);
    const actual = spent.extensions.cost.actualCalls as number;
    expect(actual).toBe(1);
    const after = await budgetOn(set.replicas[1]!);
    expect(after).toBeGreaterThanOrEqual(before - actual);
    expect(after).toBeLessThan(before);
  });

  it('refreshes a stale token once across the replicas', async () => {
    // Every token the sandbox issued expires; each replica still holds its copy and learns from a stale
    // answer. Last here: Taobao refuses signed calls whose timestamp is this far from the sandbox's clock.
    await set.sandbox.admin('/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: TOKEN_LIFE_MS + 1000 }),
    });
    const { result, calls } = await measure(set, () => everywhere(set, TOKENS));
    expectAnswered(result);
    expect(calls['xiaoe:token']).toBe(1);
    expect(calls['wechat:token']).toBe(1);
  });
});

describe('2 replicas without Redis (the contrast: what Redis prevents)', () => {
  let set: ReplicaSet;
  beforeAll(async () => {
    set = await startReplicas({ count: 2, env: BUDGET });
  }, STARTUP_MS);
  afterAll(async () => set?.close());

  it('fetches a token per replica, shares no cache and keeps a budget per replica', async () => {
    const tokens = await measure(set, () => everywhere(set, TOKENS));
    expectAnswered(tokens.result);
    expect(tokens.calls['xiaoe:token']).toBe(2);
    expect(tokens.calls['wechat:token']).toBe(2);
    await ask(set.replicas[0]!, TAOBAO, true);
    const second = await measure(set, () => ask(set.replicas[1]!, TAOBAO, true));
    expect(second.calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
    const before = await budgetOn(set.replicas[1]!);
    expect((await ask(set.replicas[0]!, TAOBAO)).extensions.cost.actualCalls).toBe(1);
    expect(await budgetOn(set.replicas[1]!)).toBe(before);
  });
});

describe('2 replicas when their Redis dies mid-run, and comes back', () => {
  let set: ReplicaSet;
  let privateRedis: PrivateRedis;
  const advance = (ms: number) =>
    set.sandbox.admin('/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: ms }),
    });
  const redisState = async (replica: Replica): Promise<string> => ((await replica.readyz()).redis as { status: string }).status;
  beforeAll(async () => {
    privateRedis = await startPrivateRedis();
    set = await startReplicas({
      count: 2,
      env: {
        REDIS_URL: privateRedis.url,
        REDIS_TIMEOUT_MS: SLOW_REDIS_MS,
        REPLICAS: '2',
        ...BUDGET,
      },
    });
    await waitFor('both replicas on Redis', async () => (await Promise.all(set.replicas.map(redisState))).every((s) => s === 'up'));
  }, STARTUP_MS);
  afterAll(async () => {
    await set?.close();
    await privateRedis?.kill();
  });

  it('keeps answering with local tokens and budgets, then shares them again', async () => {
    const shared = await measure(set, () => everywhere(set, TOKENS));
    expectAnswered(shared.result);
    expect(shared.calls['xiaoe:token']).toBe(1);

    await privateRedis.kill();
    await waitFor('both replicas to see Redis down', async () =>
      (await Promise.all(set.replicas.map(redisState))).every((s) => s === 'down'),
    );
    await advance(TOKEN_LIFE_MS + 1000);
    const alone = await measure(set, () => everywhere(set, TOKENS));
    expectAnswered(alone.result);
    // Each replica refreshes on its own now: one token per replica and platform, and still answers.
    expect(alone.calls['xiaoe:token']).toBe(2);
    expect(alone.calls['wechat:token']).toBe(2);
    for (const answer of alone.result) expect(answer.extensions.cost.budget).toMatchObject({ limit: 1000 });

    await privateRedis.restart();
    await waitFor('both replicas back on Redis', async () => (await Promise.all(set.replicas.map(redisState))).every((s) => s === 'up'));
    await advance(TOKEN_LIFE_MS + 1000);
    const again = await measure(set, () => everywhere(set, TOKENS));
    expectAnswered(again.result);
    expect(again.calls['xiaoe:token']).toBe(1);
    expect(again.calls['wechat:token']).toBe(1);
  });
});
