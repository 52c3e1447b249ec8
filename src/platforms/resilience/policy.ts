/** The resilience policy of one platform, from its validated settings. */
import { DEFAULT_RESILIENCE, type PlatformSettings, type Quota } from '../platformSettings';
import type { GuardPolicy } from './upstreamGuard';

/**
 * A quota of `limit` calls per `windowMs` as a token bucket that can never exceed it in any window:
 * a burst of a tenth of the limit, then a steady rate that fills the rest of the window.
 */
export function bucketForQuota(quota: Quota): { ratePerSecond: number; burst: number; windowMs: number } {
  const burst = Math.max(1, Math.floor(quota.limit / 10));
  const steady = Math.max(1, quota.limit - burst);
  return { ratePerSecond: (steady * 1000) / quota.windowMs, burst, windowMs: quota.windowMs };
}

/** The least time worth starting an attempt with (cut to the attempt timeout when that is shorter). */
export const MIN_ATTEMPT_MS = 100;

export function guardPolicyFor(settings: PlatformSettings): GuardPolicy {
  const r = settings.resilience ?? DEFAULT_RESILIENCE;
  return {
    attemptTimeoutMs: settings.timeoutMs,
    minAttemptMs: Math.min(MIN_ATTEMPT_MS, settings.timeoutMs),
    retry: { attempts: r.retryAttempts, baseDelayMs: r.retryBaseDelayMs, maxDelayMs: r.retryMaxDelayMs },
    quota: settings.quota ? bucketForQuota(settings.quota) : null,
    breaker: {
      errorThresholdPercentage: r.breakerErrorPercent,
      volumeThreshold: r.breakerMinCalls,
      resetTimeoutMs: r.breakerResetMs,
      rollingWindowMs: r.breakerWindowMs,
    },
  };
}
