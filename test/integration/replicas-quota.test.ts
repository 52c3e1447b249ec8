/**
 * One quota across replicas (issue 13): two gateway processes over one sandbox process, Taobao's quota
 * enforced by the sandbox and configured in every gateway. With REDIS_URL (the shared Redis at
 * 127.0.0.1:6379, this file's own random key prefix, its keys deleted afterwards) the replicas pace as
 * one: ten times the quota spread over them gets zero refusals upstream, and a ban one replica is told
 * about holds the other back. Without it, each paces to the whole quota and the same load is refused.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReplicas, type ReplicaSet } from '../helpers/replicas';
import { taobaoIds } from './cacheStack';
import {
  QUOTA,
  REPLICA_SETTINGS,
  START_MS,
  answered,
  byId,
  deleteRedisKeys,
  onlyPacingErrors,
  redisKeys,
  refusedUpstream,
  sleep,
  spreadLoad,
} from './replicaLoad';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `test-replicas-quota-${randomUUID().slice(0, 8)}`;
const SIZE = 300;

describe('two replicas sharing one Redis', () => {
  let set: ReplicaSet;
  const ids = taobaoIds(200, SIZE);
  beforeAll(async () => {
    set = await startReplicas({
      count: 2,
      sandbox: { size: SIZE, rateLimits: { taobao: QUOTA } },
      // A Redis answer later than REDIS_TIMEOUT_MS sends that call on the replica's local share, which
      // knows nothing of the other's ban: on this busy machine 50 ms is too short to test sharing with.
      env: { ...REPLICA_SETTINGS, REDIS_URL, REDIS_KEY_PREFIX: PREFIX, REPLICAS: '2', REDIS_TIMEOUT_MS: '500' },
    });
  }, START_MS);
  afterAll(async () => {
    await set?.close();
    await deleteRedisKeys(REDIS_URL, PREFIX);
  });

  it('ten times the quota spread over both: zero refusals upstream', async () => {
    const { answers, requests } = await spreadLoad(set, ids);
    expect(refusedUpstream(requests)).toEqual([]);
    // Paced as one: about the quota for the 2 s of load plus the answers' 3 s deadline, never more.
    expect(requests.length).toBeGreaterThan(5);
    expect(requests.length).toBeLessThanOrEqual(QUOTA.limit * 5 + 1);
    expect(answered(answers)).toBeGreaterThan(0);
    expect(onlyPacingErrors(answers)).toEqual([]);
    // The one pacer is in Redis, under this file's prefix.
    expect((await redisKeys(REDIS_URL, PREFIX)).filter((k) => k.startsWith(`${PREFIX}:quota:{TAOBAO:`))).not.toEqual([]);
    await sleep(1500); // the pacer's slots and the sandbox's window are spent
  }, 60_000);

  it('a ban replica 0 is told about holds replica 1 back without a call', async () => {
    // One call per 10 s: the second call is refused with "This ban will last for N more seconds", N
    // well over the requests' 3 s budget (so replica 0 does not retry it) however slow the machine is.
    await set.sandbox.setRateLimits({ taobao: { limit: 1, windowMs: 10_000 } });
    await set.sandbox.reset();
    const first = await set.query(0, byId(ids[0]!));
    const banned = await set.query(0, byId(ids[1]!));
    const log = (await set.sandbox.requests('taobao')).map((r) => r.outcome);
    expect({ first: first.errors, banned: banned.errors?.map((e) => e.extensions), log }).toMatchObject({
      first: undefined,
      banned: [{ code: 'UPSTREAM_RATE_LIMITED', upstreamCode: '7/accesscontrol.limited-by-app-access-count' }],
      log: ['ok', 'error:7'],
    });

    const held = await set.query(1, byId(ids[2]!));
    // With what the replicas logged about Redis, should it fail.
    const redisLog = set.replicas.map((r) =>
      r.process.output
        .join('')
        .split('\n')
        .filter((line) => line.includes('redis:')),
    );
    expect({ held: held.errors?.[0]?.extensions, redisLog }).toMatchObject({
      held: { code: 'UPSTREAM_RATE_LIMITED', upstreamCode: 'QUOTA_PACING' },
    });
    expect(held.errors![0]!.extensions!.retryAfterMs).toBeGreaterThan(1000);
    expect(await set.sandbox.requests('taobao')).toHaveLength(2);
    await set.sandbox.setRateLimits({ taobao: QUOTA });
  }, 30_000);
});

describe('two replicas without Redis (the contrast)', () => {
  let set: ReplicaSet;
  beforeAll(async () => {
    set = await startReplicas({ count: 2, sandbox: { size: SIZE, rateLimits: { taobao: QUOTA } }, env: REPLICA_SETTINGS });
  }, START_MS);
  afterAll(async () => set?.close());

  it('the same load: each paces to the whole quota, so the sandbox refuses calls', async () => {
    const { requests } = await spreadLoad(set, taobaoIds(200, SIZE));
    expect(refusedUpstream(requests).length).toBeGreaterThan(0);
  }, 60_000);
});
