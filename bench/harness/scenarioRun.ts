/**
 * Runs one scenario in one mode over every started target, interleaved: checks and upstream call
 * counts, warm-up, saturation rounds in alternating order (A B C, C B A, ...), then a fixed rate of
 * half the slowest target's saturation rate, then one connection (and the direct upstream call for S1).
 */
import { checkAnswer, callsPerRequest, measureRun, type RunRecord } from './measure';
import { runAutocannon, runSequential, runSequentialWith, sendOnce, type LoadResult } from './load';
import type { ServerProcess } from './processes';
import type { BenchIds, Scenario, TargetName } from './scenarios';
import type { BenchSettings } from './settings';
import { directTopRequest } from './directUpstream';
import { TOP_FIELD_S1, meshListingAsClient } from './scenarios';

export interface TargetSummary {
  reqPerSec: number;
  cpuMicrosPerRequest: number;
  fixedRateP50Ms: number;
  fixedRateP99Ms: number;
  oneConnectionP50Ms: number;
  oneConnectionP99Ms: number;
  /** Highest RSS sampled during the saturation runs (each run resets the peak first). */
  peakRssMB: number;
  voidRuns: number;
}

export interface TargetResult {
  callsPerRequest: Record<string, number>;
  runs: RunRecord[];
  summary: TargetSummary;
}

export interface ScenarioResult {
  mode: 'A' | 'B';
  scenario: string;
  description: string;
  minimumCalls: Record<string, number>;
  fixedRate: number;
  targets: Partial<Record<TargetName, TargetResult | { skipped: string }>>;
  /** S1 only: the upstream call made directly, one connection. */
  directUpstream?: LoadResult;
  /** S4 only: Mesh as a client must ask it without the page's ids in advance (two round trips), one connection. */
  meshAsClient?: LoadResult;
}

export async function runScenario(
  scenario: Scenario,
  mode: 'A' | 'B',
  servers: Map<TargetName, ServerProcess>,
  sandbox: ServerProcess,
  ids: BenchIds,
  settings: BenchSettings,
): Promise<ScenarioResult> {
  const result: ScenarioResult = {
    mode,
    scenario: scenario.name,
    description: scenario.description,
    minimumCalls: scenario.minimumCalls,
    fixedRate: 0,
    targets: {},
  };
  const live: Array<[TargetName, ServerProcess]> = [];
  const runs = new Map<TargetName, RunRecord[]>();
  for (const [name, server] of servers) {
    try {
      await checkAnswer(name, server.url, scenario.request(name, ids));
    } catch (err) {
      result.targets[name] = { skipped: err instanceof Error ? err.message : String(err) };
      continue;
    }
    result.targets[name] = { callsPerRequest: {}, runs: [], summary: undefined! };
    live.push([name, server]);
    runs.set(name, []);
  }
  // Counted before any load, so no request abandoned by an earlier run adds upstream calls; a cached
  // scenario's once the caches hold the hot set (below).
  const count = async (): Promise<void> => {
    for (const [name, server] of live) {
      (result.targets[name] as TargetResult).callsPerRequest = await callsPerRequest(sandbox.url, server.url, scenario.request(name, ids));
    }
  };
  if (!scenario.cached) await count();
  const connections = scenario.connections?.[mode] ?? settings.connections[mode];
  const seconds = Math.max(settings.seconds, scenario.minimumSeconds ?? 0);
  for (const [name, server] of live) {
    await runAutocannon(server.url, scenario.request(name, ids), { seconds: Math.max(settings.warmupSeconds, seconds), connections });
  }
  if (scenario.cached) {
    // One sequential pass over the hot set (what the warm-up did not reach), then a pause for requests
    // abandoned at the end of the warm-up, whose upstream calls would otherwise land in the count.
    for (const [name, server] of live) {
      const request = scenario.request(name, ids);
      for (let i = 0; i < (request.bodies?.length ?? 1); i++) await sendOnce(server.url, request, i);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    await count();
  }
  const timed = async (order: Array<[TargetName, ServerProcess]>, kind: RunRecord['kind'], round: number, rate?: number): Promise<void> => {
    for (const [name, server] of order) {
      const load = { seconds, connections, ...(rate ? { rate } : {}) };
      const record = await measureRun(server, scenario.request(name, ids), kind, round, load);
      runs.get(name)!.push(record);
      log(mode, scenario.name, name, record, settings.memoryDetail);
    }
  };
  for (let round = 0; round < settings.rounds; round++) await timed(round % 2 ? [...live].reverse() : live, 'saturation', round);
  const saturation = live.map(([name]) => mean(valid(runs.get(name)!, 'saturation').map((r) => r.reqPerSec)));
  // Every saturation run void: no rate to halve; 1/s still yields latencies (the summary shows the voids).
  const slowest = Math.min(...saturation);
  result.fixedRate = Number.isFinite(slowest) ? Math.max(1, Math.floor(slowest / 2)) : 1;
  await timed([...live].reverse(), 'fixed-rate', 0, result.fixedRate);
  await timed(live, 'one-connection', 0);
  if (scenario.name === 'S1') {
    result.directUpstream = await runSequential(sandbox.url, directTopRequest(ids.taobao.slice(0, 1), TOP_FIELD_S1), settings.seconds);
  }
  const mesh = live.find(([name]) => name === 'mesh')?.[1];
  if (scenario.name === 'S4' && mesh) {
    result.meshAsClient = await runSequentialWith(() => meshListingAsClient((request) => sendOnce(mesh.url, request)), seconds);
  }
  for (const [name] of live) {
    const target = result.targets[name] as TargetResult;
    target.runs = runs.get(name)!;
    target.summary = summarize(target.runs);
  }
  return result;
}

function summarize(runs: RunRecord[]): TargetSummary {
  const sat = valid(runs, 'saturation');
  const fixed = valid(runs, 'fixed-rate');
  const one = valid(runs, 'one-connection');
  return {
    reqPerSec: mean(sat.map((r) => r.reqPerSec)),
    // CPU per request at saturation and at the fixed rate alike: weighted by requests.
    cpuMicrosPerRequest: weighted([...sat, ...fixed]),
    fixedRateP50Ms: mean(fixed.map((r) => r.p50Ms)),
    fixedRateP99Ms: mean(fixed.map((r) => r.p99Ms)),
    oneConnectionP50Ms: mean(one.map((r) => r.p50Ms)),
    oneConnectionP99Ms: mean(one.map((r) => r.p99Ms)),
    peakRssMB: Math.max(...runs.filter((r) => r.kind === 'saturation').map((r) => r.peakRssMB)),
    voidRuns: runs.filter((r) => r.void).length,
  };
}

const valid = (runs: RunRecord[], kind: RunRecord['kind']): RunRecord[] => runs.filter((r) => r.kind === kind && !r.void);
const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN);

