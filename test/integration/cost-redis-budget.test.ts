/**
 * Client budgets in Redis (RedisBudgetStore) on the real Redis at 127.0.0.1:6379, under a random key
 * prefix deleted afterwards: the memory store's answers, one bucket for every replica (each store here
 * has its own connection, as each replica does), keys that expire, and the memory fallback.
 * test/integration/replicas-shared.test.ts checks the same budget across gateway processes.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryBudgetStore, type BudgetStore } from '../../src/cost/budgetStore';
import { RedisBudgetStore } from '../../src/cost/redisBudgetStore';
import { RedisConnection } from '../../src/redis/redisConnection';
import { redisLinks, until } from '../helpers/redisLinks';

const links = redisLinks('test-budgets');
const { connect, connections } = links;
const PREFIX = links.prefix;
/** Slow enough that the test's own run time restores nothing that matters (0.01 call per second). */
const slow = { limit: 10, restorePerSecond: 0.01 };

async function sharedStore(): Promise<RedisBudgetStore> {
  const redis = connect();
  await until(() => redis.isUp);
  return new RedisBudgetStore(redis, () => undefined);
}

/** The same steps on any store; what each answered. */
async function script(store: BudgetStore, key: string): Promise<unknown[]> {
  return [
    await store.reserve(key, 8, slow),
    await store.reserve(key, 5, slow),
    await store.settle(key, 4, slow),
    await store.settle(key, 100, slow),
    await store.reserve(key, 10, slow),
    await store.settle(key, -3, slow),
    await store.reserve(key, 0, slow),
  ];
}

function roughly(answers: unknown[]): unknown[] {
  // Remaining calls to 2 decimals, waits to the second: the Redis bucket refills by Redis's clock.
  return JSON.parse(
    JSON.stringify(answers, (name, value: unknown) =>
      typeof value === 'number' ? (name === 'retryAfterMs' ? Math.round(value / 1000) : Math.round(value * 100) / 100) : value,
    ),
  ) as unknown[];
}

describe('RedisBudgetStore', () => {
  beforeAll(() => links.ready());
  afterAll(() => links.closeAll());

  it('answers as the memory store does, settling below zero included', async () => {
    const key = `client\u0000t\u0000${randomUUID()}`;
    const redis = roughly(await script(await sharedStore(), key));
    expect(redis).toEqual(roughly(await script(new MemoryBudgetStore(), key)));
    expect(redis.slice(-2)).toEqual([-3, { granted: false, remaining: -3, retryAfterMs: 300 }]);
  });

  it('is one bucket for every replica: a budget spent on one is spent on the others', async () => {
    const [a, b] = [await sharedStore(), await sharedStore()];
    const key = `client\u0000t\u0000${randomUUID()}`;
    expect(await a.reserve(key, 6, slow)).toMatchObject({ granted: true });
    expect(await b.reserve(key, 6, slow)).toMatchObject({ granted: false });
    // Twenty concurrent one-call reservations on a fresh bucket of 10, over two replicas: exactly 10.
    const fresh = `client\u0000t\u0000${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).reserve(fresh, 1, slow)));
    expect(answers.filter((r) => r.granted)).toHaveLength(10);
  });

  it('refills over time; a bucket expires when it would be full again, and a full one is deleted', async () => {
    const redis = connect();
    const own = `${PREFIX}-ttl`;
    const ttlRedis = new RedisConnection({ url: 'redis://127.0.0.1:6379', timeoutMs: 1000, keyPrefix: own }, () => undefined);
    connections.push(ttlRedis);
    await until(() => redis.isUp && ttlRedis.isUp);
    const store = new RedisBudgetStore(ttlRedis, () => undefined);
    const ttls = async () => {
      const keys = (await redis.bounded((c) => c.keys(`${own}:budget:*`)))!;
      return Promise.all(keys.map(async (k) => (await redis.bounded((c) => c.pTTL(k)))!));
    };
    const fast = { limit: 10, restorePerSecond: 100 };
    const key = `client\u0000t\u0000${randomUUID()}`;
    expect(await store.reserve(key, 10, fast)).toMatchObject({ granted: true, remaining: 0 });
    const [ttl] = await ttls();
    // Empty at 100 calls/s: full again in 100 ms, plus the script's 1 s margin.
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_100);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.reserve(key, 10, fast)).toMatchObject({ granted: true });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await store.settle(key, 0, fast)).toBe(10);
    expect(await ttls()).toEqual([]);
  });

  it('falls back to this replica’s memory when Redis does not answer, and says so once', async () => {
    const lines: string[] = [];
    const store = new RedisBudgetStore(connect('redis://127.0.0.1:1'), (line) => lines.push(line));
    const key = 'anonymous\u0000127.0.0.9';
    expect(await store.reserve(key, 8, slow)).toMatchObject({ granted: true, remaining: 2 });
    expect(await store.reserve(key, 5, slow)).toMatchObject({ granted: false });
    expect(await store.settle(key, 3, slow)).toBeCloseTo(5, 2);
    expect(lines).toEqual(['budgets: Redis unavailable; client budgets are kept per replica']);
  });
});
