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
import type { Fetched, LookupPriority } from '../coalescing/sharedCall';
import { NotFoundError, UpstreamError } from '../platforms/errors';
import { currentUsage, runDetached, type RequestUsage } from '../platforms/requestUsage';
import type { PlatformAdapter, ProductSelection } from '../platforms/types';
import { chunk, mapWithConcurrency } from '../util/mapWithConcurrency';
import { heldSelection, judge, type CacheEntry, type Verdict } from './cacheEntry';
import { recordStale } from './cacheReport';
import type { EntityCache } from './entityCache';

export interface LookupRequest {
  platform: PlatformCode;
  adapter: PlatformAdapter<unknown>;
  credentials: unknown;
  /** Epoch ms by which the request must have its answer. */
  deadline: number;
  /** The client sent `Cache-Control: no-cache`: read upstream (still coalesced), then refresh the cache. */
  freshRead: boolean;
}

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
    if (!cache) return (await this.fetch(request, ids, selection)).map((f) => f.result);
    const usage = currentUsage();
    const fingerprint = credentialFingerprint(request.platform, request.credentials);
    const epoch = cache.epoch();
    const entries = request.freshRead ? ids.map(() => undefined) : await cache.read(request.platform, fingerprint, ids);
    const now = cache.now();
    const policy = cache.policyFor(request.platform);
    const verdicts = entries.map((entry): Verdict => (request.freshRead ? { kind: 'miss' } : judge(entry, selection, now, policy)));
    const results: Array<Product | Error | undefined> = verdicts.map((v, i) => this.served(request, ids[i]!, v, usage));
    this.revalidate(request, fingerprint, ids, verdicts, entries);
    const missing = ids.filter((_, i) => results[i] === undefined);
    if (missing.length === 0) return results as Array<Product | Error>;
    if (usage) usage.cacheMisses += missing.length;
    const fetched = await this.fetch(request, missing, selection);
    const byId = new Map(missing.map((id, i) => [id, fetched[i]!] as const));
    return ids.map((id, i) => {
      const found = byId.get(id);
      if (!found) return results[i]!;
      this.write(request.platform, fingerprint, id, entries[i], found, epoch);
      const verdict = verdicts[i]!;
      const fallback = verdict.kind === 'miss' ? verdict.fallback : undefined;
      if (!(found.result instanceof UpstreamError) || !fallback) return found.result;
      // Answered from the cache after all: a (stale) hit, not a miss.
      if (usage) {
        usage.cacheMisses--;
        usage.cacheHits++;
      }
      recordStale(usage, { platform: request.platform, id, ageSeconds: Math.floor(fallback.ageMs / 1000), reason: 'upstreamError' });
      return fallback.product;
    });
  }

  /** The answer a verdict gives without an upstream call (counted), or undefined for a miss. */
  private served(request: LookupRequest, id: string, verdict: Verdict, usage: RequestUsage | undefined): Product | Error | undefined {
    if (verdict.kind === 'miss') return undefined;
    if (usage) usage.cacheHits++;
    if (verdict.kind === 'notFound') return new NotFoundError(request.platform, id);
    if (verdict.kind === 'stale')
      recordStale(usage, { platform: request.platform, id, ageSeconds: Math.floor(verdict.ageMs / 1000), reason: 'revalidating' });
    return verdict.product;
  }

  /** One background refresh per stale entry served, of everything the entry holds. */
  private revalidate(
    request: LookupRequest,
    fingerprint: string,
    ids: readonly string[],
    verdicts: Verdict[],
    entries: Array<CacheEntry | undefined>,
  ): void {
    ids.forEach((id, i) => {
      const entry = entries[i];
      const key = `${request.platform}|${fingerprint}|${id}`;
      if (verdicts[i]!.kind !== 'stale' || !entry || !('product' in entry) || this.refreshing.has(key)) return;
      this.refreshing.add(key);
      const background = { ...request, deadline: Date.now() + REFRESH_BUDGET_MS };
      const epoch = this.cache!.epoch();
      runDetached(() => this.fetch(background, [id], heldSelection(entry), 'background'))
        .then(([found]) => this.write(request.platform, fingerprint, id, entry, found!, epoch))
        .catch((err: unknown) => console.error('cache: background refresh failed:', err))
        .finally(() => this.refreshing.delete(key));
    });
  }

  /** Remembers a product or a NOT_FOUND; any other error is never cached. */
  private write(
    platform: PlatformCode,
    fingerprint: string,
    id: string,
    previous: CacheEntry | undefined,
    found: Fetched,
    epoch: number,
  ): void {
    if (found.result instanceof NotFoundError) this.cache?.writeNotFound(platform, fingerprint, id, epoch);
    else if (!(found.result instanceof Error))
      this.cache?.writeProduct(platform, fingerprint, id, previous, found.result, found.selection, epoch);
  }

  /** Upstream through the coalescer, in chunks of the platform's maximum, `maxConcurrentCalls` at a time. */
  private async fetch(
    request: LookupRequest,
    ids: readonly string[],
    selection: ProductSelection,
    priority: LookupPriority = 'request',
  ): Promise<Fetched[]> {
    const dispatcher = this.coalescer.dispatcherFor(request.platform, request.credentials);
    const { maxIdsPerCall, maxConcurrentCalls } = request.adapter.capabilities;
    const results = new Map<string, Fetched>();
    await mapWithConcurrency(chunk(ids, maxIdsPerCall ?? 1), maxConcurrentCalls, async (chunkIds) => {
      const fetched = await dispatcher.lookup(chunkIds, selection, request.deadline, priority);
      chunkIds.forEach((id, i) => results.set(id, fetched[i]!));
    });
    return ids.map((id) => results.get(id)!);
  }
}
