/**
 * Product lookups through state shared across requests: the entity cache (when on) in front of the
 * cross-request coalescing layer. The per-request loaders hand it each operation's batch.
 *
 * Hit: the selection is held and every class it touches is fresh. Stale within the
 * stale-while-revalidate window: served, and one background refresh (coalesced, at background
 * priority, charged to no request) renews the entry. Otherwise a miss goes upstream; when that fails
 * (upstream error, open breaker, a quota slot past the deadline), an entry within the stale-if-error
 * bound is served instead, marked. NOT_FOUND is remembered briefly; other errors never are.
 */
import type { PlatformCode, Product } from '../generated/graphql';
import { credentialFingerprint } from '../coalescing/credentialFingerprint';
import type { LookupCoalescer } from '../coalescing/lookupCoalescer';
import type { LookupAnswer, LookupPriority } from '../coalescing/sharedCall';
import { NotFoundError, UpstreamError } from '../platforms/errors';
import { currentUsage, runDetached, type RequestUsage } from '../platforms/requestUsage';
import type { PlatformAdapter, ProductSelection } from '../platforms/types';
import { mapWithConcurrency } from '../util/mapWithConcurrency';
import { heldSelection, judge, shortestBound, type CacheEntry, type Verdict } from './cacheEntry';
import { recordStale } from './cacheReport';
import type { EntityCache } from './entityCache';
import { BatchSizeEstimate } from './tieredStore';

export interface LookupRequest {
  platform: PlatformCode;
  adapter: PlatformAdapter<unknown>;
  credentials: unknown;
  /** Epoch ms by which the request must have its answer. */
  deadline: number;
  /** The client sent `Cache-Control: no-cache`: read upstream (still coalesced), then refresh the cache. */
  freshRead: boolean;
}

const MISS: Verdict = { kind: 'miss' };

/** A background refresh's own budget upstream. */
const REFRESH_BUDGET_MS = 10_000;

export class SharedLookups {
  /** Entries with a background refresh running, so a burst of stale hits starts one. */
  private readonly refreshing = new Set<string>();

  constructor(
    private readonly coalescer: LookupCoalescer,
    /** Null when CACHE=off. */
    readonly cache: EntityCache | null = null,
  ) {}

  /** One entry per id (distinct ids), in order: the product or its Error. */
  async lookup(request: LookupRequest, ids: readonly string[], selection: ProductSelection): Promise<Array<Product | Error>> {
    const cache = this.cache;
    if (!cache) return (await this.fetch(request, ids, selection)).results;
    const usage = currentUsage();
    const fingerprint = credentialFingerprint(request.platform, request.credentials);
    const keys = cache.keys(request.platform, fingerprint, ids);
    const epoch = cache.epoch();
    const entries = request.freshRead ? new Array<undefined>(ids.length) : await cache.read(keys);
    const now = cache.now();
    const policy = cache.policyFor(request.platform);
    const results = new Array<Product | Error | undefined>(ids.length);
    const verdicts = new Array<Verdict>(ids.length);
    let missing: string[] | undefined;
    let missingAt: number[] | undefined;
    for (let i = 0; i < ids.length; i++) {
      const verdict = request.freshRead ? MISS : judge(entries[i], selection, now, policy);
      verdicts[i] = verdict;
      if (verdict.kind === 'miss') {
        (missing ??= []).push(ids[i]!);
        (missingAt ??= []).push(i);
        continue;
      }
      results[i] = this.served(request, ids[i]!, verdict, usage);
      if (verdict.kind === 'stale') this.revalidate(request, ids[i]!, keys[i]!, entries[i]);
    }
    if (!missing || !missingAt) return results as Array<Product | Error>;
    if (usage) usage.cacheMisses += missing.length;
    const fetched = await this.fetch(request, missing, selection);
    const writtenAt = cache.now();
    const sizes = new BatchSizeEstimate();
    // What was just fetched is fresh for the selection's shortest bound, as the entry written says.
    const bound = shortestBound(selection, policy.bounds);
    for (let j = 0; j < missingAt.length; j++) {
      const i = missingAt[j]!;
      const found = fetched.results[j]!;
      this.write(keys[i]!, entries[i], found, fetched.selections[j]!, epoch, writtenAt, sizes);
      if (found instanceof NotFoundError) recordFreshUntil(usage, writtenAt + policy.notFoundMs);
      else if (!(found instanceof Error)) recordFreshUntil(usage, writtenAt + bound);
      const verdict = verdicts[i]!;
      const fallback = verdict.kind === 'miss' ? verdict.fallback : undefined;
      if (!(found instanceof UpstreamError) || !fallback) {
        results[i] = found;
        continue;
      }
      // Answered from the cache after all: a (stale) hit, not a miss.
      if (usage) {
        usage.cacheMisses--;
        usage.cacheHits++;
      }
      recordStale(usage, {
        platform: request.platform,
        id: ids[i]!,
        ageSeconds: Math.floor(fallback.ageMs / 1000),
        reason: 'upstreamError',
      });
      results[i] = fallback.product;
    }
    return results as Array<Product | Error>;
  }

