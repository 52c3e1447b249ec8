/**
 * Everything that stands between an adapter and one upstream call: quota pacing (a token bucket per
 * credential), a circuit breaker per endpoint (opossum), a per-attempt timeout cut to the request's
 * remaining time, and retries of transient failures with jittered exponential backoff. Adapters wrap
 * each upstream call in `run`; they stay free of all of it.
 */
import CircuitBreaker from 'opossum';
import type { PlatformCode } from '../../generated/graphql';
import { GatewayReason, StaleTokenError, UpstreamError, shownToClients, type UpstreamErrorCode } from '../errors';
import { currentUsage } from '../requestUsage';
import { backoffDelay, sleep } from './backoff';
import { ObservedAttempt, type AttemptListener } from './observedAttempt';
import { takePrepaidTurn } from './prepaidTurn';
import { SharedPacer } from './sharedPacer';
import { TokenBucket, type QuotaPacer, type Reservation } from './tokenBucket';
import type { RedisConnection } from '../../redis/redisConnection';

export interface GuardPolicy {
  /** Per attempt; cut to what is left of the request's deadline. */
  attemptTimeoutMs: number;
  /**
   * No attempt starts with less than this left before the deadline (default 0): a call that cannot be
   * answered in time would only spend quota and upstream work for nothing.
   */
  minAttemptMs?: number;
  /** Attempts in all (1 = no retry), and the backoff between them. */
  retry: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  /**
   * Calls per second and burst per credential, and the quota's window where known (policy.ts); null = no
   * pacing (a platform's ban still pauses calls).
   */
  quota: { ratePerSecond: number; burst: number; windowMs?: number } | null;
  breaker: { errorThresholdPercentage: number; volumeThreshold: number; resetTimeoutMs: number; rollingWindowMs: number };
}

export interface GuardedCall {
  /** The endpoint (one breaker each), e.g. `product/spu/get`. */
  endpoint: string;
  /** Whose quota the call spends (app key, app id). */
  credentialKey: string;
  /** Epoch ms by which the client must have its answer. */
  deadline: number;
  /** `token` for an access-token fetch (counted as a token refresh); default `call`. */
  purpose?: 'call' | 'token' | undefined;
  /** Ids the call carries, for traces and debug logs. */
  idCount?: number | undefined;
}

export type BreakerState = 'closed' | 'open' | 'halfOpen';

/** Quota pacing shared by the replicas through Redis (REDIS_URL), and how many share it (REPLICAS). */
export interface SharedQuota {
  redis: RedisConnection;
  /** While Redis does not answer, each replica paces to quota / replicas on its own. */
  replicas: number;
}

export interface UpstreamGuardOptions {
  /** Backoff jitter's source (tests fix it). */
  random?: () => number;
  /** Absent or null: each credential's bucket is this process's alone. */
  sharedQuota?: SharedQuota | null;
}

export interface GuardStatus {
  breakers: Record<string, BreakerState>;
  /** `upstreamCode` as clients see it in `extensions` (shownToClients). */
  lastError: { at: string; endpoint: string; code: UpstreamErrorCode; upstreamCode?: string } | null;
}

/** Failures that say the upstream is unwell; a refusal of our request (auth, argument, quota) is not one. */
const BREAKER_FAILURES: ReadonlySet<UpstreamErrorCode> = new Set(['UPSTREAM_TIMEOUT', 'UPSTREAM_UNAVAILABLE', 'UPSTREAM_BAD_RESPONSE']);

type Thunk = () => Promise<unknown>;

/** No pacing, only the platform's own "limited for N s" pauses. */
const UNLIMITED = { ratePerSecond: Number.POSITIVE_INFINITY, burst: 1 };

export class UpstreamGuard {
  private readonly breakers = new Map<string, CircuitBreaker<[Thunk], unknown>>();
  private readonly pacers = new Map<string, QuotaPacer>();
  private lastError: GuardStatus['lastError'] = null;
  private readonly minAttemptMs: number;
  private readonly listeners = new Set<AttemptListener>();
  private readonly random: () => number;

  constructor(
    readonly platform: PlatformCode,
    private readonly policy: GuardPolicy,
    private readonly options: UpstreamGuardOptions = {},
  ) {
    this.minAttemptMs = policy.minAttemptMs ?? 0;
    this.random = options.random ?? Math.random;
  }

