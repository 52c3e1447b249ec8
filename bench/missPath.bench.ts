/**
 * `npx tsx bench/missPath.bench.ts`: the cost the shared layer (issue 10) adds to a lookup that misses,
 * without HTTP or upstream: per-request loaders resolving 50 distinct, never-seen Taobao ids through an
 * adapter that answers at once from mapped sandbox records. Compares
 * - `before`: the per-request loaders calling the adapter as they did before issue 10 (chunks of 50);
 * - `coalescer`: CACHE=off, through the cross-request coalescer;
 * - `cache miss`: CACHE on (memory tier): read, miss, coalesced fetch, write.
 * Reports µs per 50-id batch (lower is better). ROUNDS (default 2000) batches each, after a warm-up.
 */
import { buildSharedLookups } from '../src/cache/buildSharedLookups';
import type { SharedLookups } from '../src/cache/sharedLookups';
import { loadConfig } from '../src/config/config';
import type { Product } from '../src/generated/graphql';
import { ProductLoaders } from '../src/loaders/productLoaders';
import type { PlatformRegistry } from '../src/platforms/registry';
import { guardPolicyFor } from '../src/platforms/resilience/policy';
import { UpstreamGuard } from '../src/platforms/resilience/upstreamGuard';
import { toTaobaoProduct } from '../src/platforms/taobao/mapper';
import { taobaoPlatform } from '../src/platforms/taobao';
import type { PlatformAdapter, ProductSelection } from '../src/platforms/types';
import { createTaobaoSandbox } from '../src/sandbox/platforms/taobao';
import { chunk, mapWithConcurrency } from '../src/util/mapWithConcurrency';

const ROUNDS = Number(process.env.ROUNDS ?? 2000);
const templates = [...createTaobaoSandbox({ seed: 1, size: 60 }).catalog.items.values()].slice(0, 50).map(toTaobaoProduct);
const adapter: PlatformAdapter<unknown> = {
  code: 'TAOBAO',
  capabilities: { maxIdsPerCall: 50, maxConcurrentCalls: 4, fieldSelection: true, idFormat: null },
  validateId: () => undefined,
  quotaKey: () => 'bench',
  async lookup(ids) {
    return ids.map((id, i) => ({ ...templates[i % templates.length]!, platformProductId: id }));
  },
};
const guard = new UpstreamGuard('TAOBAO', guardPolicyFor({ baseUrl: '', sandbox: true, timeoutMs: 1000, quota: null }));
const registry: PlatformRegistry = new Map([['TAOBAO', { module: taobaoPlatform, adapter: adapter, sandbox: true, guard }]]);
const credentials = { TAOBAO: { appKey: 'bench', appSecret: 's', session: 's', signMethod: 'md5' as const } };
const selection: ProductSelection = new Set(['id', 'title', 'price', 'price.min', 'price.min.amount', 'stock', 'stock.available']);

let next = 1_000_000_000;
const batch = () => Array.from({ length: 50 }, () => String(next++));

/** The loaders' path before issue 10: chunk, call the adapter, map back. */
async function direct(ids: string[]): Promise<unknown> {
  const results = new Map<string, Product | Error>();
  await mapWithConcurrency(chunk(ids, 50), 4, async (c) => {
    const found = await adapter.lookup!(c, selection, { credentials: credentials.TAOBAO });
    c.forEach((id, i) => results.set(id, found[i]!));
  });
  return ids.map((id) => results.get(id));
}

function throughLoaders(cache: 'on' | 'off' | 'before'): (ids: string[]) => Promise<unknown> {
  const shared =
    cache === 'before'
      ? { lookups: { cache: null, lookup: (_r: unknown, ids: string[]) => direct(ids) } as unknown as SharedLookups }
      : buildSharedLookups(registry, loadConfig({ CACHE: cache, CACHE_MAX_MB: process.env.CACHE_MAX_MB ?? '64' }).cache, null);
  return (ids) => {
    const load = new ProductLoaders(registry, credentials, Date.now() + 10_000, shared.lookups).forPlatform('TAOBAO');
    return Promise.all(ids.map((id) => load(id, selection)));
  };
}

async function timeIt(name: string, run: (ids: string[]) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < ROUNDS / 10; i++) await run(batch());
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await run(batch());
  const micros = Number(process.hrtime.bigint() - start) / 1e3 / ROUNDS;
  console.log(`${name.padEnd(11)} ${micros.toFixed(0).padStart(6)} µs per 50-id batch`);
  return micros;
}

if (process.env.ONLY === 'miss') {
  await timeIt('cache miss', throughLoaders('on'));
  process.exit(0);
}
const before = await timeIt('before', throughLoaders('before'));
const coalescer = await timeIt('coalescer', throughLoaders('off'));
const miss = await timeIt('cache miss', throughLoaders('on'));
console.log(
  `coalescer ${(coalescer / before).toFixed(2)}x before; cache miss ${(miss / before).toFixed(2)}x before (${((miss - before) / 50).toFixed(1)} µs more per id)`,
);
