/**
 * `catalog` without a platform: every configured platform that can list, read in parallel from the
 * positions the cursor carries, merged by compareByUpdatedDesc. A platform whose call fails adds an
 * error naming it and keeps its position (so the next page asks it again); `hasNextPage` is then true.
 */
import type { PlatformCode, Product } from '../generated/graphql';
import type { GatewayContext } from '../server/context';
import { toConnection, type CatalogConnection } from './connection';
import { bindingOf, checkMergedPosition, decodeCursor, encodeCursor, type MergedPosition, type Position } from './cursor';
import type { CatalogArgs } from './listPlatform';
import { compareByUpdatedDesc } from './mergeOrder';
import { completeProducts, listablePlatforms, prepareListing, primeLoaders, type PreparedListing } from './platformListing';
import { reportPartialError } from './partialErrors';
import { positionFor, readPlan, startOf, type PlanPage } from './readPlan';

interface Source {
  prepared: PreparedListing;
  page?: PlanPage;
  /** Products of `page` taken into this connection. */
  taken: number;
}

export async function listMergedCatalog(
  ctx: GatewayContext,
  args: CatalogArgs,
  path: ReadonlyArray<string | number>,
): Promise<CatalogConnection> {
  const platforms = listablePlatforms(ctx);
  const binding = bindingOf(platforms, args.filter);
  const sources: Source[] = platforms.map((platform) => ({
    prepared: prepareListing(ctx, platform, args.filter, args.nodeSelection),
    taken: 0,
  }));
  const cursor = args.after ? checkMergedPosition(decodeCursor(args.after, binding)) : {};
  const starts = sources.map((s) => (args.after ? positionFor(s.prepared.plan, cursor[s.prepared.platform]) : startOf(s.prepared.plan)));
  const settled = await Promise.allSettled(
    sources.map((s, i) => readPlan(s.prepared.plan, starts[i]!, args.first, s.prepared.listing.maxPageSize, s.prepared.call)),
  );
  settled.forEach((result, i) => {
    if (result.status === 'fulfilled') sources[i]!.page = result.value;
    else reportFailure(ctx, sources[i]!.prepared.platform, result.reason, path);
  });
  const picked = mergeHeads(sources, args.first);
  const completed = await completeSources(ctx, sources, picked, path);
  const positions = positionsAfterEach(sources, starts, completed);
  const failed = sources.some((s) => !s.page);
  const hasNext = failed || sources.some((s) => s.page!.hasMore || s.taken < s.page!.products.length);
  const total = failed || sources.some((s) => s.page!.total === null) ? null : sources.reduce((sum, s) => sum + s.page!.total!, 0);
  const cursors = positions.map((p) => encodeCursor(binding, p));
  const started = starts.some((p) => p.some((n) => n > 0));
  for (const source of sources)
    primeLoaders(
      ctx,
      source.prepared,
      completed.filter((p) => p.platform === source.prepared.platform),
      args.nodeSelection,
    );
  return toConnection(completed, cursors, hasNext, started, total);
}

/** Up to `count` products by the merged order, each stream in its own order; counts `taken`. */
function mergeHeads(sources: Source[], count: number): Array<{ source: Source; product: Product }> {
  const picked: Array<{ source: Source; product: Product }> = [];
  while (picked.length < count) {
    let best: Source | undefined;
    for (const source of sources) {
      const head = source.page?.products[source.taken];
      if (head && (!best || compareByUpdatedDesc(head, best.page!.products[best.taken]!) < 0)) best = source;
    }
    if (!best) break;
    picked.push({ source: best, product: best.page!.products[best.taken]! });
    best.taken += 1;
  }
  return picked;
}

/**
 * Completes each platform's picked products (e.g. SKU details the list API leaves out). When one platform's completion
 * fails, the page ends before its first product (so the order stays right and nothing is skipped) and
 * the failure is reported.
 */
async function completeSources(
  ctx: GatewayContext,
  sources: Source[],
  picked: Array<{ source: Source; product: Product }>,
  path: ReadonlyArray<string | number>,
): Promise<Product[]> {
  const done = await Promise.allSettled(
    sources.map((s) =>
      completeProducts(
        s.prepared,
        picked.filter((p) => p.source === s).map((p) => p.product),
      ),
    ),
  );
  let cut = picked.length;
  done.forEach((result, i) => {
    if (result.status === 'fulfilled') return;
    reportFailure(ctx, sources[i]!.prepared.platform, result.reason, path);
    cut = Math.min(cut, picked.findIndex((p) => p.source === sources[i]) >>> 0);
  });
  const next = new Map(
    sources.map((s, i) => [s, done[i]!.status === 'fulfilled' ? [...(done[i] as PromiseFulfilledResult<Product[]>).value] : []]),
  );
  for (const source of sources) source.taken = 0;
  return picked.slice(0, cut).map(({ source }) => {
    source.taken += 1;
    return next.get(source)!.shift()!;
  });
}

/** The merged position after each product: every platform's position after its last product so far. */
function positionsAfterEach(sources: Source[], starts: Position[], products: readonly Product[]): MergedPosition[] {
  const current: Record<string, Position> = {};
  sources.forEach((s, i) => (current[s.prepared.platform] = starts[i]!));
  const counts = new Map<PlatformCode, number>();
  return products.map((product) => {
    const source = sources.find((s) => s.prepared.platform === product.platform)!;
    const n = (counts.get(product.platform) ?? 0) + 1;
    counts.set(product.platform, n);
    current[product.platform] = source.page!.after[n - 1]!;
    return { ...current };
  });
}

function reportFailure(ctx: GatewayContext, platform: PlatformCode, reason: unknown, path: ReadonlyArray<string | number>): void {
  const error = reason instanceof Error ? reason : new Error(String(reason));
  reportPartialError(ctx, error, path);
  // Not silent in the logs either, for errors that are not the upstream's (the client sees them masked).
  if (!('platform' in error)) console.error(`catalog listing of ${platform} failed:`, error);
}
