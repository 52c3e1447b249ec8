/**
 * One measurement of one target on one scenario: a checked first answer, exact upstream calls per
 * request, and load runs bracketed by probe readings (server CPU per request, peak RSS). A run with
 * any non-2xx or unclean answer is void: it is kept in the results, marked, and left out of averages.
 */
import { runAutocannon, runSequential, sendOnce, type LoadOptions, type LoadResult } from './load';
import type { GcTotals, MemoryBreakdown } from './probe';
import type { ServerProcess } from './processes';
import { businessCalls, diffCalls } from './sandboxAdmin';
import { countProducts, type ScenarioRequest } from './scenarios';

export interface RunRecord extends LoadResult {
  kind: 'saturation' | 'fixed-rate' | 'one-connection';
  round: number;
  connections: number;
  rate?: number;
  /** Server CPU (user + system) per answered request, microseconds. */
  cpuMicrosPerRequest: number;
  peakRssMB: number;
  /** Where the RSS went at the peak (BENCH_MEMORY_DETAIL=1 prints it with each run). */
  atPeak: MemoryBreakdown;
  /** Main-thread GC pauses during the run, per request (count per 1000 requests, µs per request). */
  gc: { minorPer1k: number; majorPer1k: number; minorMicros: number; majorMicros: number; otherMicros: number };
  void: boolean;
}

/** Sends the request once and fails loudly unless it answers 200, clean, with every product. */
export async function checkAnswer(target: string, url: string, request: ScenarioRequest): Promise<void> {
  const { status, body } = await sendOnce(url, request);
  const answer = JSON.parse(body) as { errors?: unknown[] };
  const products = countProducts(answer);
  if (status !== 200 || answer.errors || products !== request.expectedProducts) {
    throw new Error(`${target}: HTTP ${status}, ${products}/${request.expectedProducts} products: ${body.slice(0, 600)}`);
  }
}

/** Upstream business calls per request, over `count` sequential requests (exact: nothing else runs). */
export async function callsPerRequest(
  sandboxUrl: string,
  url: string,
  request: ScenarioRequest,
  count = 10,
): Promise<Record<string, number>> {
  const before = await businessCalls(sandboxUrl);
  for (let i = 0; i < count; i++) await sendOnce(url, request, i);
  const delta = diffCalls(before, await businessCalls(sandboxUrl));
  return Object.fromEntries(Object.entries(delta).map(([key, n]) => [key, n / count]));
}

export async function measureRun(
  server: ServerProcess,
  request: ScenarioRequest,
  kind: RunRecord['kind'],
  round: number,
  load: LoadOptions,
): Promise<RunRecord> {
  const before = await server.probe({ resetPeak: true });
  const result =
    kind === 'one-connection' ? await runSequential(server.url, request, load.seconds) : await runAutocannon(server.url, request, load);
  // Let requests abandoned at the end of an autocannon run finish before the CPU reading.
  await new Promise((resolve) => setTimeout(resolve, 150));
  const after = await server.probe();
  return {
    kind,
    round,
    connections: kind === 'one-connection' ? 1 : load.connections,
    ...(load.rate ? { rate: load.rate } : {}),
    ...result,
    cpuMicrosPerRequest: result.requests > 0 ? (after.cpuMicros - before.cpuMicros) / result.requests : NaN,
    peakRssMB: after.peakRssBytes / 2 ** 20,
    atPeak: after.atPeak,
    gc: gcPerRequest(before.gc, after.gc, result.requests),
    void: result.non2xx > 0 || result.bad > 0 || result.requests === 0,
  };
}

function gcPerRequest(before: GcTotals, after: GcTotals, requests: number): RunRecord['gc'] {
  const n = Math.max(1, requests);
  return {
    minorPer1k: ((after.minorCount - before.minorCount) * 1000) / n,
    majorPer1k: ((after.majorCount - before.majorCount) * 1000) / n,
    minorMicros: ((after.minorMillis - before.minorMillis) * 1000) / n,
    majorMicros: ((after.majorMillis - before.majorMillis) * 1000) / n,
    otherMicros: ((after.otherMillis - before.otherMillis) * 1000) / n,
  };
}
