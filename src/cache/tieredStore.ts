/**
 * JSON values in two tiers: an in-process LRU bounded by bytes (lru-cache), and Redis when configured,
 * shared by every gateway instance. Reads try memory, then Redis in one round trip for all the keys
 * memory lacks (promoting what it finds); writes go to both. Once memory is full, a key new to it is
 * kept there only on its second miss (src/cache/admission.ts); Redis takes every write. Retention is by
 * the injected clock in memory and by TTLs set in Redis. A value Redis hands back that does not parse
 * is a miss.
 */
import { LRUCache } from 'lru-cache';
import { hasRoom, MissSketch, shouldAdmit } from './admission';
import { CACHE_FORMAT } from './cacheEntry';
import type { RedisConnection } from '../redis/redisConnection';

interface Stored {
  value: unknown;
  /** Bytes it is charged in the memory bound. */
  size: number;
  expiresAt: number;
}

export interface TieredStoreOptions {
  maxBytes: number;
  /** Misses remembered for admission to a full memory tier (see MissSketch); default 65,536. */
  admissionSample?: number;
  redis: RedisConnection | null;
  /** Redis keys are `<keyPrefix>:v<format>:<key>`, so an incompatible release never reads them. */
  keyPrefix: string;
  now: () => number;
}

export class TieredStore {
  private readonly memory: LRUCache<string, Stored>;
  private readonly misses: MissSketch;
  private readonly redisPrefix: string;

  private readonly purgeChannel: string;
  /** Purges seen so far (this instance's and, over Redis, the others'). */
  private purgeCount = 0;

  constructor(private readonly options: TieredStoreOptions) {
    this.memory = new LRUCache<string, Stored>({ maxSize: options.maxBytes, sizeCalculation: (stored) => stored.size });
    this.misses = new MissSketch(options.admissionSample ?? 1 << 16);
    this.redisPrefix = `${options.keyPrefix}:v${CACHE_FORMAT}:`;
    this.purgeChannel = `${this.redisPrefix}purge`;
    // A purge on any instance empties every instance's memory tier too.
    options.redis?.subscribe(this.purgeChannel, (message) => {
      const purge = parse(message) as { prefix?: unknown; ids?: unknown } | undefined;
      if (typeof purge?.prefix !== 'string') return;
      const ids = Array.isArray(purge.ids) && purge.ids.every((id) => typeof id === 'string') ? purge.ids : undefined;
      this.forget(purge.prefix, ids);
    });
  }

  /**
   * One value per key, in order; undefined where neither tier has a live one. What Redis has is kept
   * in memory for `promoteTtlMs` (callers judge freshness by the value's own times either way).
   */
  async getMany(keys: readonly string[], promoteTtlMs: number): Promise<unknown[]> {
    const now = this.options.now();
    const values = new Array<unknown>(keys.length);
    const redis = this.options.redis;
    let missing: string[] | undefined;
    for (let i = 0; i < keys.length; i++) {
      const stored = this.memory.get(keys[i]!);
      if (stored && stored.expiresAt > now) {
        values[i] = stored.value;
        continue;
      }
      if (!hasRoom(this.memory)) this.misses.recordMiss(keys[i]!);
      if (redis) (missing ??= []).push(this.redisPrefix + keys[i]!);
    }
    if (!redis || !missing) return values;
    const found = await redis.getMany(missing);
    if (!found) return values;
    let j = 0;
    keys.forEach((key, i) => {
      if (values[i] !== undefined) return;
      const text = found[j++];
      const value = text ? parse(text) : undefined;
      if (value !== undefined) {
        values[i] = value;
        if (this.admits(key)) this.remember(key, value, text!.length, now + promoteTtlMs);
      }
    });
    return values;
  }

  /**
   * Stores `value` unless a purge came since `epoch` (see `epoch`); `now` is the caller's reading of
   * the clock. A value written with others of its batch shares their size estimate (`sizes`).
   */
  set(key: string, value: unknown, ttlMs: number, epoch: number, now: number = this.options.now(), sizes?: BatchSizeEstimate): void {
    if (epoch !== this.purgeCount) return;
    const redis = this.options.redis;
    const toMemory = this.admits(key);
    // Serialized only for Redis; the memory tier estimates the size.
    const text = redis ? serialize(value) : undefined;
    if (toMemory) this.remember(key, value, text?.length ?? (sizes ? sizes.of(value) : approximateJsonLength(value)), now + ttlMs);
    if (redis && text !== undefined) redis.set(this.redisPrefix + key, text, ttlMs);
  }