function weighted(runs: RunRecord[]): number {
  const requests = runs.reduce((n, r) => n + r.requests, 0);
  return requests ? runs.reduce((sum, r) => sum + r.cpuMicrosPerRequest * r.requests, 0) / requests : NaN;
}

function log(mode: string, scenario: string, target: string, r: RunRecord, memoryDetail: boolean): void {
  const rate = r.rate ? ` @${r.rate}/s` : '';
  console.log(
    `  [${mode} ${scenario}] ${target.padEnd(8)} ${r.kind}${rate} #${r.round}: ${r.reqPerSec.toFixed(0)} req/s, ` +
      `p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, ${r.cpuMicrosPerRequest.toFixed(0)} µs CPU/req, ` +
      `peak RSS ${r.peakRssMB.toFixed(0)} MB${r.void ? `  VOID (non-2xx ${r.non2xx}, bad ${r.bad})` : ''}`,
  );
  if (memoryDetail) {
    const g = r.gc;
    console.log(`    at peak, MB: ${formatBreakdown(r.atPeak)}`);
    console.log(
      `    GC pauses: minor ${g.minorPer1k.toFixed(1)}/1000 req, ${g.minorMicros.toFixed(0)} µs/req; ` +
        `major ${g.majorPer1k.toFixed(1)}/1000 req, ${g.majorMicros.toFixed(0)} µs/req; incremental/weak ${g.otherMicros.toFixed(0)} µs/req`,
    );
  }
}

function formatBreakdown(m: RunRecord['atPeak']): string {
  const spaces = Object.entries(m.spaces)
    .filter(([, mb]) => mb >= 0.5)
    .map(([name, mb]) => `${name} ${mb.toFixed(0)}`)
    .join(', ');
  const f = (mb: number): string => mb.toFixed(0);
  return `rss ${f(m.rss)}, heap total ${f(m.heapTotal)} (used ${f(m.heapUsed)}; ${spaces}), external ${f(m.external)} (array buffers ${f(m.arrayBuffers)})`;
}
