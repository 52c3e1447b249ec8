/**
 * `npx tsx bench/missPathGateway.ts`: the cache-miss path end to end (issue 10's "no slower than
 * today"). The gateways below run side by side over one sandbox (`targets/missSandbox.ts`, 120,000
 * Taobao products) and are sent the documents of `npm run bench`'s S1 (one product, 5 scalar fields)
 * and S2 (50 products with SKUs and prices), every request with ids that gateway was never asked
 * before, so the entity cache of `cache-on` misses on every id (checked on every answer:
 * `extensions.cache` must report misses only):
 *
 * - `cache-on`: this tree's gateway, entity cache on (memory tier, defaults);
 * - `cache-off`: this tree's gateway, `CACHE=off` (coalescing across requests alone);
 * - `pre10`: the gateway before issue 10 (commit 3fabe95), from a worktree of it
 *   (`BENCH_PRE10_DIR`, default ../pre10 beside this worktree; `git worktree add <dir> 3fabe95 && cd <dir> && npm ci`).
 *   Left out when the directory has no bench/targets/gateway.ts.
 * - `<label>@<dir>:<on|off>`: the gateway of another checkout (e.g. the branch point, for before/after).
 *
 * `BENCH_MISS_HOT=<n>` measures the hit path instead: every request asks a random 50 (or 1) of the
 * first n ids, which each gateway was sent twice before the warm-up (a full tier admits a key on its
 * second miss), with the freshness bounds raised
 * to 10 minutes; the documents differ (their ids), so the answer cache replays none and every lookup
 * is an entity-cache hit (checked on cache-on answers). The other targets then fetch upstream.
 *
 * First each gateway is sent `BENCH_MISS_FILL` never-seen ids in S2 requests (default 40,000: more than
 * the default 64 MB memory tier holds, so cache-on runs with its tier full, as a gateway that has been
 * up a while does; 0 measures a cache still filling). Not measured.
 * Each run is `BENCH_MISS_CONNECTIONS` (16) closed-loop keep-alive clients sending a fixed number of
 * requests (`BENCH_MISS_S1_REQUESTS` 2000, `BENCH_MISS_S2_REQUESTS` 300), after a warm-up of half a run
 * per target and scenario (the JIT is still settling well after the first thousand requests); rounds
 * (`BENCH_MISS_ROUNDS`, 5) alternate the targets' order (A B C, C B A, ...). Reported per target: requests per second (wall
 * clock), gateway CPU µs per request (`process.cpuUsage()` of the gateway process over the run, read
 * through the bench's IPC probe), upstream calls per request (sandbox stats), and the load average.
 * Medians over the rounds; the ratios of one run are what to compare on a shared machine.
 * `BENCH_MISS_PROFILE=<target>,...` runs those gateways with `--cpu-prof` into bench/results/tmp/ (git-ignored).
 * Two settings of one tree side by side: `BENCH_MISS_TARGETS="cache-off,other@.:off"` with
 * `BENCH_MISS_ENV="other=BENCH_HEAP_BOUND=off"` (environment per target) or `BENCH_MISS_NODE_ARGS="other=--max-semi-space-size=8"`
 * (start-up Node options per target). Each run also reports the gateway's peak RSS during it.
 */
import http from 'node:http';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, type ServerProcess } from './harness/processes';
import { businessCalls, diffCalls } from './harness/sandboxAdmin';
import { SCENARIOS } from './harness/scenarios';
import { benchGatewayEnv } from './targets/benchEnv';

const here = dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = Number(process.env.BENCH_MISS_CONNECTIONS ?? 16);
const ROUNDS = Number(process.env.BENCH_MISS_ROUNDS ?? 5);
const REQUESTS: Record<string, number> = {
  S1: Number(process.env.BENCH_MISS_S1_REQUESTS ?? 2000),
  S2: Number(process.env.BENCH_MISS_S2_REQUESTS ?? 300),
};
const SCENARIO_NAMES = (process.env.BENCH_MISS_SCENARIOS ?? 'S1,S2').split(',');
const FILL_IDS = Number(process.env.BENCH_MISS_FILL ?? 40_000);
const HOT = Number(process.env.BENCH_MISS_HOT ?? 0);
const HOT_FRESHNESS: Record<string, string> =
  HOT > 0 ? { CACHE_FRESH_STOCK_MS: '600000', CACHE_FRESH_PRICE_MS: '600000', CACHE_FRESH_STATUS_MS: '600000' } : {};
