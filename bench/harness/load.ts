/**
 * Load runs against one target: autocannon (programmatic, in the harness process; the servers are
 * other processes) at saturation or at a fixed rate, and a sequential one-connection client timed with
 * hrtime, because autocannon's histogram keeps whole milliseconds and the 1-connection latencies are
 * a fraction of one.
 */
import http from 'node:http';
import autocannon from 'autocannon';
import { answerIsClean, bodyAt, type ScenarioRequest } from './scenarios';

export interface LoadResult {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Answers that failed answerIsClean, connection errors and timeouts. */
  bad: number;
}

export interface LoadOptions {
  seconds: number;
  connections: number;
  /** Requests per second over all connections; saturation when absent. */
  rate?: number;
}

export async function runAutocannon(url: string, request: ScenarioRequest, options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: url + request.path,
    method: 'POST',
    headers: { 'content-type': request.contentType ?? 'application/json' },
    body: request.body,
    ...(request.bodies ? { requests: request.bodies.map((body) => ({ body })) } : {}),
    duration: options.seconds,
    connections: options.connections,
    ...(options.rate ? { overallRate: options.rate } : {}),
    verifyBody: (body) => answerIsClean(String(body ?? '')),
    timeout: 10,
  });
  const ok = result['2xx'];
  return {
    requests: ok,
    seconds: result.duration,
    reqPerSec: ok / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    bad: result.mismatches + result.errors + result.timeouts,
  };
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** One request (the `index`th of a hot set), answered body as text. */
export function sendOnce(url: string, request: ScenarioRequest, index = 0): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url + request.path,
      { method: 'POST', agent, headers: { 'content-type': request.contentType ?? 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(bodyAt(request, index));
  });
}

/** Requests one after another over one keep-alive connection, for `seconds`. */
export function runSequential(url: string, request: ScenarioRequest, seconds: number): Promise<LoadResult> {
  return runSequentialWith((index) => sendOnce(url, request, index), seconds);
}

/** `exchange` (one answer, possibly several round trips) one after another, for `seconds`. */
export async function runSequentialWith(
  exchange: (index: number) => Promise<{ status: number; body: string }>,
  seconds: number,
): Promise<LoadResult> {
  const micros: number[] = [];
  let non2xx = 0;
  let bad = 0;
  const started = process.hrtime.bigint();
  const end = started + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < end) {
    const t0 = process.hrtime.bigint();
    const { status, body } = await exchange(micros.length);
    micros.push(Number(process.hrtime.bigint() - t0) / 1000);
    if (status < 200 || status > 299) non2xx++;
    else if (!answerIsClean(body)) bad++;
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  micros.sort((a, b) => a - b);
  return {
    requests: micros.length,
    seconds: elapsed,
    reqPerSec: micros.length / elapsed,
    p50Ms: percentile(micros, 0.5) / 1000,
    p99Ms: percentile(micros, 0.99) / 1000,
    non2xx,
    bad,
  };
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
