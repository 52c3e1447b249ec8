/**
 * `npm run bench:capacity` (issue 10): product views a server answers per second when the merchant's
 * quota is the scarce resource. The sandbox allows BENCH_QUOTA Taobao calls per second and answers each
 * BENCH_LATENCY_MS late; BENCH_CLIENTS closed-loop clients (each sends its next view when the last one
 * is answered) ask for products drawn from a Zipf distribution over a hot set of BENCH_HOT_SET ids, for
 * BENCH_WARMUP_SECONDS (not measured: caches fill, JIT warms) then BENCH_CAPACITY_SECONDS against each
 * target in turn:
 *
 * - `cache-on`: the gateway with the entity cache (defaults) and coalescing, paced to the quota;
 * - `cache-off`: the same with CACHE=off (coalescing alone);
 * - `mesh`: GraphQL Mesh (JSON-schema handler on Yoga) with Yoga's response cache, shared by all clients,
 *   TTL BENCH_MESH_TTL_MS (default 15 s, the gateway's freshness bound for stock);
 * - `2-replicas`, `2-replicas-cache-off` (issue 13): two gateway processes, the clients spread over both,
 *   sharing the quota (and the cache tier) through Redis (BENCH_REDIS_URL, default the local one, a key
 *   prefix of the run's own, deleted afterwards), REPLICAS=2; `...-no-redis`: the same without Redis,
 *   each replica pacing to the whole quota.
 *
 * Reported: answered views/s (and as a multiple of the quota), upstream calls per view (sandbox stats),
 * upstream refusals (TOP code 7 in the sandbox's log), p50/p99 latency, error answers, peak RSS (summed
 * over a target's processes). Views/s and latencies depend on the machine's CPU; the
 * ratios to the quota and the calls per view do not.
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createClient } from 'redis';
import { benchGatewayEnv } from './targets/benchEnv';
import { startServer, type ServerProcess } from './harness/processes';
import { businessCalls, diffCalls, setFaults } from './harness/sandboxAdmin';

const QUOTA = Number(process.env.BENCH_QUOTA ?? 20);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 30);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 32);
const HOT_SET = Number(process.env.BENCH_HOT_SET ?? 200);
const SECONDS = Number(process.env.BENCH_CAPACITY_SECONDS ?? 20);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const ZIPF_S = Number(process.env.BENCH_ZIPF_S ?? 1);
const MESH_TTL_MS = Number(process.env.BENCH_MESH_TTL_MS ?? 15_000);
const TARGETS = (
  process.env.BENCH_TARGETS ?? 'cache-on,cache-off,mesh,2-replicas,2-replicas-no-redis,2-replicas-cache-off,2-replicas-cache-off-no-redis'
).split(',');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** This run's Redis keys (quota, cache), deleted at the end. */
const REDIS_PREFIX = `bench-capacity-${randomUUID().slice(0, 8)}`;

const GATEWAY_VIEW = `query View($id: ID!) { product(platform: TAOBAO, id: $id) { id title price { min { amount currency } } stock { available } } }`;
const MESH_VIEW = `query View($ids: String!) { taobaoItems(num_iids: $ids, fields: "num_iid,title,price,num") {
  error_response { code } miniapp_items_get_response { items { item { num_iid title price num } } } } }`;

interface Target {
  name: string;
  /** Its processes: the clients are spread over them. */
  start(sandboxUrl: string): Promise<ServerProcess[]>;
  body(id: string): string;
  /** The answer holds the product asked for, and no error. */
  answered(json: unknown, id: string): boolean;
}

interface GatewayAnswer {
  errors?: unknown[];
  data?: { product?: { id?: string } | null };
}

interface MeshAnswer {
  errors?: unknown[];
  data?: { taobaoItems?: { error_response?: unknown; miniapp_items_get_response?: { items?: { item?: Array<{ num_iid?: number }> } } } };
}

/** The gateway's global id of a Taobao product (src/platforms/globalId.ts). */
const globalIdOf = (id: string): string => Buffer.from(`Product:TAOBAO:${id}`).toString('base64url');

/** BENCH_PROFILE=1: the gateway runs with --cpu-prof into bench/results/tmp/ (git-ignored). */
const PROFILE =
  process.env.BENCH_PROFILE === '1' ? ['--cpu-prof', `--cpu-prof-dir=${new URL('./results/tmp', import.meta.url).pathname}`] : [];

