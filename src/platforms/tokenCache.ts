import { createHash, randomUUID } from 'node:crypto';
import type { PlatformCode } from '../generated/graphql';
import { GatewayReason, StaleTokenError, UpstreamError } from './errors';
/**
 * Access tokens (Xiaoe, WeChat, the Xiaohongshu mini-program): fetched lazily, cached per credential
 * until shortly before expiry, one fetch in flight per credential however many requests want it
 * (single flight), and refreshed once when a call finds its token stale.
 *
 * With a shared tier (Redis, several replicas; docs/deployment.md) memory stays the first tier, and a
 * fetch goes through the shared one: a token another replica stored is adopted, otherwise one replica
 * takes the credential's refresh lock and fetches while the others wait for its token. The shared tier
 * unavailable: each replica fetches on its own, as without one.
 */

export interface IssuedToken {
  token: string;
  /** Seconds the platform says the token lives. */
  expiresInSeconds: number;
}

interface Entry {
  token: string;
  /** Epoch ms after which the cached token is not handed out any more. */
  refreshAt: number;
}

export interface TokenCacheOptions {
  /** Refresh this long before the platform's expiry. Default 5 minutes, capped at half the lifetime. */
  refreshAheadMs?: number;
  /**
   * How long a refusal of the credentials themselves (UPSTREAM_AUTH from the token endpoint) is
   * answered from memory, so a wrong secret does not hammer a token endpoint that has its own quota
   * (Xiaoe: 100 calls per 10 minutes). Default 30 s.
   */
  failureTtlMs?: number;
  now?: () => number;
  /**
   * Tokens, refresh locks and refusals shared by every replica, and the platform the gateway's own
   * refusals (quota spent, waited too long) name; none: this process alone.
   */
  shared?: { tier: SharedTokenTier; platform: PlatformCode } | undefined;
  /**
   * The token endpoint's own quota per credential (Xiaoe: 100 calls per 10 minutes), counted across
   * replicas by the shared tier; a fetch beyond it is refused with UPSTREAM_RATE_LIMITED.
   */
  endpointQuota?: { limit: number; windowMs: number };
  /** How long a replica may hold a credential's refresh lock before another may take it. Default 10 s. */
  lockTtlMs?: number;
}

/** What the shared tier answers when asked for a credential's token (`acquire`). */
export type SharedTokenAnswer =
  /** A token other than the stale one, and how long it stays fresh. */
  | { kind: 'token'; token: string; freshForMs: number }
  /** This caller holds the refresh lock now: it fetches, then `store`s the token or `release`s the lock. */
  | { kind: 'locked' }
  /** Another replica holds the lock: ask again shortly. */
  | { kind: 'wait' }
  /** The credentials were refused recently (on any replica). */
  | { kind: 'failed'; error: UpstreamError }
  /** The endpoint's shared quota is spent for `retryAfterMs`. */
  | { kind: 'limited'; retryAfterMs: number };

/** The shared side of the token cache (sharedTokens.ts keeps it in Redis). Undefined: unavailable now. */
export interface SharedTokenTier {
  /**
   * The credential's token unless it is `staleToken` (or expired); else its refresh lock for `lockTtlMs`
   * under `lockId`, counting one fetch against `quota` when it takes the lock.
   */
  acquire(
    key: string,
    request: { staleToken: string; lockId: string; lockTtlMs: number; quota?: { limit: number; windowMs: number } | undefined },
  ): Promise<SharedTokenAnswer | undefined>;
  /** Stores the fetched token for `freshForMs` and releases the lock if `lockId` still holds it. */
  store(key: string, token: string, freshForMs: number, lockId: string): Promise<void>;
  /** Releases the lock if `lockId` holds it, remembering `error` for `ttlMs` when it is a refusal of the credentials. */
  release(key: string, lockId: string, refusal?: { error: UpstreamError; ttlMs: number }): Promise<void>;
}

