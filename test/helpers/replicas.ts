/**
 * Several gateway processes in front of one sandbox process, as a deployment runs them (issue 13): the
 * sandbox alone (`src/sandbox/main.ts`) and N gateways (`src/index.ts`, SANDBOX=off, every platform
 * pointed at that sandbox with its credentials), each on a free port with its own extra settings. Also a
 * private redis-server for tests that kill Redis (the shared one at 127.0.0.1:6379 is never stopped).
 *
 * Every process is started in its own process group and killed with it; a process-exit hook kills what
 * a failed test left, so no test leaves a process behind. Tests still call `close()` in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { FaultRule, RateLimit, SandboxPlatformName } from '../../src/sandbox/types';
import { externalSandboxEnv } from '../../scripts/externalSandboxEnv';
import type { GraphQLResponse, LoggedRequest } from './stack';

const ROOT = path.resolve(import.meta.dirname, '../..');
const STARTUP_MS = 60_000;
const STOP_MS = 10_000;

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Every child this test process started and has not seen exit: killed (with its group) on exit. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** A started process: its output so far (stdout and stderr), its exit, and a stop that waits for it. */
export interface ManagedProcess {
  readonly output: string[];
  readonly exited: Promise<number | null>;
  /** SIGTERM (or `signal`), then SIGKILL after 10 s; resolves once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Resolves once a line of output contains `text` (also one already printed). */
  waitFor(text: string, timeoutMs?: number): Promise<string>;
}