/** `replicas` gateway processes; with `redis`, sharing the quota and the cache tier through it. */
const gatewayTarget = (name: string, cache: 'on' | 'off', replicas = 1, redis = false): Target => ({
  name,
  start: (sandboxUrl) =>
    Promise.all(
      Array.from({ length: replicas }, (_, i) =>
        startServer(
          replicas > 1 ? `${name}#${i}` : name,
          'targets/gateway.ts',
          {
            ...benchGatewayEnv(sandboxUrl),
            TAOBAO_RATE_LIMIT: `${QUOTA}/1s`,
            CACHE: cache,
            REPLICAS: String(replicas),
            ...(redis ? { REDIS_URL, REDIS_KEY_PREFIX: REDIS_PREFIX } : {}),
          },
          PROFILE,
        ),
      ),
    ),
  body: (id) => JSON.stringify({ query: GATEWAY_VIEW, variables: { id } }),
  answered: (json, id) => {
    const answer = json as GatewayAnswer;
    return !answer.errors && answer.data?.product?.id === globalIdOf(id);
  },
});

const TARGET_DEFS: Record<string, Target> = {
  'cache-on': gatewayTarget('cache-on', 'on'),
  'cache-off': gatewayTarget('cache-off', 'off'),
  '2-replicas': gatewayTarget('2-replicas', 'on', 2, true),
  '2-replicas-no-redis': gatewayTarget('2-replicas-no-redis', 'on', 2),
  '2-replicas-cache-off': gatewayTarget('2-replicas-cache-off', 'off', 2, true),
  '2-replicas-cache-off-no-redis': gatewayTarget('2-replicas-cache-off-no-redis', 'off', 2),
  mesh: {
    name: 'mesh',
    start: async (sandboxUrl) => [
      await startServer('mesh', 'mesh/server.ts', { BENCH_SANDBOX_URL: sandboxUrl, BENCH_MESH_RESPONSE_CACHE_TTL_MS: String(MESH_TTL_MS) }),
    ],
    body: (id) => JSON.stringify({ query: MESH_VIEW, variables: { ids: id } }),
    answered: (json, id) => {
      const items = (json as MeshAnswer).data?.taobaoItems;
      return (
        !(json as MeshAnswer).errors &&
        !items?.error_response &&
        String(items?.miniapp_items_get_response?.items?.item?.[0]?.num_iid) === id
      );
    },
  },
};

