/**
 * How the gateway reaches one platform, as the configuration resolved it (src/config/ builds these
 * from the environment and the platform descriptors; tests build them by hand).
 */

/** A quota of `limit` calls per `windowMs`. */
export interface Quota {
  limit: number;
  windowMs: number;
}

export interface PlatformSettings {
  /** Where the platform is reached: its real host, or the embedded sandbox's prefix for it. */
  baseUrl: string;
  /** Served by the embedded sandbox. */
  sandbox: boolean;
  /** Per upstream attempt. */
  timeoutMs: number;
  /** The quota calls are paced to, per credential; null where none is documented or configured. */
  quota: Quota | null;
  /** Retries and circuit breaking; DEFAULT_RESILIENCE where absent (settings built by hand in tests). */
  resilience?: ResilienceSettings;
}

/** Per platform, from `<PREFIX>_RETRY_*` and `<PREFIX>_BREAKER_*` (docs/resilience.md). */
export interface ResilienceSettings {
  /** Attempts in all for a transient failure (1 = no retry). `<PREFIX>_RETRY_ATTEMPTS`, default 3. */
  retryAttempts: number;
  /** Backoff ceiling of the first retry, doubled each time, full jitter. `<PREFIX>_RETRY_BASE_MS`, default 100. */
  retryBaseDelayMs: number;
  /** Cap of one backoff (a platform's retry-after hint may exceed it). `<PREFIX>_RETRY_MAX_MS`, default 1000. */
  retryMaxDelayMs: number;
  /** Attempts in the rolling window before the breaker may open. `<PREFIX>_BREAKER_MIN_CALLS`, default 5. */
  breakerMinCalls: number;
  /** Share of failed attempts (percent) that opens it. `<PREFIX>_BREAKER_ERROR_PERCENT`, default 50. */
  breakerErrorPercent: number;
  /** Time open before one probe is let through. `<PREFIX>_BREAKER_RESET_MS`, default 5000. */
  breakerResetMs: number;
  /** Rolling window of the failure statistics. `<PREFIX>_BREAKER_WINDOW_MS`, default 10000. */
  breakerWindowMs: number;
}

export const DEFAULT_RESILIENCE: Readonly<ResilienceSettings> = {
  retryAttempts: 3,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 1_000,
  breakerMinCalls: 5,
  breakerErrorPercent: 50,
  breakerResetMs: 5_000,
  breakerWindowMs: 10_000,
};