  async run<T>(call: GuardedCall, attempt: (timeoutMs: number) => Promise<T>): Promise<T> {
    const breaker = this.breakerFor(call.endpoint);
    let previous: UpstreamError | undefined;
    for (let n = 1; ; n++) {
      const observed = new ObservedAttempt(this.listeners, this.platform, call, n);
      const queuedAt = performance.now();
      let waitedBefore = 0;
      try {
        waitedBefore = await this.pace(call);
      } catch (err) {
        throw observed.end(err);
      } finally {
        observed.quotaWaitMs = performance.now() - queuedAt + waitedBefore;
      }
      const remaining = call.deadline - Date.now();
      if (remaining <= 0 || remaining < this.minAttemptMs) {
        throw observed.end(
          this.remember(call, new UpstreamError({ platform: this.platform, code: 'UPSTREAM_TIMEOUT', reason: GatewayReason.Deadline })),
        );
      }
      try {
        const value = (await breaker.fire(() => {
          currentUsage()?.countUpstreamCall(this.platform);
          observed.markSent();
          return attempt(Math.min(this.policy.attemptTimeoutMs, remaining));
        })) as T;
        observed.end();
        return value;
      } catch (raw) {
        observed.end(raw);
        if (raw instanceof StaleTokenError) {
          // Not retried here: the token layer around the guard refreshes the token and repeats the call.
          this.remember(call, raw.upstream);
          throw raw;
        }
        const err = this.remember(call, this.toUpstreamError(raw));
        // The breaker opened between our own retries: the upstream's failure says more than "open".
        if (previous && err.reason === GatewayReason.CircuitOpen) throw previous;
        previous = err;
        if (err.code === 'UPSTREAM_RATE_LIMITED' && err.retryAfterMs) await this.pacerFor(call.credentialKey).pause(err.retryAfterMs);
        if (!err.retryable || n >= this.policy.retry.attempts) throw err;
        const delay = backoffDelay(n, this.policy.retry.baseDelayMs, this.policy.retry.maxDelayMs, err.retryAfterMs ?? 0, this.random);
        if (Date.now() + delay + this.minAttemptMs >= call.deadline) throw err;
        await sleep(delay);
      }
    }
  }

