/**
 * Entity cache and coalescing settings (issue 10), from the environment. Each default is
 * documented in the README's configuration section.
 */
import type { PlatformCode } from '../generated/graphql';

export type FieldClass = 'stock' | 'price' | 'status' | 'content';

/** How long each class of fields stays fresh, in ms. */
export type FreshnessBounds = Readonly<Record<FieldClass, number>>;

export const DEFAULT_FRESHNESS: FreshnessBounds = { stock: 15_000, price: 60_000, status: 60_000, content: 600_000 };

export interface CacheSettings {
  /** `CACHE` on (default) or off; coalescing stays either way. */
  enabled: boolean;
  /** `CACHE_MAX_MB` (default 64): the in-memory tier's bound. */
  maxBytes: number;
  /** `CACHE_FRESH_<CLASS>_MS`, overridden per platform by `<P>_CACHE_FRESH_<CLASS>_MS`. */
  freshness: Readonly<Record<PlatformCode, FreshnessBounds>>;
  /** `CACHE_SWR_MS` (default 30000): how long past its bound a stale entry is served while one refresh runs. */
  staleWhileRevalidateMs: number;
  /** `CACHE_STALE_IF_ERROR_MS` (default 600000): how long past its bound a stale entry is served when upstream fails. */
  staleIfErrorMs: number;
  /** `CACHE_NOT_FOUND_MS` (default 30000): how long a NOT_FOUND answer is remembered. */
  notFoundMs: number;
  /** `CACHE_LISTING_MS` (default 30000): how long an upstream list page is reused. */
  listingMs: number;
  /**
   * `RESPONSE_CACHE` on (default while CACHE is on) or off: whole answers kept for repeated reads, never
   * past the freshness of what they hold; `RESPONSE_CACHE_MAX_MB` (default 16) bounds them.
   */
  answers: { enabled: boolean; maxBytes: number };
  /** `BATCH_WINDOW_MS` (default 0): added wait before a lookup call with nothing ahead of it goes out. */
  batchWindowMs: number;
  /** `CACHE_REFRESH_GATHER_MS` (default 1000): how long a background refresh call gathers other stale ids. */
  refreshGatherMs: number;
}

type Env = Record<string, string | undefined>;
type Fail = (variable: string, problem: string) => Error;

const CLASSES: readonly FieldClass[] = ['stock', 'price', 'status', 'content'];
/** Node fires a timer of more than 2^31-1 ms at once. */
const MAX_MS = 2_147_483_647;

/** `prefixes`: each platform's variable prefix (TAOBAO, XIAOE, WECHAT, XHS_ARK, XHS_MINIAPP). */
export function readCacheSettings(env: Env, prefixes: Readonly<Record<PlatformCode, string>>, fail: Fail): CacheSettings {
  const read = (name: string, fallback: number, min = 0, max = MAX_MS): number => readInt(env, name, fallback, min, max, fail);
  const cache = (env.CACHE ?? 'on').trim().toLowerCase();
  if (!['on', 'off'].includes(cache)) throw fail('CACHE', `must be "on" or "off", got "${env.CACHE}"`);
  const answers = (env.RESPONSE_CACHE ?? 'on').trim().toLowerCase();
  if (!['on', 'off'].includes(answers)) throw fail('RESPONSE_CACHE', `must be "on" or "off", got "${env.RESPONSE_CACHE}"`);
  const global = Object.fromEntries(CLASSES.map((c) => [c, read(`CACHE_FRESH_${c.toUpperCase()}_MS`, DEFAULT_FRESHNESS[c])])) as Record<
    FieldClass,
    number
  >;
  const freshness = Object.fromEntries(
    Object.entries(prefixes).map(([code, prefix]) => [
      code,
      Object.fromEntries(CLASSES.map((c) => [c, read(`${prefix}_CACHE_FRESH_${c.toUpperCase()}_MS`, global[c])])),
    ]),
  ) as Record<PlatformCode, FreshnessBounds>;
  return {
    enabled: cache === 'on',
    maxBytes: read('CACHE_MAX_MB', 64, 1, 1 << 20) * 1024 * 1024,
    freshness,
    staleWhileRevalidateMs: read('CACHE_SWR_MS', 30_000),
    staleIfErrorMs: read('CACHE_STALE_IF_ERROR_MS', 600_000),
    notFoundMs: read('CACHE_NOT_FOUND_MS', 30_000),
    listingMs: read('CACHE_LISTING_MS', 30_000),
    answers: { enabled: cache === 'on' && answers === 'on', maxBytes: read('RESPONSE_CACHE_MAX_MB', 16, 1, 1 << 20) * 1024 * 1024 },
    batchWindowMs: read('BATCH_WINDOW_MS', 0, 0, 1_000),
    refreshGatherMs: read('CACHE_REFRESH_GATHER_MS', 1_000, 0, 10_000),
  };
}

function readInt(env: Env, name: string, fallback: number, min: number, max: number, fail: Fail): number {
  const value = env[name]?.trim();
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max)
    throw fail(name, `must be an integer from ${min} to ${max}, got "${env[name]}"`);
  return Number(value);
}
