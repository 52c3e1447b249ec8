/**
 * Client budgets in upstream calls: one token bucket per client, `limit` calls deep, refilled at
 * `restorePerSecond`. Behind an interface so a shared store (Redis, for several replicas) can take the
 * in-memory one's place; every method is async for that reason.
 */
export interface BudgetPolicy {
  /** Calls the bucket holds when full. */
  limit: number;
  /** Calls restored per second. */
  restorePerSecond: number;
}

export interface BudgetReservation {
  granted: boolean;
  /** Calls left in the bucket after this reservation (unchanged when refused). */
  remaining: number;
  /** When refused: how long until the bucket holds enough. 0 when granted. */
  retryAfterMs: number;
}

export interface BudgetStore {
  /** Takes `calls` from the bucket `key` if it holds that many; otherwise takes nothing. */
  reserve(key: string, calls: number, policy: BudgetPolicy): Promise<BudgetReservation>;
  /**
   * Settles a reservation: gives back `calls` (negative: charges that many more, so the bucket may go
   * below zero), never above the limit. Resolves to the calls left.
   */
  settle(key: string, calls: number, policy: BudgetPolicy): Promise<number>;
}

interface Bucket {
  calls: number;
  at: number;
}

/** Buckets beyond which full ones are dropped (a full bucket is the same as none). */
const SWEEP_AT = 10_000;

export class MemoryBudgetStore implements BudgetStore {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number = Date.now) {}

  async reserve(key: string, calls: number, policy: BudgetPolicy): Promise<BudgetReservation> {
    const bucket = this.refilled(key, policy);
    if (bucket.calls >= calls) {
      bucket.calls -= calls;
      return { granted: true, remaining: bucket.calls, retryAfterMs: 0 };
    }
    const retryAfterMs = Math.ceil(((calls - bucket.calls) / policy.restorePerSecond) * 1000);
    return { granted: false, remaining: bucket.calls, retryAfterMs };
  }

  async settle(key: string, calls: number, policy: BudgetPolicy): Promise<number> {
    const bucket = this.refilled(key, policy);
    bucket.calls = Math.min(policy.limit, bucket.calls + calls);
    return bucket.calls;
  }

  private refilled(key: string, policy: BudgetPolicy): Bucket {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(policy);
      this.buckets.set(key, (bucket = { calls: policy.limit, at: now }));
    }
    bucket.calls = Math.min(policy.limit, bucket.calls + ((now - bucket.at) / 1000) * policy.restorePerSecond);
    bucket.at = now;
    return bucket;
  }

  private sweep(policy: BudgetPolicy): void {
    const now = this.now();
    for (const [key, b] of this.buckets) {
      if (b.calls + ((now - b.at) / 1000) * policy.restorePerSecond >= policy.limit) this.buckets.delete(key);
    }
  }
}
