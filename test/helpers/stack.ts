/**
 * Starts the sandbox and the gateway on free ports on 127.0.0.1, wired as `npm start` wires them, and
 * gives tests a GraphQL client and the sandbox's admin API.
 */
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { startGatewayServer, type GatewayServerOptions, type RunningGateway } from '../../src/server/httpServer';
import { SANDBOX_CREDENTIALS, startSandbox } from '../../src/sandbox';
import type { RequestLogEntry } from '../../src/sandbox/requestLog';
import type { FaultRule, SandboxOptions } from '../../src/sandbox/types';

export interface GraphQLResponse<D = Record<string, unknown>> {
  status: number;
  data?: D | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  /** Response extensions, e.g. `cost`. */
  extensions?: Record<string, unknown>;
}

/** One entry of `GET /__sandbox/requests`. */
export type LoggedRequest = RequestLogEntry;

export interface Stack {
  gateway: RunningGateway;
  sandboxUrl: string;
  query<D = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<D> & { headers: Headers }>;
  /** `/__sandbox/stats` calls, by `<platform>:<operation>`. */
  calls(): Promise<Record<string, number>>;
  requests(platform: string, limit?: number): Promise<LoggedRequest[]>;
  reset(): Promise<void>;
  /**
   * Runs `work` and reports what it cost upstream: calls by `<platform>:<operation>` and the requests
   * logged meanwhile. Unlike reset(), it leaves the sandbox's tokens alone, so counts are not inflated
   * by the gateway refreshing a token the reset killed.
   */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; calls: Record<string, number>; requests: LoggedRequest[] }>;
  setFaults(faults: FaultRule[]): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(
  sandboxOptions: SandboxOptions = {},
  env: Record<string, string> = {},
  gatewayOptions: Pick<GatewayServerOptions, 'logger'> = {},
): Promise<Stack> {
  const sandbox = await startSandbox({ size: 200, seed: 7, ...sandboxOptions, port: 0, host: '127.0.0.1' });
  // The entity cache is off unless a test turns it on: most tests count one request's upstream calls.
  const config = loadConfig({ PORT: '0', SANDBOX_PORT: String(sandbox.port), CACHE: 'off', ...env }, SANDBOX_CREDENTIALS);
  const gateway = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0, ...gatewayOptions });
  const admin = async (path: string, init?: RequestInit): Promise<any> => {
    const res = await fetch(`${sandbox.url}/__sandbox${path}`, init);
    if (!res.ok) throw new Error(`sandbox admin ${path}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    gateway,
    sandboxUrl: sandbox.url,
    async query(query, variables, headers = {}) {
      const res = await fetch(`${gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, headers: res.headers, ...((await res.json()) as object) };
    },
    calls: async () => (await admin('/stats')).calls as Record<string, number>,
    requests: async (platform, limit = 1000) => (await admin(`/requests?platform=${platform}&limit=${limit}`)).requests as LoggedRequest[],
    reset: async () => void (await admin('/reset', { method: 'POST' })),
    async measure(work) {
      const before: Record<string, number> = (await admin('/stats')).calls;
      const lastSeq = Math.max(0, ...((await admin('/requests?limit=1')).requests as LoggedRequest[]).map((r) => r.seq));
      const result = await work();
      const after: Record<string, number> = (await admin('/stats')).calls;
      const calls: Record<string, number> = {};
      for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) > 0) calls[key] = n - (before[key] ?? 0);
      const requests = ((await admin('/requests?limit=10000')).requests as LoggedRequest[]).filter((r) => r.seq > lastSeq);
      return { result, calls, requests };
    },
    setFaults: async (faults) =>
      void (await admin('/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) })),
    async close() {
      await gateway.close();
      await sandbox.close();
    },
  };
}