const PRE10_DIR = resolve(process.env.BENCH_PRE10_DIR ?? resolve(here, '../../pre10'));
const TARGET_NAMES = (process.env.BENCH_MISS_TARGETS ?? 'cache-on,cache-off,pre10').split(',');
const PROFILED = (process.env.BENCH_MISS_PROFILE ?? '').split(',');
const PROFILE_ARGS = ['--cpu-prof', `--cpu-prof-dir=${resolve(here, 'results/tmp')}`];
/** `BENCH_MISS_NODE_ARGS="<target>=<node options>;..."`: V8 flags for one target that only apply at start (e.g. `--max-semi-space-size`). */
const NODE_ARGS = perTarget(process.env.BENCH_MISS_NODE_ARGS);
/** `BENCH_MISS_ENV="<target>=NAME=value NAME=value;..."`: environment for one target (two settings side by side). */
const TARGET_ENV = new Map(
  [...perTarget(process.env.BENCH_MISS_ENV)].map(([name, pairs]) => [name, Object.fromEntries(pairs.map(splitPair))]),
);

function perTarget(spec = ''): Map<string, string[]> {
  return new Map(
    spec
      .split(';')
      .filter(Boolean)
      .map((entry) => {
        const [name, rest] = splitPair(entry);
        return [name, rest.split(' ').filter(Boolean)];
      }),
  );
}

