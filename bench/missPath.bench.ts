/**
 * `npx tsx bench/missPath.bench.ts`: the cost the shared layer (issue 10) adds to a lookup that misses,
 * without HTTP or upstream: per-request loaders resolving 50 distinct, never-seen Taobao ids through an
 * adapter that answers at once from mapped sandbox records. Compares
 * - `before`: the per-request loaders calling the adapter as they did before issue 10 (chunks of 50);
 * - `coalescer`: CACHE=off, through the cross-request coalescer;
 * - `cache miss`: CACHE on (memory tier): read, miss, coalesced fetch, write.
 *
 * CPU µs per 50-id batch from `process.cpuUsage()` (user + system, garbage collection included), in
 * `SAMPLES` (default 7) rounds of `ROUNDS` (default 1000) batches per variant, the variants' order
 * alternating from round to round (the machine is shared: compare the variants of one run, by the
 * median). The cache variant's memory tier fills up (64 MB, `CACHE_MAX_MB`) and then evicts, as a
 * gateway's does under a workload of misses. `ONLY=miss` (or `before`, `coalescer`) runs one variant.
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

const ROUNDS = Number(process.env.ROUNDS ?? 1000);
const SAMPLES = Number(process.env.SAMPLES ?? 7);
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

type Variant = 'before' | 'coalescer' | 'cache miss';

function throughLoaders(variant: Variant): (ids: string[]) => Promise<unknown> {
  const shared =
    variant === 'before'
      ? { lookups: { cache: null, lookup: (_r: unknown, ids: string[]) => direct(ids) } as unknown as SharedLookups }
      : buildSharedLookups(
          registry,
          loadConfig({ CACHE: variant === 'cache miss' ? 'on' : 'off', CACHE_MAX_MB: process.env.CACHE_MAX_MB ?? '64' }).cache,
          null,
        );
  return (ids) => {
    const load = new ProductLoaders(registry, credentials, Date.now() + 10_000, shared.lookups).forPlatform('TAOBAO');
    return Promise.all(ids.map((id) => load(id, selection)));
  };
}

/** CPU µs per batch over `ROUNDS` batches. */
async function sample(run: (ids: string[]) => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) await run(batch());
  const { user, system } = process.cpuUsage(start);
  return (user + system) / ROUNDS;
}

const only = process.env.ONLY === 'miss' ? 'cache miss' : process.env.ONLY;
const variants = (['before', 'coalescer', 'cache miss'] as const).filter((v) => !only || v === only);
const runs = new Map(variants.map((v) => [v, throughLoaders(v)]));
const samples = new Map<Variant, number[]>(variants.map((v) => [v, []]));
for (const v of variants) for (let i = 0; i < ROUNDS / 10; i++) await runs.get(v)!(batch()); // warm-up
for (let round = 0; round < SAMPLES; round++) {
  const order = round % 2 === 0 ? variants : [...variants].reverse();
  for (const v of order) samples.get(v)!.push(await sample(runs.get(v)!));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medians = new Map(variants.map((v) => [v, median(samples.get(v)!)]));
for (const v of variants) {
  const xs = samples.get(v)!;
  console.log(
    `${v.padEnd(11)} ${medians.get(v)!.toFixed(0).padStart(6)} µs CPU per 50-id batch (median of ${xs.length}; ${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)})`,
  );
}
const before = medians.get('before');
if (before !== undefined && variants.length === 3) {
  const coalescer = medians.get('coalescer')!;
  const miss = medians.get('cache miss')!;
  console.log(
    `coalescer ${(coalescer / before).toFixed(2)}x before; cache miss ${(miss / before).toFixed(2)}x before (${((miss - before) / 50).toFixed(1)} µs more per id)`,
  );
}
