/**
 * `npm run bench:shared-pacer` (issue 13): how to pace two replicas to one quota through Redis, measured
 * both ways issue 13 allows. Two "replicas" (two Redis connections in this process) each have 40 calls
 * to make at once against a quota of 20 calls per second:
 *
 * - the gateway's GCRA script (src/platforms/resilience/sharedPacer.ts): one round trip per call hands
 *   out its slot, then the call waits locally;
 * - rate-limiter-flexible's RateLimiterRedis: `consume` now or be told `msBeforeNext`, then try again
 *   (it has no shared queue: RateLimiterQueue is per process).
 *
 * Reported per way and round: Redis round trips, the span of the sends, the most sends in any 1 s,
 * the calls a platform window opened by the first call would refuse (the sandbox's rule), and this
 * process's CPU per call (process.cpuUsage). Uses the Redis at BENCH_REDIS_URL (default the local one)
 * under a key prefix of its own, deleted afterwards.
 */
import { randomUUID } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { createClient } from 'redis';
import { bucketForQuota } from '../src/platforms/resilience/policy';
import { SharedPacer } from '../src/platforms/resilience/sharedPacer';
import { TokenBucket } from '../src/platforms/resilience/tokenBucket';
import { RedisConnection } from '../src/redis/redisConnection';

const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `bench-shared-pacer-${randomUUID().slice(0, 8)}`;
const CALLS_PER_REPLICA = 40;
const QUOTA = { limit: 20, windowMs: 1000 };
const ROUNDS = 3;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Outcome {
  way: string;
  roundTrips: number;
  spanMs: number;
  maxIn1s: number;
  refusedByWindow: number;
  cpuUsPerCall: number;
}

/** Runs `call` CALLS_PER_REPLICA times at once on each replica; `call` resolves when its call may go out. */
async function measure(way: string, replicas: Array<() => Promise<number>>): Promise<Outcome> {
  const sends: number[] = [];
  let roundTrips = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    replicas.flatMap((call) =>
      Array.from({ length: CALLS_PER_REPLICA }, async () => {
        const trips = await call();
        sends.push(performance.now());
        roundTrips += trips;
      }),
    ),
  );
  const used = process.cpuUsage(cpu);
  sends.sort((a, b) => a - b);
  return {
    way,
    roundTrips,
    spanMs: Math.round(sends.at(-1)! - started),
    maxIn1s: maxInAnyWindow(sends),
    refusedByWindow: refusedByFixedWindows(sends),
    cpuUsPerCall: Math.round((used.user + used.system) / sends.length),
  };
}

function maxInAnyWindow(sorted: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= QUOTA.windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

/** The sandbox's rule (src/sandbox/rateLimits.ts): a window opens at the first call after the last one ended. */
function refusedByFixedWindows(sorted: number[]): number {
  let start = Number.NEGATIVE_INFINITY;
  let counted = 0;
  let refused = 0;
  for (const at of sorted) {
    if (at >= start + QUOTA.windowMs) [start, counted] = [at, 0];
    if (counted >= QUOTA.limit) refused++;
    else counted++;
  }
  return refused;
}

async function gcra(round: number): Promise<Outcome> {
  const connections = [0, 1].map(() => new RedisConnection({ url: REDIS_URL, timeoutMs: 1000, keyPrefix: `${PREFIX}-${round}` }, () => {}));
  while (!connections.every((c) => c.isUp)) await sleep(20);
  const rate = bucketForQuota(QUOTA);
  const pacers = connections.map((c) => new SharedPacer(c, 'TAOBAO', 'app', rate, new TokenBucket(rate)));
  try {
    return await measure(
      'GCRA script (sharedPacer.ts)',
      pacers.map((pacer) => async () => {
        const slot = await pacer.reserve(Date.now() + 60_000);
        if (!slot.ok) throw new Error('a slot within 60 s was refused');
        await sleep(slot.waitMs);
        return 1;
      }),
    );
  } finally {
    for (const c of connections) await c.close();
  }
}

async function flexible(round: number): Promise<Outcome> {
  const clients = await Promise.all(
    [0, 1].map(async () => {
      const client = createClient({ url: REDIS_URL, disableOfflineQueue: true });
      await client.connect();
      return client;
    }),
  );
  const options = { useRedisPackage: true, keyPrefix: `${PREFIX}-rlf-${round}`, points: QUOTA.limit, duration: QUOTA.windowMs / 1000 };
  const limiters = clients.map((storeClient) => new RateLimiterRedis({ ...options, storeClient }));
  try {
    return await measure(
      'rate-limiter-flexible (consume, retry after msBeforeNext)',
      limiters.map((limiter) => async () => {
        for (let trips = 1; ; trips++) {
          try {
            await limiter.consume('app');
            return trips;
          } catch (res) {
            if (!(res instanceof RateLimiterRes)) throw res;
            await sleep(res.msBeforeNext);
          }
        }
      }),
    );
  } finally {
    for (const c of clients) await c.close();
  }
}

async function deleteKeys(): Promise<void> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `*${PREFIX}*` })) if (keys.length) await redis.del(keys);
  await redis.close();
}

const results: Outcome[] = [];
try {
  for (let round = 0; round < ROUNDS; round++) {
    results.push(await gcra(round));
    results.push(await flexible(round));
  }
} finally {
  await deleteKeys();
}
console.log(
  `\n2 replicas x ${CALLS_PER_REPLICA} calls at once, quota ${QUOTA.limit} per ${QUOTA.windowMs} ms, ${ROUNDS} alternating rounds\n`,
);
console.log('| way | Redis round trips | span ms | most sends in 1 s | refused by a window opened at the first call | CPU µs/call |');
console.log('|---|---|---|---|---|---|');
for (const r of results)
  console.log(`| ${r.way} | ${r.roundTrips} | ${r.spanMs} | ${r.maxIn1s} | ${r.refusedByWindow} | ${r.cpuUsPerCall} |`);
process.exit(0);
