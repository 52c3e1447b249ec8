/**
 * One platform product as the entity cache holds it: the normalized product, the selection paths it
 * holds, and when each was fetched. A NOT_FOUND answer is held as its own small entry. Entries are
 * plain JSON so the Redis tier can share them; anything read back that is not a current entry is a miss.
 */
import type { FreshnessBounds } from '../config/cache';
import type { Product } from '../generated/graphql';
import type { ProductSelection } from '../platforms/types';
import { fieldClassOf } from './fieldClass';

/** Bumped whenever the entry shape or the Product model changes: older entries become misses. */
export const CACHE_FORMAT = 1;

export type CacheEntry = CachedProduct | CachedNotFound;

export interface CachedProduct {
  v: typeof CACHE_FORMAT;
  product: Product;
  /** Epoch ms each held selection path was fetched. */
  fetchedAt: Record<string, number>;
}

export interface CachedNotFound {
  v: typeof CACHE_FORMAT;
  notFoundAt: number;
}

export interface FreshnessPolicy {
  bounds: FreshnessBounds;
  staleWhileRevalidateMs: number;
  staleIfErrorMs: number;
  notFoundMs: number;
}

/** What an entry can do for a lookup of `selection` now. */
export type Verdict =
  /** `freshUntil`: when the first selected class stops being fresh (Infinity: identity fields only). */
  | { kind: 'fresh'; product: Product; freshUntil: number }
  | { kind: 'notFound'; freshUntil: number }
  | { kind: 'stale'; product: Product; ageMs: number }
  | { kind: 'miss'; fallback?: { product: Product; ageMs: number } };

const MISS: Verdict = { kind: 'miss' };

export function judge(entry: CacheEntry | undefined, selection: ProductSelection, now: number, policy: FreshnessPolicy): Verdict {
  if (!entry) return MISS;
  if ('notFoundAt' in entry)
    return now - entry.notFoundAt <= policy.notFoundMs ? { kind: 'notFound', freshUntil: entry.notFoundAt + policy.notFoundMs } : MISS;
  let overdue = Number.NEGATIVE_INFINITY;
  let oldest = now;
  for (const path of selection) {
    const fieldClass = fieldClassOf(path);
    if (fieldClass === null) continue;
    const at = entry.fetchedAt[path];
    if (at === undefined) return MISS;
    oldest = Math.min(oldest, at);
    overdue = Math.max(overdue, now - at - policy.bounds[fieldClass]);
  }
  const ageMs = Math.max(0, now - oldest);
  if (overdue <= 0) return { kind: 'fresh', product: entry.product, freshUntil: now - overdue };
  if (overdue <= policy.staleWhileRevalidateMs) return { kind: 'stale', product: entry.product, ageMs };
  return overdue <= policy.staleIfErrorMs ? { kind: 'miss', fallback: { product: entry.product, ageMs } } : MISS;
}

/**
 * The entry after fetching `selection` of a product at `now`. Fields the fetch selected replace the
 * held ones (a Product field is replaced whole, with every held path below it); the others are kept
 * with their own fetch times.
 */
export function mergeFetched(previous: CacheEntry | undefined, product: Product, selection: ProductSelection, now: number): CachedProduct {
  const replaced = fieldsOf(selection);
  if (!previous || !('product' in previous))
    return { v: CACHE_FORMAT, product: pick(product, replaced), fetchedAt: fetchedAtOnce(selection, now) };
  const fetchedAt: Record<string, number> = {};
  // Only identity and the fields held are kept: an unselected field (`raw` above all) is not data the
  // entry vouches for, and it would only cost memory and serialization.
  const merged = pick(product, replaced) as unknown as Record<string, unknown>;
  const kept = previous.product as unknown as Record<string, unknown>;
  for (const [path, at] of Object.entries(previous.fetchedAt)) {
    const field = fieldOfPath(path);
    if (replaced.has(field)) continue;
    fetchedAt[path] = at;
    merged[field] = kept[field];
  }
  for (const path of selection) fetchedAt[path] = now;
  return { v: CACHE_FORMAT, product: merged as unknown as Product, fetchedAt };
}

/** The shortest freshness bound of the classes `selection` touches; Infinity for identity fields only. */
export function shortestBound(selection: ProductSelection, bounds: FreshnessBounds): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (const path of selection) {
    const fieldClass = fieldClassOf(path);
    if (fieldClass !== null) shortest = Math.min(shortest, bounds[fieldClass]);
  }
  return shortest;
}

/** Identity and `fields` of a product. */
function pick(product: Product, fields: ReadonlySet<string>): Product {
  const source = product as unknown as Record<string, unknown>;
  const picked: Record<string, unknown> = { id: product.id, platform: product.platform, platformProductId: product.platformProductId };
  for (const field of fields) picked[field] = source[field];
  return picked as unknown as Product;
}

const lastFetchedAt = new WeakMap<ProductSelection, { at: number; fetchedAt: Record<string, number> }>();

/**
 * `{path: at}` for every path of `selection`. Entries are never changed in place (a merge builds new
 * ones), so the entries one call writes share one such record.
 */
function fetchedAtOnce(selection: ProductSelection, at: number): Record<string, number> {
  const last = lastFetchedAt.get(selection);
  if (last?.at === at) return last.fetchedAt;
  const fetchedAt: Record<string, number> = {};
  for (const path of selection) fetchedAt[path] = at;
  lastFetchedAt.set(selection, { at, fetchedAt });
  return fetchedAt;
}

const fieldSets = new WeakMap<ProductSelection, ReadonlySet<string>>();

/** The Product fields a selection touches (computed once per selection object). */
function fieldsOf(selection: ProductSelection): ReadonlySet<string> {
  let fields = fieldSets.get(selection);
  if (!fields) {
    fields = new Set([...selection].map(fieldOfPath));
    fieldSets.set(selection, fields);
  }
  return fields;
}

function fieldOfPath(path: string): string {
  const dot = path.indexOf('.');
  return dot < 0 ? path : path.slice(0, dot);
}

/** The selection an entry holds (what a background refresh fetches again). */
export function heldSelection(entry: CachedProduct): ProductSelection {
  return new Set(Object.keys(entry.fetchedAt));
}

/** A value read back from a store, if it is an entry of the current format; anything else is a miss. */
export function asCacheEntry(value: unknown): CacheEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Record<string, unknown>;
  if (entry.v !== CACHE_FORMAT) return undefined;
  if (typeof entry.notFoundAt === 'number') return entry as unknown as CachedNotFound;
  const product = entry.product as Record<string, unknown> | undefined;
  const fetchedAt = entry.fetchedAt as Record<string, unknown> | undefined;
  if (typeof product !== 'object' || product === null || typeof product.platformProductId !== 'string') return undefined;
  if (typeof fetchedAt !== 'object' || fetchedAt === null || !Object.values(fetchedAt).every((at) => typeof at === 'number'))
    return undefined;
  return entry as unknown as CachedProduct;
}
