/**
 * Redis trouble under two replicas (issue 13), on a redis-server of this file's own (the shared one is
 * never stopped): killed mid-run, the replicas keep answering, each pacing to its share of the quota
 * (quota / REPLICAS, so still zero refusals upstream), and /readyz says `degraded` with `redis.status`
 * `down`; restarted on the same port, they go back to the shared pacer by themselves. A replica pointed
 * at a closed port answers too.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, startPrivateRedis, startReplicas, type PrivateRedis, type ReplicaSet } from '../helpers/replicas';
import { taobaoIds } from './cacheStack';
import {
  QUOTA,
  REPLICA_SETTINGS,
  START_MS,
  answered,
  byId,
  onlyPacingErrors,
  redisKeys,
  refusedUpstream,
  sleep,
  spreadLoad,
} from './replicaLoad';

const PREFIX = `test-replicas-redis-${randomUUID().slice(0, 8)}`;
const SIZE = 300;

/** Polls every replica's /readyz until `check` holds for all of them (the reconnect backs off up to 2 s). */
async function untilReady(set: ReplicaSet, check: (report: any) => boolean, timeoutMs = 15_000): Promise<any[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reports = await Promise.all(set.replicas.map((r) => r.readyz()));
    if (reports.every(check)) return reports;
    if (Date.now() > until) throw new Error(`/readyz never matched: ${JSON.stringify(reports.map((r) => [r.status, r.redis]))}`);
    await sleep(100);
  }
}

const quotaKeys = async (redis: PrivateRedis) =>
  (await redisKeys(redis.url, PREFIX)).filter((key) => key.startsWith(`${PREFIX}:quota:{TAOBAO:`));

describe('Redis killed mid-run, then back', () => {
  let redis: PrivateRedis;
  let set: ReplicaSet;
  const ids = taobaoIds(200, SIZE);
  beforeAll(async () => {
    redis = await startPrivateRedis();
    set = await startReplicas({
      count: 2,
      sandbox: { size: SIZE, rateLimits: { taobao: QUOTA } },
      // Longer than the default 50 ms: on a busy machine a slow answer would mix local slots into the shared run.
      env: { ...REPLICA_SETTINGS, REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX, REPLICAS: '2', REDIS_TIMEOUT_MS: '500' },
    });
    await untilReady(set, (r) => r.status === 'ready' && r.redis.status === 'up');
  }, START_MS);
  afterAll(async () => {
    await set?.close();
    await redis?.kill();
  });

  it('paces through Redis while it is up', async () => {
    expect((await set.query(0, byId(ids[0]!))).errors).toBeUndefined();
    expect(await quotaKeys(redis)).toHaveLength(1);
  });

  it('killed: both keep answering at their share of the quota (zero refusals), /readyz degraded', async () => {
    await redis.kill();
    const reports = await untilReady(set, (r) => r.redis.status === 'down');
    for (const report of reports) expect(report.status).toBe('degraded');
    const { answers, requests } = await spreadLoad(set, ids);
    expect(refusedUpstream(requests)).toEqual([]);
    expect(answered(answers)).toBeGreaterThan(0);
    expect(onlyPacingErrors(answers)).toEqual([]);
    // Each replica paces to half the quota on its own: together about the quota, never twice it.
    expect(requests.length).toBeLessThanOrEqual(QUOTA.limit * 5 + 2);
    for (const replica of set.replicas) expect(replica.process.output.join('')).toContain('redis: connection is down');
  }, 60_000);

  it('restarted on the same port: /readyz ready again, and the pacer is shared again', async () => {
    await sleep(1500); // the fallback's slots and the sandbox's window are spent
    await redis.restart();
    await untilReady(set, (r) => r.status === 'ready' && r.redis.status === 'up');
    expect(await quotaKeys(redis)).toEqual([]); // a new, empty Redis
    expect((await set.query(1, byId(ids[1]!))).errors).toBeUndefined();
    expect(await quotaKeys(redis)).toHaveLength(1);
    const { requests } = await spreadLoad(set, ids);
    expect(refusedUpstream(requests)).toEqual([]);
  }, 60_000);
});

describe('REDIS_URL at a closed port', () => {
  let set: ReplicaSet;
  beforeAll(async () => {
    const closed = await freePort();
    set = await startReplicas({
      count: 1,
      sandbox: { size: SIZE },
      env: { ...REPLICA_SETTINGS, REDIS_URL: `redis://127.0.0.1:${closed}`, REDIS_KEY_PREFIX: PREFIX, REPLICAS: '2' },
    });
  }, START_MS);
  afterAll(async () => set?.close());

  it('answers, and /readyz says degraded with Redis down (HTTP 200)', async () => {
    const answer = await set.query(0, byId(taobaoIds(1, SIZE)[0]!));
    expect(answer.errors).toBeUndefined();
    const res = await fetch(`${set.replicas[0]!.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'degraded', redis: { status: 'down' } });
  });
});
