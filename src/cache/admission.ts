/**
 * Admission to a full in-memory cache, after TinyLFU's doorkeeper (Einziger, Friedman and Manes,
 * "TinyLFU: A Highly Efficient Cache Admission Policy", 2017): once an LRU is full, a key new to it is
 * kept only if it was missed at least twice lately. Without it, every key asked once (a crawler walking
 * the catalog, a stream of one-off ids) evicts an entry that is asked again and again, and each such
 * write costs the entry's building, an eviction and the collector's promotion of an object that then
 * dies old (bench/README.md, "Cache-miss path"). Keys asked again are admitted on their second miss.
 *
 * Misses are counted once the LRU is full (before, every key is admitted), in a count-min sketch: 4
 * counters per key in a byte array, the smallest of them the key's count (never below its true count;
 * above it only when all 4 collide). Every
 * `sampleSize` misses all counters are halved, so the counts describe the recent past (TinyLFU's
 * aging); a key missed once is forgotten within `sampleSize` misses of others.
 */

/** Counters per key sampled: 16 keeps the chance that a new key looks missed before near 0.2%. */
const COUNTERS_PER_SAMPLE = 16;
const MAX_COUNT = 15;

export class MissSketch {
  private readonly counters: Uint8Array;
  private readonly mask: number;
  private misses = 0;

  constructor(private readonly sampleSize: number) {
    let length = 1;
    while (length < sampleSize * COUNTERS_PER_SAMPLE) length *= 2;
    this.counters = new Uint8Array(length);
    this.mask = length - 1;
  }

  /** Counts one miss of `key`. */
  recordMiss(key: string): void {
    const [h1, h2] = hashes(key);
    const counters = this.counters;
    for (let i = 0; i < 4; i++) {
      const at = (h1 + i * h2) & this.mask;
      if (counters[at]! < MAX_COUNT) counters[at]!++;
    }
    if (++this.misses >= this.sampleSize) this.age();
  }

  /** How many times `key` was missed lately (up to 15). */
  missesOf(key: string): number {
    const [h1, h2] = hashes(key);
    let count = MAX_COUNT;
    for (let i = 0; i < 4; i++) count = Math.min(count, this.counters[(h1 + i * h2) & this.mask]!);
    return count;
  }

  private age(): void {
    const counters = this.counters;
    for (let i = 0; i < counters.length; i++) counters[i]! >>= 1;
    this.misses = 0;
  }
}

/** The part of an lru-cache bounded by size that admission reads. */
export interface SizedLru {
  calculatedSize: number;
  size: number;
  maxSize: number;
}

/**
 * Whether one more entry of the mean size fits without an eviction. While it does, every key is
 * admitted, so misses need not be counted (a miss's hash is skipped on the hot path until then).
 */
export function hasRoom({ calculatedSize, size, maxSize }: SizedLru): boolean {
  return size === 0 || calculatedSize + calculatedSize / size <= maxSize;
}

/** Admission of `key` to `lru`: always while it has room, else only when the key was missed twice lately. */
export function shouldAdmit(sketch: MissSketch, key: string, lru: SizedLru): boolean {
  return hasRoom(lru) || sketch.missesOf(key) >= 2;
}

const pair: [number, number] = [0, 0];

/** Two 32-bit hashes of a string in one pass (FNV-1a and a multiplicative one), for double hashing. */
function hashes(key: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 + c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  pair[0] = h1 >>> 0;
  // Odd, so the 4 positions differ whatever the array's (power-of-two) length.
  pair[1] = (h2 | 1) >>> 0;
  return pair;
}