function startProcess(command: string, args: string[], env: Record<string, string>): ManagedProcess {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a stop reaches anything it spawned.
    detached: true,
  });
  running.add(child);
  const output: string[] = [];
  const waiters = new Set<() => void>();
  const onData = (chunk: Buffer): void => {
    output.push(chunk.toString());
    for (const check of waiters) check();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running.delete(child);
      for (const check of waiters) check();
      resolve(code);
    }),
  );
  const waitFor = (text: string, timeoutMs = STARTUP_MS): Promise<string> =>
    new Promise((resolve, reject) => {
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      const check = (): void => {
        const line = output
          .join('')
          .split('\n')
          .find((l) => l.includes(text));
        if (line !== undefined) {
          done();
          resolve(line);
        } else if (!running.has(child)) {
          done();
          reject(new Error(`${command} ${args.join(' ')} exited before "${text}"; output:\n${output.join('')}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no "${text}" within ${timeoutMs} ms from ${args.join(' ')}; output:\n${output.join('')}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  const stop = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (!running.has(child)) return;
    killGroup(child, signal);
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_MS);
    await exited;
    clearTimeout(timer);
  };
  return { output, exited, stop, waitFor };
}

/** `node --import tsx <file>`: one process (the tsx CLI would add a second one in between). */
function startTs(file: string, env: Record<string, string>): ManagedProcess {
  return startProcess(process.execPath, ['--import', 'tsx', file], env);
}

export interface SandboxProcess {
  url: string;
  port: number;
  process: ManagedProcess;
  /** `/__sandbox<path>`'s JSON answer; throws on an HTTP error. */
  admin(path: string, init?: RequestInit): Promise<any>;
  /** Upstream calls by `<platform>:<operation>` (`/__sandbox/stats`). */
  calls(): Promise<Record<string, number>>;
  /** The last `limit` logged calls, oldest first. */
  requests(platform?: SandboxPlatformName, limit?: number): Promise<LoggedRequest[]>;
  setRateLimits(limits: Partial<Record<SandboxPlatformName, RateLimit | null>>): Promise<void>;
  setFaults(faults: FaultRule[]): Promise<void>;
  /** Clears counters, the request log, tokens and rate-limit windows (limits and faults stay). */
  reset(): Promise<void>;
}

export interface SandboxProcessOptions {
  seed?: number;
  size?: number;
  /** Set through the admin API once it listens. */
  rateLimits?: Partial<Record<SandboxPlatformName, RateLimit>>;
}

export async function startSandboxProcess(options: SandboxProcessOptions = {}): Promise<SandboxProcess> {
  const port = await freePort();
  const env: Record<string, string> = { SANDBOX_PORT: String(port), SANDBOX_SEED: String(options.seed ?? 7) };
  if (options.size !== undefined) env.SANDBOX_SIZE = String(options.size);
  const managed = startTs('src/sandbox/main.ts', env);
  const url = `http://127.0.0.1:${port}`;
  const admin = async (adminPath: string, init?: RequestInit): Promise<any> => {
    const res = await fetch(`${url}/__sandbox${adminPath}`, init);
    if (!res.ok) throw new Error(`sandbox admin ${adminPath}: HTTP ${res.status} ${await res.text()}`);
    return res.json();
  };
  const post = (adminPath: string, body: unknown) =>
    admin(adminPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const sandbox: SandboxProcess = {
    url,
    port,
    process: managed,
    admin,
    calls: async () => ((await admin('/stats')) as { calls: Record<string, number> }).calls,
    requests: async (platform, limit = 10_000) =>
      ((await admin(`/requests?limit=${limit}${platform ? `&platform=${platform}` : ''}`)) as { requests: LoggedRequest[] }).requests,
    setRateLimits: async (limits) => void (await post('/rate-limits', limits)),
    setFaults: async (faults) => void (await post('/faults', { faults })),
    reset: async () => void (await post('/reset', {})),
  };
  try {
    await managed.waitFor('sandbox listening on');
    if (options.rateLimits) await sandbox.setRateLimits(options.rateLimits);
  } catch (err) {
    await managed.stop('SIGKILL');
    throw err;
  }
  return sandbox;
}

export interface Replica {
  index: number;
  /** e.g. http://127.0.0.1:40123 (GraphQL at `${url}/graphql`). */
  url: string;
  env: Record<string, string>;
  process: ManagedProcess;
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<D>>;
  /** `GET /readyz`'s JSON. */
  readyz(): Promise<any>;
}

export interface ReplicaSet {
  sandbox: SandboxProcess;
  replicas: Replica[];
  /** Queries replica `i`. */
  query<D = Record<string, any>>(i: number, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<D>>;
  /** Stops every replica, then the sandbox. */
  close(): Promise<void>;
}

export interface ReplicaSetOptions {
  /** How many gateway processes. */
  count: number;
  sandbox?: SandboxProcessOptions;
  /** Settings of every replica (after the external-sandbox ones). */
  env?: Record<string, string>;
  /** Replica `i`'s own extra settings. */
  replicaEnv?: (i: number) => Record<string, string>;
}

export async function startReplicas(options: ReplicaSetOptions): Promise<ReplicaSet> {
  const sandbox = await startSandboxProcess(options.sandbox);
  const replicas: Replica[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(replicas.map((r) => r.process.stop()));
    await sandbox.process.stop();
  };
  try {
    const started = await Promise.all(
      Array.from({ length: options.count }, async (_, index) => {
        const port = await freePort();
        const env = {
          ...externalSandboxEnv(sandbox.url),
          LOG_LEVEL: 'info',
          LOG_FORMAT: 'json',
          ...options.env,
          ...options.replicaEnv?.(index),
          PORT: String(port),
        };
        const managed = startTs('src/index.ts', env);
        const replica = replicaAt(index, `http://127.0.0.1:${port}`, env, managed);
        replicas.push(replica);
        await managed.waitFor('catalog-gateway started');
        return replica;
      }),
    );
    return { sandbox, replicas: started, query: (i, query, variables) => started[i]!.query(query, variables), close };
  } catch (err) {
    await close();
    throw err;
  }
}

function replicaAt(index: number, url: string, env: Record<string, string>, managed: ManagedProcess): Replica {
  return {
    index,
    url,
    env,
    process: managed,
    query: async (query, variables) => {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    readyz: async () => (await fetch(`${url}/readyz`)).json(),
  };
}

export interface PrivateRedis {
  port: number;
  url: string;
  /** Kills it (SIGKILL: a crash, nothing saved; it never saves anyway). */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill`). */
  restart(): Promise<void>;
}

/** A redis-server of this test's own on a free port, without persistence: for tests that kill Redis. */
export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  let current: ManagedProcess | undefined;
  const start = async (): Promise<void> => {
    current = startProcess('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {});
    await current.waitFor('Ready to accept connections', 10_000);
  };
  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: async () => current?.stop('SIGKILL'),
    restart: start,
  };
}