  /** Calls `listener` after every attempt (sent or refused before sending); returns the unsubscribe. */
  observe(listener: AttemptListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** Stops the breakers' rolling-window timers (the gateway's close). */
  close(): void {
    for (const breaker of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  status(): GuardStatus {
    const breakers: Record<string, BreakerState> = {};
    for (const [endpoint, b] of this.breakers) breakers[endpoint] = b.opened ? 'open' : b.halfOpen ? 'halfOpen' : 'closed';
    return { breakers, lastError: this.lastError };
  }

  /**
   * Reserves the credential's next quota slot for a call sent later with its `prepaidTurn`
   * (src/coalescing/). `request`: the slot comes before `deadline` or not at all; `background`: only a
   * slot free right now, so background work never queues ahead of a caller that waits.
   */
  reserveTurn(credentialKey: string, deadline: number, priority: 'request' | 'background'): Reservation | Promise<Reservation> {
    const pacer = this.pacerFor(credentialKey);
    return priority === 'background' ? pacer.reserveIdle() : pacer.reserve(deadline - this.minAttemptMs);
  }

  /** The refusal of a call whose quota slot comes after its deadline. */
  quotaRefusal(retryAfterMs: number): UpstreamError {
    return new UpstreamError({
      platform: this.platform,
      code: 'UPSTREAM_RATE_LIMITED',
      reason: GatewayReason.QuotaPacing,
      retryable: true,
      retryAfterMs,
    });
  }

  /**
   * Waits for the credential's next quota slot, or refuses when it comes after the deadline. Resolves
   * to the time already waited elsewhere for a slot reserved ahead (src/coalescing/), else 0.
   */
  private async pace(call: GuardedCall): Promise<number> {
    const prepaid = takePrepaidTurn(this.platform);
    if (prepaid !== undefined) return prepaid;
    const reservation = await this.pacerFor(call.credentialKey).reserve(call.deadline - this.minAttemptMs);
    if (!reservation.ok) throw this.quotaRefusal(reservation.retryAfterMs);
    await sleep(reservation.waitMs);
    return 0;
  }

  private toUpstreamError(raw: unknown): UpstreamError {
    if (raw instanceof UpstreamError) return raw;
    if (raw instanceof Error && (raw as { code?: string }).code === 'EOPENBREAKER') {
      return new UpstreamError({
        platform: this.platform,
        code: 'UPSTREAM_UNAVAILABLE',
        reason: GatewayReason.CircuitOpen,
        retryAfterMs: this.policy.breaker.resetTimeoutMs,
      });
    }
    throw raw; // a bug in the adapter: let it surface as an internal error
  }

  /** The upstream's last failure, for /readyz; the breaker's own refusals are not one. */
  private remember(call: GuardedCall, err: UpstreamError): UpstreamError {
    if (err.reason === GatewayReason.CircuitOpen) return err;
    const { upstreamCode } = shownToClients(err);
    this.lastError = { at: new Date().toISOString(), endpoint: call.endpoint, code: err.code, ...(upstreamCode ? { upstreamCode } : {}) };
    return err;
  }

  private breakerFor(endpoint: string): CircuitBreaker<[Thunk], unknown> {
    let breaker = this.breakers.get(endpoint);
    if (!breaker) {
      const { errorThresholdPercentage, volumeThreshold, resetTimeoutMs, rollingWindowMs } = this.policy.breaker;
      breaker = new CircuitBreaker((thunk: Thunk) => thunk(), {
        timeout: false, // each attempt has its own HTTP timeout
        errorThresholdPercentage,
        volumeThreshold,
        resetTimeout: resetTimeoutMs,
        rollingCountTimeout: rollingWindowMs,
        errorFilter: (err: unknown) => !(err instanceof UpstreamError && BREAKER_FAILURES.has(err.code)),
      });
      this.breakers.set(endpoint, breaker);
    }
    return breaker;
  }

  /**
   * Every credential gets a pacer, even on a platform with no quota to pace to (an unlimited rate):
   * its pause still holds every call back while the platform says "limited for N s" (Taobao code 7).
   * With a shared quota it is the replicas' common bucket, with this replica's share as its fallback.
   */
  private pacerFor(credentialKey: string): QuotaPacer {
    let pacer = this.pacers.get(credentialKey);
    if (!pacer) {
      const rate = this.policy.quota ?? UNLIMITED;
      const shared = this.options.sharedQuota;
      if (shared) {
        const sharedRate = withJitterAllowance(rate, SEND_JITTER_MS + shared.redis.timeoutMs);
        pacer = new SharedPacer(
          shared.redis,
          this.platform,
          credentialKey,
          sharedRate,
          new TokenBucket(shareOf(sharedRate, shared.replicas)),
        );
      } else {
        pacer = new TokenBucket(withJitterAllowance(rate, SEND_JITTER_MS));
      }
      this.pacers.set(credentialKey, pacer);
    }
    return pacer;
  }
}

/**
 * How much closer together than their slots a process's own calls may reach the platform: a call
 * leaves when the event loop gets to it, then crosses a network whose transit time varies. Seen on a
 * loaded 2-core machine: calls bunched by tens of milliseconds made a fixed 1 s window of the sandbox
 * see its limit plus one. Costs 5% of a 1 s window's calls, 0.5% of a 10 s window's.
 */
const SEND_JITTER_MS = 50;

/**
 * The rate of a bucket whose calls leave from several processes: a call goes out when its replica has
 * the reply (at most `jitterMs`, REDIS_TIMEOUT_MS, after Redis gave the slot) and its event loop gets to
 * it, so calls of one window may arrive up to `jitterMs` closer together than their slots. The steady
 * rate fills the quota's window stretched by that much, so no window of the platform's sees more than
 * its limit.
 */
export function withJitterAllowance(
  rate: { ratePerSecond: number; burst: number; windowMs?: number },
  jitterMs: number,
): { ratePerSecond: number; burst: number } {
  if (rate.windowMs === undefined) return rate;
  return { ratePerSecond: (rate.ratePerSecond * rate.windowMs) / (rate.windowMs + jitterMs), burst: rate.burst };
}

/** One replica's share of a bucket: its rate and burst divided by `replicas` (a burst of at least 1). */
export function shareOf(rate: { ratePerSecond: number; burst: number }, replicas: number): { ratePerSecond: number; burst: number } {
  return { ratePerSecond: rate.ratePerSecond / replicas, burst: Math.max(1, Math.floor(rate.burst / replicas)) };
}