/** A sampler of ranks 0..n-1 with P(k) proportional to 1 / (k+1)^s. */
function zipf(n: number, s: number): () => number {
  const weights = Array.from({ length: n }, (_, k) => 1 / (k + 1) ** s);
  const total = weights.reduce((a, b) => a + b, 0);
  const cdf: number[] = [];
  let acc = 0;
  for (const w of weights) cdf.push((acc += w / total));
  return () => {
    const u = Math.random();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

interface RunResult {
  target: string;
  views: number;
  errors: number;
  seconds: number;
  calls: number;
  /** Calls the sandbox refused with TOP code 7 (over the quota). */
  refusals: number;
  latencies: number[];
  peakRssMb: number;
}

async function run(target: Target, sandboxUrl: string, ids: string[]): Promise<RunResult> {
  await fetch(`${sandboxUrl}/__sandbox/reset`, { method: 'POST' });
  const servers = await target.start(sandboxUrl);
  try {
    const pick = zipf(ids.length, ZIPF_S);
    const latencies: number[] = [];
    let views = 0;
    let errors = 0;
    let measuring = false;
    let endAt = Number.POSITIVE_INFINITY;
    const client = async (_: unknown, n: number): Promise<void> => {
      const server = servers[n % servers.length]!;
      while (performance.now() < endAt) {
        const id = ids[pick()]!;
        const t0 = performance.now();
        try {
          const res = await fetch(`${server.url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: target.body(id),
          });
          const json: unknown = await res.json();
          const ok = res.ok && target.answered(json, id);
          if (measuring && ok) views++;
          else if (measuring) errors++;
        } catch {
          if (measuring) errors++;
        }
        if (measuring) latencies.push(performance.now() - t0);
      }
    };
    // The clients keep running from warm-up into the measured phase: the load never drops in between.
    const clients = Promise.all(Array.from({ length: CLIENTS }, client));
    await new Promise((resolve) => setTimeout(resolve, WARMUP_SECONDS * 1000));
    await Promise.all(servers.map((server) => server.probe({ resetPeak: true })));
    const before = await businessCalls(sandboxUrl);
    const lastSeqBefore = (await taobaoLog(sandboxUrl)).at(-1)?.seq ?? 0;
    const started = performance.now();
    measuring = true;
    endAt = started + SECONDS * 1000;
    await clients;
    const seconds = (performance.now() - started) / 1000;
    const calls = Object.values(diffCalls(before, await businessCalls(sandboxUrl))).reduce((a, b) => a + b, 0);
    const refusals = (await taobaoLog(sandboxUrl)).filter((r) => r.seq > lastSeqBefore && r.outcome === 'error:7').length;
    const peakRssBytes = (await Promise.all(servers.map((server) => server.probe()))).reduce((sum, p) => sum + p.peakRssBytes, 0);
    return { target: target.name, views, errors, seconds, calls, refusals, latencies, peakRssMb: peakRssBytes / 2 ** 20 };
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
  }
}

/** The sandbox's log of Taobao calls (its last 10,000: more than a run makes at the quota). */
async function taobaoLog(sandboxUrl: string): Promise<Array<{ seq: number; outcome: string }>> {
  const res = await fetch(`${sandboxUrl}/__sandbox/requests?platform=taobao&limit=10000`);
  return ((await res.json()) as { requests: Array<{ seq: number; outcome: string }> }).requests;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN;
}

function report(results: RunResult[], load: string): void {
  console.log(
    `\nQuota ${QUOTA} Taobao calls/s, upstream latency ${LATENCY_MS} ms, ${CLIENTS} closed-loop clients, Zipf s=${ZIPF_S} over ${HOT_SET} products, ${WARMUP_SECONDS} s warm-up then ${SECONDS} s measured per target; ${load}\n`,
  );
  console.log('| target | views/s | x quota | calls/view | upstream refusals | p50 ms | p99 ms | error answers | peak RSS MB |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    const rate = r.views / r.seconds;
    console.log(
      `| ${r.target} | ${rate.toFixed(0)} | ${(rate / QUOTA).toFixed(1)}x | ${(r.calls / Math.max(1, r.views)).toFixed(4)} | ${r.refusals} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${r.errors} | ${r.peakRssMb.toFixed(0)} |`,
    );
  }
}

async function main(): Promise<void> {
  const sandbox = await startServer('sandbox', 'targets/sandbox.ts', { BENCH_CATALOG_SIZE: process.env.BENCH_CATALOG_SIZE ?? '5000' });
  try {
    const ids = (sandbox.ready.ids as { taobao: string[] }).taobao.slice(0, HOT_SET);
    const limits = await fetch(`${sandbox.url}/__sandbox/rate-limits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ taobao: { limit: QUOTA, windowMs: 1000 } }),
    });
    if (!limits.ok) throw new Error(`sandbox refused the quota: HTTP ${limits.status}`);
    await setFaults(sandbox.url, [{ platform: 'taobao', operation: 'taobao.miniapp.items.get', kind: 'latency', latencyMs: LATENCY_MS }]);
    const results: RunResult[] = [];
    for (const name of TARGETS) {
      const target = TARGET_DEFS[name];
      if (!target) throw new Error(`unknown target ${name}; known: ${Object.keys(TARGET_DEFS).join(', ')}`);
      results.push(await run(target, sandbox.url, ids));
    }
    report(results, `load average at the start ${loadAtStart}, at the end ${loadAverage()} (${cpus().length} shared cores)`);
  } finally {
    await sandbox.stop();
    if (TARGETS.some((name) => name.startsWith('2-replicas') && !name.endsWith('no-redis'))) await deleteRedisKeys();
  }
}

const loadAverage = (): string =>
  loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
const loadAtStart = loadAverage();

async function deleteRedisKeys(): Promise<void> {
  const redis = createClient({ url: REDIS_URL });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${REDIS_PREFIX}:*`, COUNT: 500 })) if (keys.length) await redis.del(keys);
  await redis.close();
}

await main();