/** How often a replica waiting for another's refresh asks the shared tier again. */
const SHARED_POLL_MS = 25;

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly failures = new Map<string, { error: UpstreamError; until: number }>();
  private readonly refreshAheadMs: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;
  private readonly shared: TokenCacheOptions['shared'];
  private readonly endpointQuota: TokenCacheOptions['endpointQuota'];
  private readonly lockTtlMs: number;

  constructor(options: TokenCacheOptions = {}) {
    this.refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
    this.shared = options.shared;
    this.endpointQuota = options.endpointQuota;
    this.lockTtlMs = options.lockTtlMs ?? 10_000;
  }

  /**
   * The cached token for `key`, or a fresh one from `fetchToken` (shared by concurrent callers).
   * `deadline` (epoch ms) bounds a wait for another replica's refresh.
   */
  get(key: string, fetchToken: () => Promise<IssuedToken>, deadline?: number): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && this.now() < entry.refreshAt) return Promise.resolve(entry.token);
    return this.fetchOnce(key, '', fetchToken, deadline);
  }

  /**
   * A call was refused with a StaleTokenError: forget it and fetch a new one, unless another caller has
   * already replaced it (then that newer token is returned, without another fetch).
   */
  refresh(key: string, staleToken: string, fetchToken: () => Promise<IssuedToken>, deadline?: number): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && entry.token !== staleToken && this.now() < entry.refreshAt) return Promise.resolve(entry.token);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    this.entries.delete(key);
    return this.fetchOnce(key, staleToken, fetchToken, deadline);
  }

  private fetchOnce(
    key: string,
    staleToken: string,
    fetchToken: () => Promise<IssuedToken>,
    deadline: number | undefined,
  ): Promise<string> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const failure = this.failures.get(key);
    if (failure && this.now() < failure.until) return Promise.reject(failure.error);
    const promise = (this.shared ? this.fetchShared(this.shared, key, staleToken, fetchToken, deadline) : this.fetchHere(key, fetchToken))
      .catch((raw: unknown) => {
        // A "stale access_token" answer cannot be about a token being fetched: no refresh loop.
        const err = raw instanceof StaleTokenError ? raw.upstream : raw;
        if (isRefusal(err)) this.failures.set(key, { error: err, until: this.now() + this.failureTtlMs });
        throw err;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** Fetches in this process and caches the token here. */
  private async fetchHere(key: string, fetchToken: () => Promise<IssuedToken>): Promise<string> {
    return (await this.fetchFresh(key, fetchToken)).token;
  }

  /** As fetchHere, also telling how long the token stays fresh. */
  private async fetchFresh(key: string, fetchToken: () => Promise<IssuedToken>): Promise<{ token: string; freshForMs: number }> {
    const { token, expiresInSeconds } = await fetchToken();
    const lifetimeMs = Math.max(0, expiresInSeconds * 1000);
    const freshForMs = lifetimeMs - Math.min(this.refreshAheadMs, lifetimeMs / 2);
    this.adopt(key, token, freshForMs);
    return { token, freshForMs };
  }

  private adopt(key: string, token: string, freshForMs: number): string {
    this.entries.set(key, { token, refreshAt: this.now() + freshForMs });
    this.failures.delete(key);
    return token;
  }

  /**
   * Through the shared tier: adopt its token, or fetch under its lock, or wait for the replica holding
   * the lock (until `deadline`; the lock's expiry lets another replica take over from one that died).
   * Whenever the shared tier does not answer, fetch here as a single process would.
   */
  private async fetchShared(
    { tier, platform }: { tier: SharedTokenTier; platform: PlatformCode },
    key: string,
    staleToken: string,
    fetchToken: () => Promise<IssuedToken>,
    deadline: number | undefined,
  ): Promise<string> {
    const lockId = randomUUID();
    for (;;) {
      const answer = await tier.acquire(key, { staleToken, lockId, lockTtlMs: this.lockTtlMs, quota: this.endpointQuota });
      if (answer === undefined) return this.fetchHere(key, fetchToken);
      switch (answer.kind) {
        case 'token':
          return this.adopt(key, answer.token, answer.freshForMs);
        case 'failed':
          throw answer.error;
        case 'limited':
          throw new UpstreamError({
            platform,
            code: 'UPSTREAM_RATE_LIMITED',
            reason: GatewayReason.QuotaPacing,
            detail: "the token endpoint's quota is spent",
            retryAfterMs: answer.retryAfterMs,
          });
        case 'locked':
          try {
            const { token, freshForMs } = await this.fetchFresh(key, fetchToken);
            await tier.store(key, token, freshForMs, lockId);
            return token;
          } catch (raw) {
            const err = raw instanceof StaleTokenError ? raw.upstream : raw;
            await tier.release(key, lockId, isRefusal(err) ? { error: err, ttlMs: this.failureTtlMs } : undefined);
            throw err;
          }
        case 'wait':
          if (deadline !== undefined && Date.now() + SHARED_POLL_MS >= deadline) {
            throw new UpstreamError({
              platform,
              code: 'UPSTREAM_TIMEOUT',
              reason: GatewayReason.Deadline,
              detail: "waiting for another replica's token refresh",
            });
          }
          await new Promise((resolve) => setTimeout(resolve, SHARED_POLL_MS));
      }
    }
  }
}

function isRefusal(err: unknown): err is UpstreamError {
  return err instanceof UpstreamError && err.code === 'UPSTREAM_AUTH';
}

/**
 * Runs `call` with the cached token; when the platform says the token is stale (a StaleTokenError),
 * refreshes once (single flight) and retries once. Never loops: a second stale answer is its
 * UpstreamError, so the internal signal never leaves this function. `deadline` (epoch ms) bounds a wait
 * for another replica's refresh.
 */
export async function callWithToken<T>(
  cache: TokenCache,
  key: string,
  fetchToken: () => Promise<IssuedToken>,
  call: (token: string) => Promise<T>,
  deadline?: number,
): Promise<T> {
  const token = await cache.get(key, fetchToken, deadline);
  try {
    return await call(token);
  } catch (err) {
    if (!(err instanceof StaleTokenError)) throw err;
    const fresh = await cache.refresh(key, token, fetchToken, deadline);
    return call(fresh).catch((again: unknown) => {
      throw again instanceof StaleTokenError ? again.upstream : again;
    });
  }
}

/**
 * The cache key of a credential: its public ids and a digest of its secret, so a corrected secret
 * neither gets the refusal nor the token cached for the previous one. The secret itself never enters
 * a key (keys may show up in logs and health reports).
 */
export function tokenCacheKey(ids: readonly string[], secret: string): string {
  const digest = createHash('sha256').update(secret).digest('base64url').slice(0, 16);
  return [...ids, digest].join('\u0000');
}