  /** The answer a verdict gives without an upstream call (counted), or undefined for a miss. */
  private served(request: LookupRequest, id: string, verdict: Verdict, usage: RequestUsage | undefined): Product | Error | undefined {
    if (verdict.kind === 'miss') return undefined;
    if (usage) usage.cacheHits++;
    if (verdict.kind !== 'stale') recordFreshUntil(usage, verdict.freshUntil);
    if (verdict.kind === 'notFound') return new NotFoundError(request.platform, id);
    if (verdict.kind === 'stale')
      recordStale(usage, { platform: request.platform, id, ageSeconds: Math.floor(verdict.ageMs / 1000), reason: 'revalidating' });
    return verdict.product;
  }

  /** One background refresh per stale entry served, of everything the entry holds. */
  private revalidate(request: LookupRequest, id: string, key: string, entry: CacheEntry | undefined): void {
    if (!entry || !('product' in entry) || this.refreshing.has(key)) return;
    this.refreshing.add(key);
    const background = { ...request, deadline: Date.now() + REFRESH_BUDGET_MS };
    const cache = this.cache!;
    const epoch = cache.epoch();
    runDetached(() => this.fetch(background, [id], heldSelection(entry), 'background'))
      .then((found) => this.write(key, entry, found.results[0]!, found.selections[0]!, epoch, cache.now()))
      .catch((err: unknown) => console.error('cache: background refresh failed:', err))
      .finally(() => this.refreshing.delete(key));
  }

  /** Remembers a product or a NOT_FOUND; any other error is never cached. */
  private write(
    key: string,
    previous: CacheEntry | undefined,
    found: Product | Error,
    selection: ProductSelection,
    epoch: number,
    now: number,
    sizes?: BatchSizeEstimate,
  ): void {
    if (found instanceof NotFoundError) this.cache?.writeNotFound(key, epoch, now);
    else if (!(found instanceof Error)) this.cache?.writeProduct(key, previous, found, selection, epoch, now, sizes);
  }

  /**
   * Upstream through the coalescer, in chunks of the platform's maximum, `maxConcurrentCalls` at a
   * time. A batch of one chunk (the common case) goes to the dispatcher as it is.
   */
  private async fetch(
    request: LookupRequest,
    ids: readonly string[],
    selection: ProductSelection,
    priority: LookupPriority = 'request',
  ): Promise<LookupAnswer> {
    const dispatcher = this.coalescer.dispatcherFor(request.platform, request.credentials);
    const { maxIdsPerCall, maxConcurrentCalls } = request.adapter.capabilities;
    const size = maxIdsPerCall ?? 1;
    if (ids.length <= size) return dispatcher.lookup(ids, selection, request.deadline, priority);
    const answer: LookupAnswer = { results: new Array<Product | Error>(ids.length), selections: new Array<ProductSelection>(ids.length) };
    const starts = Array.from({ length: Math.ceil(ids.length / size) }, (_, n) => n * size);
    await mapWithConcurrency(starts, maxConcurrentCalls, async (start) => {
      const part = await dispatcher.lookup(ids.slice(start, start + size), selection, request.deadline, priority);
      for (let i = 0; i < part.results.length; i++) {
        answer.results[start + i] = part.results[i]!;
        answer.selections[start + i] = part.selections[i]!;
      }
    });
    return answer;
  }
}

/** A finite freshness bound onto the request's usage (identity fields alone bound nothing). */
function recordFreshUntil(usage: RequestUsage | undefined, at: number): void {
  if (usage && Number.isFinite(at)) usage.recordFreshUntil(at);
}
