/**
 * The sandbox and one or more gateway instances over it, with the entity cache on and one injected
 * clock for all of them, frozen unless a test moves it (freshness is tested by moving it, never by sleeping). Instances share the
 * same settings (so a Redis tier is shared when REDIS_URL is set).
 */
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { startGatewayServer, type RunningGateway } from '../../src/server/httpServer';
import { SANDBOX_CREDENTIALS, startSandbox, type FaultRule, type SandboxOptions } from '../../src/sandbox';
import { deriveSeed } from '../../src/sandbox/data/random';
import { buildTaobaoCatalog } from '../../src/sandbox/platforms/taobao/catalog';
import type { GraphQLResponse } from '../helpers/stack';

export interface CacheStack {
  gateways: RunningGateway[];
  /** The gateways' cache clock: `advance(ms)` moves it. */
  clock: { now(): number; advance(ms: number): void };
  query<D = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { gateway?: number; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<D> & { extensions?: Record<string, any> }>;
  /** Upstream calls by `<platform>:<operation>` while `work` runs. */
  measure<T>(work: () => Promise<T>): Promise<{ result: T; calls: Record<string, number> }>;
  setFaults(faults: FaultRule[]): Promise<void>;
  sandboxAdmin(path: string, init?: RequestInit): Promise<Response>;
  /** `PATCH /__sandbox/products/<platform>/<id>` with upstream field values. */
  patchProduct(platform: string, id: string, fields: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

const SEED = 7;

export interface CacheStackOptions {
  sandbox?: SandboxOptions;
  /** Settings of every instance. */
  env?: Record<string, string>;
  /** Instances (default 1), or each one's own extra settings (given the sandbox's URL). */
  gateways?: number | Array<(sandboxUrl: string) => Record<string, string>>;
}

export async function startCacheStack(options: CacheStackOptions = {}): Promise<CacheStack> {
  const sandbox = await startSandbox({ size: 200, seed: SEED, ...options.sandbox, port: 0, host: '127.0.0.1' });
  // Frozen unless advanced, so "exactly at the bound" is exact.
  let now = Date.now();
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  const gateways: RunningGateway[] = [];
  const instances =
    typeof options.gateways === 'object' ? options.gateways : Array.from({ length: options.gateways ?? 1 }, () => () => ({}));
  for (const own of instances) {
    const config = loadConfig(
      {
        PORT: '0',
        SANDBOX_PORT: String(sandbox.port),
        AUTH: 'none',
        CACHE: 'on',
        CACHE_REFRESH_GATHER_MS: '10',
        ...options.env,
        ...own(sandbox.url),
      },
      SANDBOX_CREDENTIALS,
    );
    gateways.push(await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0, cacheClock: clock.now }));
  }
  const sandboxAdmin = (path: string, init?: RequestInit) => fetch(`${sandbox.url}/__sandbox${path}`, init);
  const stats = async (): Promise<Record<string, number>> =>
    ((await (await sandboxAdmin('/stats')).json()) as { calls: Record<string, number> }).calls;
  return {
    gateways,
    clock,
    async query(query, variables, { gateway = 0, headers = {} } = {}) {
      const res = await fetch(`${gateways[gateway]!.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async measure(work) {
      const before = await stats();
      const result = await work();
      const after = await stats();
      const calls: Record<string, number> = {};
      for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) > 0) calls[key] = n - (before[key] ?? 0);
      return { result, calls };
    },
    async setFaults(faults) {
      await sandboxAdmin('/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
    },
    sandboxAdmin,
    async patchProduct(platform, id, fields) {
      const res = await sandboxAdmin(`/products/${platform}/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(fields),
      });
      if (!res.ok) throw new Error(`PATCH ${platform}/${id}: HTTP ${res.status}`);
    },
    async close() {
      for (const gateway of gateways) await gateway.close();
      await sandbox.close();
    },
  };
}

/** `count` num_iids the sandbox's Taobao catalog has (seed 7, `size` items). */
export function taobaoIds(count: number, size = 200): string[] {
  const ids = [...buildTaobaoCatalog({ seed: deriveSeed(SEED, 'taobao'), size }).items.keys()].filter((id) => id !== '1489161932');
  if (ids.length < count) throw new Error(`the sandbox has only ${ids.length} Taobao items`);
  return ids.slice(0, count);
}

/** Lets detached work (a background refresh) run and land. */
export async function settle(ms = 200): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