function splitPair(text: string): [string, string] {
  const at = text.indexOf('=');
  if (at < 1) throw new Error(`expected name=value, got "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

interface Target {
  name: string;
  server: ServerProcess;
  /** Next unused position in the id list: ids are never repeated to one gateway. */
  cursor: number;
  reportsCache: boolean;
}

interface Run {
  target: string;
  scenario: string;
  round: number;
  requests: number;
  seconds: number;
  reqPerSec: number;
  cpuMicrosPerRequest: number;
  callsPerRequest: number;
  loadAverage: number;
  /** The gateway's V8 heap in use at the end of the run. */
  heapUsedMB: number;
  /** The gateway's peak RSS during the run (the probe's peak is reset as the run starts), MB. */
  peakRssMB: number;
}

const ids: string[] = [];

async function startTargets(sandboxUrl: string): Promise<Target[]> {
  const env = benchGatewayEnv(sandboxUrl);
  const targets: Target[] = [];
  for (const spec of TARGET_NAMES) {
    const other = /^(.+)@(.+):(on|off)$/.exec(spec);
    const name = other ? other[1]! : spec;
    const dir = other ? resolve(other[2]!) : spec === 'pre10' ? PRE10_DIR : resolve(here, '..');
    const cache = other ? other[3]! : spec === 'cache-on' ? 'on' : 'off';
    const entry = resolve(dir, 'bench/targets/gateway.ts');
    if (!existsSync(entry)) {
      console.warn(`${name}: ${entry} not found, left out`);
      continue;
    }
    const nodeArgs = [...(PROFILED.includes(name) ? PROFILE_ARGS : []), ...(NODE_ARGS.get(name) ?? [])];
    const server = await startServer(
      name,
      relative(here, entry),
      { ...env, ...HOT_FRESHNESS, CACHE: cache, ...TARGET_ENV.get(name) },
      nodeArgs,
    );
    // The gateway before issue 10 has no cache and reports none.
    targets.push({ name, server, cursor: HOT, reportsCache: cache === 'on' && name !== 'pre10' });
  }
  return targets;
}

function post(agent: http.Agent, url: string, body: string): Promise<string> {
  return new Promise((done, fail) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        res.statusCode === 200 ? done(Buffer.concat(chunks).toString('utf8')) : fail(new Error(`HTTP ${res.statusCode}`)),
      );
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(body);
  });
}

interface Answer {
  errors?: unknown[];
  data?: { product?: unknown; products?: unknown[] };
  extensions?: { cache?: { hits: number; misses: number } };
}

/** Fails loudly on an answer with errors, a missing product, or (cache-on) any cache hit (any miss when `hot`). */
function check(target: Target, body: string, perRequest: number, hot: boolean): void {
  const answer = JSON.parse(body) as Answer;
  const products = answer.data?.products ?? [answer.data?.product];
  if (answer.errors || products.length !== perRequest || products.some((p) => p == null))
    throw new Error(`${target.name}: bad answer ${body.slice(0, 400)}`);
  const cache = answer.extensions?.cache;
  const expected = hot ? { hits: perRequest, misses: 0 } : { hits: 0, misses: perRequest };
  if (target.reportsCache && (cache?.hits !== expected.hits || cache.misses !== expected.misses))
    throw new Error(`${target.name}: not all ${hot ? 'hits' : 'misses'}: extensions.cache ${JSON.stringify(cache)}`);
}

/** `count` requests of `scenario` over CONNECTIONS closed-loop clients, each with ids never sent to this target. */
async function load(target: Target, scenario: string, count: number, hot = false, checked = true): Promise<number> {
  const spec = SCENARIOS.find((s) => s.name === scenario)!;
  const perRequest = scenario === 'S1' ? 1 : 50;
  let sent = 0;
  // A fresh agent per run: sockets idle through the other targets' runs are past the servers' keep-alive timeout.
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const started = process.hrtime.bigint();
  const client = async (): Promise<void> => {
    while (sent < count) {
      sent++;
      if (target.cursor + perRequest > ids.length) throw new Error(`out of ids: raise BENCH_MISS_CATALOG_SIZE`);
      const batch = hot ? hotSample(perRequest) : ids.slice(target.cursor, (target.cursor += perRequest));
      const request = spec.request('gateway', { taobao: batch, xiaoe: [], wechatOnSale: [] });
      const body = await post(agent, target.server.url + request.path, request.body);
      if (checked) check(target, body, perRequest, hot);
    }
  };
  try {
    await Promise.all(Array.from({ length: CONNECTIONS }, client));
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    agent.destroy();
  }
}

async function measure(sandboxUrl: string, target: Target, scenario: string, round: number): Promise<Run> {
  const requests = REQUESTS[scenario]!;
  const calls = await businessCalls(sandboxUrl);
  const before = await target.server.probe({ resetPeak: true });
  const seconds = await load(target, scenario, requests, HOT > 0);
  const after = await target.server.probe();
  const upstream = Object.values(diffCalls(calls, await businessCalls(sandboxUrl))).reduce((a, b) => a + b, 0);
  return {
    target: target.name,
    scenario,
    round,
    requests,
    seconds,
    reqPerSec: requests / seconds,
    cpuMicrosPerRequest: (after.cpuMicros - before.cpuMicros) / requests,
    callsPerRequest: upstream / requests,
    loadAverage: loadavg()[0]!,
    heapUsedMB: after.heapUsedBytes / 2 ** 20,
    peakRssMB: after.peakRssBytes / 2 ** 20,
  };
}

/** `n` distinct ids of the hot set (the first HOT ids), at random. */
function hotSample(n: number): string[] {
  const picked = new Set<string>();
  while (picked.size < n) picked.add(ids[Math.floor(Math.random() * HOT)]!);
  return [...picked];
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const sandbox = await startServer('sandbox', 'targets/missSandbox.ts', {});
for (const id of sandbox.ready.taobao as string[]) ids.push(id);
const targets = await startTargets(sandbox.url);
const runs: Run[] = [];
try {
  if (FILL_IDS > 0) for (const target of targets) await load(target, 'S2', Math.ceil(FILL_IDS / 50));
  for (const scenario of SCENARIO_NAMES) {
    // The hot set in this scenario's document, twice (a full tier admits a key on its second miss).
    for (let pass = 0; HOT > 0 && pass < 2; pass++) {
      for (const target of targets) {
        const cursor = target.cursor;
        target.cursor = 0;
        await load(target, scenario, Math.ceil(HOT / (scenario === 'S1' ? 1 : 50)), false, false);
        target.cursor = cursor;
      }
    }
    // Warm-up (JIT, connections, token caches), not measured.
    for (const target of targets) await load(target, scenario, Math.ceil(REQUESTS[scenario]! / 2), HOT > 0);
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        const run = await measure(sandbox.url, target, scenario, round);
        runs.push(run);
        console.log(
          `${scenario} round ${round} ${run.target.padEnd(9)} ${run.reqPerSec.toFixed(0).padStart(6)} req/s ${run.cpuMicrosPerRequest.toFixed(0).padStart(6)} µs CPU/req ${run.callsPerRequest.toFixed(2)} calls/req, heap ${run.heapUsedMB.toFixed(0)} MB, peak RSS ${run.peakRssMB.toFixed(0)} MB (load ${run.loadAverage.toFixed(1)})`,
        );
      }
    }
  }
} finally {
  await Promise.all([...targets.map((t) => t.server.stop()), sandbox.stop()]);
}

console.log(`\nmedians over ${ROUNDS} rounds, ${CONNECTIONS} connections, Node ${process.version}:`);
console.log('| scenario | target | req/s | CPU µs/req | vs pre10 | vs cache-off | calls/req | peak RSS MB (highest run) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const scenario of SCENARIO_NAMES) {
  const of = (name: string) => runs.filter((r) => r.scenario === scenario && r.target === name);
  const cpu = (name: string) => (of(name).length ? median(of(name).map((r) => r.cpuMicrosPerRequest)) : NaN);
  for (const target of targets) {
    const mine = of(target.name);
    const ratio = (other: string) => (Number.isNaN(cpu(other)) ? '-' : `${(cpu(target.name) / cpu(other)).toFixed(2)}x`);
    console.log(
      `| ${scenario} | ${target.name} | ${median(mine.map((r) => r.reqPerSec)).toFixed(0)} | ${cpu(target.name).toFixed(0)} | ${ratio('pre10')} | ${ratio('cache-off')} | ${median(mine.map((r) => r.callsPerRequest)).toFixed(2)} | ${Math.max(...mine.map((r) => r.peakRssMB)).toFixed(0)} |`,
    );
  }
}
const loads = runs.map((r) => r.loadAverage);
console.log(`load average (1 min) during the runs: ${Math.min(...loads).toFixed(1)}-${Math.max(...loads).toFixed(1)}`);
