/**
 * The load of the replica tests (issue 13): Taobao product lookups spread round-robin over gateway
 * processes, at ten times the quota the sandbox enforces and the gateways are configured with.
 */
import { createClient } from 'redis';
import type { ReplicaSet } from '../helpers/replicas';
import type { GraphQLResponse, LoggedRequest } from '../helpers/stack';

/** The sandbox's Taobao quota, and the gateways' (the same, as a deployment configures it). */
export const QUOTA = { limit: 5, windowMs: 1000 };
/** Every replica's settings: paced to QUOTA, no cache (each lookup goes upstream). */
export const REPLICA_SETTINGS = { TAOBAO_RATE_LIMIT: '5/1s', CACHE: 'off', REQUEST_TIMEOUT_MS: '3000' };
const LOAD_MS = 2000;
/** Requests per second over all replicas: ten times the quota. */
const LOAD_PER_SECOND = 10 * QUOTA.limit;
/** Starting a sandbox and gateway processes on a loaded machine. */
export const START_MS = 120_000;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const byId = (id: string) => `{ product(platform: TAOBAO, id: "${id}") { title } }`;
/** Calls the sandbox refused with TOP code 7 (over its quota). */
export const refusedUpstream = (requests: LoggedRequest[]) => requests.filter((r) => r.outcome === 'error:7');

export interface LoadResult {
  answers: GraphQLResponse[];
  /** The Taobao calls the sandbox logged meanwhile. */
  requests: LoggedRequest[];
}

/**
 * LOAD_PER_SECOND requests of one product each (distinct ids, so only the pacer merges them) for
 * LOAD_MS, round-robin over the replicas; waits for every answer. The sandbox's log is reset first.
 */
export async function spreadLoad(set: ReplicaSet, ids: readonly string[]): Promise<LoadResult> {
  await set.sandbox.reset();
  const pending: Array<Promise<GraphQLResponse>> = [];
  const total = (LOAD_PER_SECOND * LOAD_MS) / 1000;
  const started = Date.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / LOAD_PER_SECOND;
    if (due > Date.now()) await sleep(due - Date.now());
    pending.push(set.query(i % set.replicas.length, byId(ids[i % ids.length]!)));
  }
  const answers = await Promise.all(pending);
  return { answers, requests: await set.sandbox.requests('taobao') };
}

/** How many answers have the product. */
export function answered(answers: GraphQLResponse[]): number {
  return answers.filter((a) => (a.data as { product?: unknown } | undefined)?.product).length;
}

/** Every error is the gateway's own pacing refusal (a lookup that found no slot before its deadline). */
export function onlyPacingErrors(answers: GraphQLResponse[]): Array<Record<string, unknown> | undefined> {
  return answers
    .flatMap((a) => a.errors ?? [])
    .map((e) => e.extensions)
    .filter((x) => x?.upstreamCode !== 'QUOTA_PACING');
}

/** The keys under `prefix` in the Redis at `url`. */
export async function redisKeys(url: string, prefix: string): Promise<string[]> {
  const redis = createClient({ url });
  await redis.connect();
  try {
    const found: string[] = [];
    for await (const keys of redis.scanIterator({ MATCH: `${prefix}:*` })) found.push(...keys);
    return found;
  } finally {
    await redis.close();
  }
}

/** Deletes the keys under `prefix` in the Redis at `url` (a test's own prefix, never anything else). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const keys = await redisKeys(url, prefix);
  if (keys.length === 0) return;
  const redis = createClient({ url });
  await redis.connect();
  await redis.del(keys);
  await redis.close();
}
