/**
 * The fault-injection suite's stack: sandbox + gateway on free ports on 127.0.0.1, like
 * test/helpers/stack.ts, but the gateway's environment may depend on the sandbox's URL (real-looking
 * credentials pointed at the sandbox), and the platform registry is exposed so the list-only
 * Xiaohongshu adapters can be driven with the same guards the gateway uses.
 */
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import type { PlatformRegistry } from '../../src/platforms/registry';
import { startSandbox, SANDBOX_CREDENTIALS, type FaultRule, type SandboxOptions } from '../../src/sandbox';
import { startGatewayServer, type RunningGateway } from '../../src/server/httpServer';
import type { GraphQLResponse, LoggedRequest } from '../helpers/stack';

export interface FaultStack {
  gateway: RunningGateway;
  sandboxUrl: string;
  registry: PlatformRegistry;
  query<D = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<D>>;
  /** Calls by `<platform>:<operation>` and the requests logged while `work` ran. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; calls: Record<string, number>; requests: LoggedRequest[] }>;
  setFaults(faults: FaultRule[]): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  readyz(): Promise<any>;
  close(): Promise<void>;
}

export async function startFaultStack(
  sandboxOptions: SandboxOptions = {},
  env: Record<string, string> | ((sandboxUrl: string) => Record<string, string>) = {},
): Promise<FaultStack> {
  const sandbox = await startSandbox({ size: 60, seed: 7, ...sandboxOptions, port: 0, host: '127.0.0.1' });
  // The entity cache is off: these tests count upstream calls and faults per request.
  const config = loadConfig(
    { PORT: '0', SANDBOX_PORT: String(sandbox.port), CACHE: 'off', ...(typeof env === 'function' ? env(sandbox.url) : env) },
    SANDBOX_CREDENTIALS,
  );
  const registry = buildPlatformRegistry(config);
  const gateway = await startGatewayServer({ config, platforms: registry, port: 0 });
  const admin = async (path: string, body?: unknown): Promise<any> => {
    const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
    const res = await fetch(`${sandbox.url}/__sandbox${path}`, init);
    if (!res.ok) throw new Error(`sandbox admin ${path}: HTTP ${res.status}`);
    return res.json();
  };
  const lastSeq = async () => Math.max(0, ...((await admin('/requests?limit=1')).requests as LoggedRequest[]).map((r) => r.seq));
  return {
    gateway,
    sandboxUrl: sandbox.url,
    registry,
    async query(query, variables) {
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async measure(work) {
      const before: Record<string, number> = (await admin('/stats')).calls;
      const since = await lastSeq();
      const result = await work();
      const after: Record<string, number> = (await admin('/stats')).calls;
      const calls: Record<string, number> = {};
      for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) > 0) calls[key] = n - (before[key] ?? 0);
      const requests = ((await admin('/requests?limit=10000')).requests as LoggedRequest[]).filter((r) => r.seq > since);
      return { result, calls, requests };
    },
    setFaults: async (faults) => void (await admin('/faults', { faults })),
    advanceClock: async (ms) => void (await admin('/clock', { advanceMs: ms })),
    readyz: async () => (await fetch(`${gateway.url}/readyz`)).json(),
    async close() {
      await gateway.close();
      await sandbox.close();
    },
  };
}

const SECRETS = Object.values(SANDBOX_CREDENTIALS).flatMap((c) => Object.values(c).filter((v) => /secret|session/.test(v)));

/** Nothing a client must never see: secrets, access tokens, signatures, stack traces, machine paths. */
export function expectNoLeaks(body: unknown): void {
  const text = JSON.stringify(body);
  for (const secret of SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/access_token(?:=|\\?":)|secret_key=|secret=|sign=|\\?"sign\\?":|\b(?:xe|wx|rmp|tb|ark)_[A-Za-z0-9_-]{20,}/);
  expect(text).not.toMatch(/stacktrace|\bat [\w.<>]+ \(|\.ts:\d+|node_modules|127\.0\.0\.1/);
}

/** The GraphQL error at `path` (e.g. ['t'] or ['w', 1]). */
export function errorAt(res: GraphQLResponse, path: Array<string | number>): NonNullable<GraphQLResponse['errors']>[number] {
  const found = res.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  expect(found, `an error at ${JSON.stringify(path)} in ${JSON.stringify(res.errors)}`).toBeDefined();
  return found!;
}