  /**
   * Whether a write of `key` would be kept anywhere: in memory (it is held there already, or admitted:
   * see src/cache/admission.ts), or in Redis. A writer asks first to skip building a value for nothing.
   */
  accepts(key: string): boolean {
    return this.options.redis !== null || this.admits(key);
  }

  /** Deletes the keys starting with `prefix` (and, when `ids` are given, ending in one of them). */
  async deletePrefix(prefix: string, ids?: readonly string[]): Promise<{ memory: number; redis: number | null }> {
    const memory = this.forget(prefix, ids);
    const redis = this.options.redis;
    if (!redis) return { memory, redis: null };
    await redis.publish(this.purgeChannel, JSON.stringify({ prefix, ids }));
    const base = escapeGlob(this.redisPrefix + prefix);
    let deleted = 0;
    for (const pattern of ids ? ids.map((id) => `${base}*|${escapeGlob(id)}`) : [`${base}*`]) {
      const n = await redis.delete([], pattern);
      if (n === undefined) return { memory, redis: null };
      deleted += n;
    }
    return { memory, redis: deleted };
  }

  /**
   * Changes with every purge. A writer reads it before fetching and passes it to `set`: a value fetched
   * before a purge is not stored after it (it may be what the purge was for).
   */
  get epoch(): number {
    return this.purgeCount;
  }

  /** Deletes the matching keys from memory only; how many. */
  private forget(prefix: string, ids?: readonly string[]): number {
    this.purgeCount++;
    let deleted = 0;
    for (const key of [...this.memory.keys()]) {
      if (key.startsWith(prefix) && (!ids || ids.some((id) => key.endsWith(`|${id}`)))) {
        this.memory.delete(key);
        deleted++;
      }
    }
    return deleted;
  }

  private admits(key: string): boolean {
    return this.memory.has(key) || shouldAdmit(this.misses, key, this.memory);
  }

  private remember(key: string, value: unknown, textLength: number, expiresAt: number): void {
    // A JS object takes about twice its JSON's length in memory (UTF-16 strings, object headers).
    const size = Math.max(1, textLength * 2);
    if (size <= this.options.maxBytes) this.memory.set(key, { value, size, expiresAt });
  }
}

/** Of a batch's values, one in this many is walked for the size estimate. */
const WALK_EVERY = 8;

/**
 * The byte estimate of a batch of alike values (the entries of one upstream call's products, one
 * selection): one value in WALK_EVERY is walked, the others are charged the mean of those walked so
 * far. The memory bound is on the sum, which this keeps, and only one miss in 8 pays for a walk (about
 * 2 µs of CPU for an S2 product with its SKUs: bench/README.md, "Cache-miss path").
 */
export class BatchSizeEstimate {
  private seen = 0;
  private walked = 0;
  private total = 0;

  of(value: unknown): number {
    if (this.seen++ % WALK_EVERY === 0) {
      this.total += approximateJsonLength(value);
      this.walked++;
    }
    return Math.round(this.total / this.walked);
  }
}

/**
 * About the length of `JSON.stringify(value)`, without building it. A list of more than three objects
 * (SKUs, attributes, a page's products) counts as its length times the mean of three of its items
 * (first, middle, last): items of one list are alike, and walking three instead of all keeps the
 * estimate a small part of a write, which every miss makes (bench/README.md, "Cache-miss path").
 */
function approximateJsonLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value !== 'object' || value === null) return 8;
  if (Array.isArray(value)) {
    const items = value as unknown[];
    const n = items.length;
    const first: unknown = items[0];
    if (n > 3 && typeof first === 'object' && first !== null) {
      const sample = approximateJsonLength(first) + approximateJsonLength(items[n >> 1]) + approximateJsonLength(items[n - 1]);
      return 2 + Math.round(n * (sample / 3 + 1));
    }
    let length = 2;
    for (const item of items) length += approximateJsonLength(item) + 1;
    return length;
  }
  let length = 2;
  for (const key in value) length += key.length + 4 + approximateJsonLength((value as Record<string, unknown>)[key]);
  return length;
}

/** JSON text, or undefined for a value JSON cannot hold (a bigint): then it stays in memory only. */
function serialize(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}
