/**
 * The shared pacer (src/platforms/resilience/sharedPacer.ts) on the real Redis at 127.0.0.1:6379, this
 * file's own random key prefix (deleted afterwards): two connections stand for two replicas. Slots are
 * handed out in one sequence across both, background work gets only a slot free now, a pause by one
 * holds the other, and without Redis each falls back to its local share.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { SharedPacer } from '../../src/platforms/resilience/sharedPacer';
import { TokenBucket } from '../../src/platforms/resilience/tokenBucket';
import { RedisConnection } from '../../src/redis/redisConnection';
import { freePort } from '../helpers/replicas';
import { deleteRedisKeys } from './replicaLoad';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `test-shared-pacer-${randomUUID().slice(0, 8)}`;
/** 10 calls/s, burst 1: one slot every 100 ms. */
const RATE = { ratePerSecond: 10, burst: 1 };
const quiet = () => undefined;

const connections: RedisConnection[] = [];
async function connect(url = REDIS_URL, timeoutMs = 500): Promise<RedisConnection> {
  const redis = new RedisConnection({ url, timeoutMs, keyPrefix: PREFIX }, quiet);
  connections.push(redis);
  for (let i = 0; i < 50 && !redis.isUp && url === REDIS_URL; i++) await new Promise((r) => setTimeout(r, 20));
  return redis;
}
/** A replica's pacer of one credential, with its fallback at half the rate (REPLICAS=2). */
const pacer = (redis: RedisConnection, credential: string) =>
  new SharedPacer(redis, 'TAOBAO', credential, RATE, new TokenBucket({ ratePerSecond: 5, burst: 1 }));

afterAll(async () => {
  for (const redis of connections) await redis.close();
  await deleteRedisKeys(REDIS_URL, PREFIX);
});

describe('SharedPacer', () => {
  it('hands out one sequence of slots across replicas, 100 ms apart', async () => {
    const [a, b] = [pacer(await connect(), 'app-1'), pacer(await connect(), 'app-1')];
    const deadline = Date.now() + 10_000;
    const waits: number[] = [];
    const started = Date.now();
    for (let i = 0; i < 6; i++) {
      const reservation = await (i % 2 ? b : a).reserve(deadline);
      if (!reservation.ok) throw new Error('refused');
      waits.push(reservation.waitMs);
    }
    const elapsed = Date.now() - started;
    // Each slot 100 ms after the previous one, whichever replica took it: five slots span 500 ms of
    // Redis's clock, less the time the loop itself took.
    for (let i = 1; i < waits.length; i++) expect(waits[i]!).toBeGreaterThan(waits[i - 1]!);
    expect(waits[5]! - waits[0]!).toBeLessThanOrEqual(500);
    expect(waits[5]! - waits[0]!).toBeGreaterThanOrEqual(500 - elapsed - 1);
  });

  it('refuses a slot past the deadline, with how long until it comes', async () => {
    const [a, b] = [pacer(await connect(), 'app-2'), pacer(await connect(), 'app-2')];
    for (let i = 0; i < 5; i++) expect((await a.reserve(Date.now() + 10_000)).ok).toBe(true);
    const refused = await b.reserve(Date.now() + 200);
    expect(refused).toMatchObject({ ok: false });
    expect((refused as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(200);
  });

  it('gives background work only a slot free now: behind what another replica reserved ahead', async () => {
    const [a, b] = [pacer(await connect(), 'app-3'), pacer(await connect(), 'app-3')];
    expect(await b.reserveIdle()).toEqual({ ok: true, waitMs: 0 });
    const ahead = await a.reserve(Date.now() + 10_000);
    expect(ahead.ok && ahead.waitMs).toBeGreaterThan(0);
    expect(await b.reserveIdle()).toMatchObject({ ok: false });
  });

  it('a pause on one replica holds the other', async () => {
    const [a, b] = [pacer(await connect(), 'app-4'), pacer(await connect(), 'app-4')];
    await a.pause(3000);
    const held = await b.reserve(Date.now() + 10_000);
    expect(held.ok && held.waitMs).toBeGreaterThan(2500);
    expect(await b.reserve(Date.now() + 1000)).toMatchObject({ ok: false });
  });

  it('without Redis, paces to its local share', async () => {
    const alone = pacer(await connect(`redis://127.0.0.1:${await freePort()}`, 50), 'app-5');
    const deadline = Date.now() + 10_000;
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const reservation = await alone.reserve(deadline);
      if (!reservation.ok) throw new Error('refused');
      waits.push(reservation.waitMs);
    }
    // 5 calls/s: 200 ms apart.
    expect(waits[1]! - waits[0]!).toBeGreaterThan(150);
    expect(waits[2]! - waits[1]!).toBeGreaterThan(150);
  });
});
