/**
 * Quota pacing for one platform credential: a token bucket kept as GCRA (generic cell rate algorithm:
 * one "theoretical arrival time" instead of a token count and a timer). Callers are not refused when
 * the bucket is empty: they are told how long to wait for their slot, and only refused when that slot
 * is beyond their deadline. A platform's "you are limited for N s" pauses the bucket.
 *
 * Over any window W the bucket lets through at most `burst + ratePerSecond * W` calls, so quotas are
 * configured with `burst + rate * window <= limit` (see policy.ts).
 */
export interface TokenBucketOptions {
  ratePerSecond: number;
  burst: number;
  now?: () => number;
}

export type Reservation = { ok: true; waitMs: number } | { ok: false; retryAfterMs: number };

/**
 * What the guard paces a credential's calls with: this local bucket, or the bucket shared by every
 * replica through Redis (sharedPacer.ts), which answers after a round trip.
 */
export interface QuotaPacer {
  /** The next slot if it comes before `deadline` (epoch ms); the caller waits `waitMs`. */
  reserve(deadline: number): Reservation | Promise<Reservation>;
  /** A slot only if one is free now (background work stays behind callers that wait). */
  reserveIdle(): Reservation | Promise<Reservation>;
  /** The platform said "limited for `ms`": no slot starts before then (once the promise, if any, settles). */
  pause(ms: number): void | Promise<void>;
}

export class TokenBucket implements QuotaPacer {
  private readonly intervalMs: number;
  private readonly burstMs: number;
  private readonly now: () => number;
  /** When the bucket would be empty again if no one else came (GCRA's theoretical arrival time). */
  private tat = 0;
  private pausedUntil = 0;

  constructor(options: TokenBucketOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) throw new RangeError('TokenBucket needs ratePerSecond > 0 and burst >= 1');
    this.intervalMs = 1000 / options.ratePerSecond;
    this.burstMs = (options.burst - 1) * this.intervalMs;
    this.now = options.now ?? Date.now;
  }

  /** Reserves the next slot if it comes before `deadline` (epoch ms); the caller waits `waitMs`. */
  reserve(deadline: number): Reservation {
    const now = this.now();
    const startAt = Math.max(now, this.pausedUntil, this.tat - this.burstMs);
    if (startAt > deadline) return { ok: false, retryAfterMs: Math.ceil(startAt - now) };
    this.tat = Math.max(this.tat, startAt) + this.intervalMs;
    return { ok: true, waitMs: startAt - now };
  }

  /**
   * Reserves a slot only if one is free now, without queueing: how work of low priority (a background
   * refresh) stays behind every caller that waits. Returns how long until one might be free otherwise.
   */
  reserveIdle(): Reservation {
    const now = this.now();
    const startAt = Math.max(now, this.pausedUntil, this.tat - this.burstMs);
    if (startAt > now) return { ok: false, retryAfterMs: Math.ceil(startAt - now) };
    this.tat = Math.max(this.tat, startAt) + this.intervalMs;
    return { ok: true, waitMs: 0 };
  }

  /** The platform said "limited for `ms`": no slot starts before then. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
  }
}
