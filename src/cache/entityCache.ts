/**
 * The entity cache: products by platform, credential fingerprint and platform id (two credentials
 * never share an entry; nothing a client controls is part of a key), NOT_FOUND answers briefly, and
 * upstream list pages. Freshness is judged by each value's own fetch times against the injected clock.
 */
import { createHash } from 'node:crypto';
import type { CacheSettings } from '../config/cache';
import type { PlatformCode, Product } from '../generated/graphql';
import { hasFieldIssues } from '../platforms/fieldIssues';
import { currentUsage } from '../platforms/requestUsage';
import type { ListedPage, ProductSelection } from '../platforms/types';
import { asCacheEntry, CACHE_FORMAT, mergeFetched, type CacheEntry, type FreshnessPolicy } from './cacheEntry';
import type { BatchSizeEstimate, TieredStore } from './tieredStore';

interface CachedPage {
  v: typeof CACHE_FORMAT;
  at: number;
  page: ListedPage;
}

export class EntityCache {
  private readonly policies = new Map<PlatformCode, FreshnessPolicy>();
  /** How long a product entry is kept at most: its slowest class's bound plus the stale allowances. */
  private readonly retentionMs: number;

  constructor(
    private readonly settings: CacheSettings,
    private readonly store: TieredStore,
    readonly now: () => number,
  ) {
    const slowest = Math.max(...Object.values(settings.freshness).flatMap((bounds) => Object.values(bounds)));
    this.retentionMs = slowest + Math.max(settings.staleWhileRevalidateMs, settings.staleIfErrorMs);
  }

  /** Read before fetching, handed to the writes: see TieredStore.epoch. */
  epoch(): number {
    return this.store.epoch;
  }

  policyFor(platform: PlatformCode): FreshnessPolicy {
    let policy = this.policies.get(platform);
    if (!policy) {
      const { freshness, staleWhileRevalidateMs, staleIfErrorMs, notFoundMs } = this.settings;
      policy = { bounds: freshness[platform], staleWhileRevalidateMs, staleIfErrorMs, notFoundMs };
      this.policies.set(platform, policy);
    }
    return policy;
  }

  /** The store keys of a platform's `ids` under one credential, computed once per batch for its reads and writes. */
  keys(platform: PlatformCode, fingerprint: string, ids: readonly string[]): string[] {
    const prefix = `e|${platform}|${fingerprint}|`;
    const keys = new Array<string>(ids.length);
    for (let i = 0; i < ids.length; i++) keys[i] = prefix + ids[i]!;
    return keys;
  }

  /** The entries of `keys` (undefined where none, or where a stored value is not a current entry). */
  async read(keys: readonly string[]): Promise<Array<CacheEntry | undefined>> {
    const values = await this.store.getMany(keys, this.retentionMs);
    const entries = new Array<CacheEntry | undefined>(values.length);
    for (let i = 0; i < values.length; i++) entries[i] = values[i] === undefined ? undefined : asCacheEntry(values[i]);
    return entries;
  }

  /**
   * `epoch`: this.epoch() before the fetch began. A product with a value its mapper could not map is
   * not kept: the error travels on the mapped objects (src/platforms/fieldIssues.ts), which an entry
   * does not carry, and a cache must never turn that error into a plain null. Nor is one the store
   * would not keep (a full memory tier admits a key on its second miss: src/cache/admission.ts).
   */
  writeProduct(
    key: string,
    previous: CacheEntry | undefined,
    product: Product,
    selection: ProductSelection,
    epoch: number,
    now: number = this.now(),
    /** Shared by the entries of one batch (see BatchSizeEstimate). */
    sizes?: BatchSizeEstimate,
  ): void {
    if (epoch !== this.store.epoch || hasFieldIssues(product) || !this.store.accepts(key)) return;
    const entry = mergeFetched(previous, product, selection, now);
    this.store.set(key, entry, this.retentionMs, epoch, now, sizes);
  }

  writeNotFound(key: string, epoch: number, now: number = this.now()): void {
    this.store.set(key, { v: CACHE_FORMAT, notFoundAt: now }, this.settings.notFoundMs, epoch, now);
  }

  /** A list page fetched within CACHE_LISTING_MS, if any. `identity` names the stream, filter, selection and page. */
  async readPage(platform: PlatformCode, fingerprint: string, identity: string): Promise<ListedPage | undefined> {
    const [value] = await this.store.getMany([pageKey(platform, fingerprint, identity)], this.settings.listingMs);
    const cached = value as CachedPage | undefined;
    if (cached?.v !== CACHE_FORMAT || typeof cached.at !== 'number' || !Array.isArray(cached.page?.products)) return undefined;
    if (this.now() - cached.at > this.settings.listingMs) return undefined;
    currentUsage()?.recordFreshUntil(cached.at + this.settings.listingMs);
    return cached.page;
  }

  /** A page with a product whose mapper recorded a field issue is not kept (see writeProduct). */
  writePage(platform: PlatformCode, fingerprint: string, identity: string, page: ListedPage, epoch: number): void {
    if (page.products.some(hasFieldIssues)) return currentUsage()?.recordFreshUntil(0);
    const at = this.now();
    currentUsage()?.recordFreshUntil(at + this.settings.listingMs);
    this.store.set(pageKey(platform, fingerprint, identity), { v: CACHE_FORMAT, at, page }, this.settings.listingMs, epoch);
  }

  /** Forgets a platform's entries (of every credential), only those of `ids` when given, and its list pages. */
  async purge(platform: PlatformCode, ids?: readonly string[]): Promise<{ memory: number; redis: number | null }> {
    const entities = await this.store.deletePrefix(`e|${platform}|`, ids);
    const pages = await this.store.deletePrefix(`l|${platform}|`);
    return {
      memory: entities.memory + pages.memory,
      redis: entities.redis === null || pages.redis === null ? null : entities.redis + pages.redis,
    };
  }
}

function pageKey(platform: PlatformCode, fingerprint: string, identity: string): string {
  return `l|${platform}|${fingerprint}|${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}`;
}
