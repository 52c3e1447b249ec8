/**
 * SIGTERM as a deployment sends it, to the process `npm start` runs (tsx src/index.ts): a request in
 * flight (held by a sandbox latency fault) is answered, new connections are refused, the process
 * exits 0; a request that outlasts SHUTDOWN_TIMEOUT_MS has its connection cut, and the process still
 * exits 0, before the hard-exit timer (SHUTDOWN_TIMEOUT_MS + 5 s, exit code 1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/replicas';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Resolves with the first stdout line containing `text` (lines are JSON log lines). */
function waitForLine(child: ChildProcess, output: string[], text: string, timeoutMs = 30_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms; output:\n${output.join('')}`)), timeoutMs);
    const check = (): void => {
      const line = output
        .join('')
        .split('\n')
        .find((l) => l.includes(text));
      if (line) {
        clearTimeout(timer);
        child.stdout?.off('data', check);
        resolve(line);
      }
    };
    child.stdout?.on('data', check);
    check();
  });
}

let child: ChildProcess | undefined;

interface Started {
  port: number;
  sandbox: string;
  output: string[];
  exited: Promise<number | null>;
}

/** `npm start`'s process with its embedded sandbox, once it logged that it started. */
async function startGateway(shutdownTimeoutMs: number): Promise<Started> {
  const [port, sandboxPort] = [await freePort(), await freePort()];
  const output: string[] = [];
  const started = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['src/index.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      SANDBOX_PORT: String(sandboxPort),
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      SHUTDOWN_TIMEOUT_MS: String(shutdownTimeoutMs),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  started.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  started.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
  await waitForLine(started, output, 'catalog-gateway started');
  return { port, sandbox: `http://127.0.0.1:${sandboxPort}/__sandbox`, output, exited };
}

/** Starts a Taobao product query held `latencyMs` in the sandbox; resolves once the upstream call is pending. */
async function queryHeldUpstream({ port, sandbox }: Started, latencyMs: number): Promise<{ inFlight: Promise<Response> }> {
  const faults = [{ platform: 'taobao', kind: 'latency', latencyMs }];
  await fetch(`${sandbox}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
  const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ product(platform: TAOBAO, id: "1489161932") { title } }' }),
  });
  inFlight.catch(() => {}); // awaited by the test; a cut connection must not count as unhandled first
  for (let pending = false; !pending; await new Promise((r) => setTimeout(r, 50))) {
    const { requests } = (await (await fetch(`${sandbox}/requests?platform=taobao&limit=5`)).json()) as {
      requests: Array<{ status: number }>;
    };
    pending = requests.some((r) => r.status === 0); // not answered yet
  }
  return { inFlight };
}

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('graceful shutdown', () => {
  it('answers the request in flight, refuses new connections, closes and exits 0 on SIGTERM', { timeout: 60_000 }, async () => {
    const started = await startGateway(15_000);
    // SIGTERM only once the upstream call is held in the sandbox: the request is really in flight.
    const { inFlight } = await queryHeldUpstream(started, 1500);
    child!.kill('SIGTERM');
    await waitForLine(child!, started.output, 'shutting down');

    await expect(fetch(`http://127.0.0.1:${started.port}/healthz`)).rejects.toThrow();
    const response = await inFlight;
    expect(response.status).toBe(200);
    // (The answer also carries `extensions.cache` and `extensions.cost`: the entity cache is on by default.)
    expect((await response.json()).data).toEqual({ product: { title: 'Google test item' } });
    expect(await started.exited).toBe(0);
    expect(started.output.join('')).toContain('catalog-gateway stopped');
  });

  it('cuts a request that outlasts SHUTDOWN_TIMEOUT_MS and still exits 0, before the hard-exit timer', { timeout: 60_000 }, async () => {
    const started = await startGateway(300);
    const { inFlight } = await queryHeldUpstream(started, 8_000);
    const signalled = performance.now();
    child!.kill('SIGTERM');
    await expect(inFlight).rejects.toThrow(); // its connection is closed after 300 ms, without an answer
    expect(await started.exited).toBe(0);
    // The hard-exit timer would fire at 300 + 5000 ms with exit code 1; the held upstream call lasts 8 s.
    expect(performance.now() - signalled).toBeLessThan(5_000);
    expect(started.output.join('')).toContain('catalog-gateway stopped');
  });
});
