import { createHash } from 'node:crypto';
import { StaleTokenError, UpstreamError } from './errors';
/**
 * Access tokens (Xiaoe, WeChat, the Xiaohongshu mini-program): fetched lazily, cached per credential
 * until shortly before expiry, one fetch in flight per credential however many requests want it
 * (single flight), and refreshed once when a call finds its token stale.
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
}

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<string>>();
  private readonly failures = new Map<string, { error: UpstreamError; until: number }>();
  private readonly refreshAheadMs: number;
  private readonly failureTtlMs: number;
  private readonly now: () => number;

  constructor(options: TokenCacheOptions = {}) {
    this.refreshAheadMs = options.refreshAheadMs ?? 5 * 60_000;
    this.failureTtlMs = options.failureTtlMs ?? 30_000;
    this.now = options.now ?? Date.now;
  }

  /** The cached token for `key`, or a fresh one from `fetchToken` (shared by concurrent callers). */
  get(key: string, fetchToken: () => Promise<IssuedToken>): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && this.now() < entry.refreshAt) return Promise.resolve(entry.token);
    return this.fetchOnce(key, fetchToken);
  }

  /**
   * A call was refused with a StaleTokenError: forget it and fetch a new one, unless another caller has
   * already replaced it (then that newer token is returned, without another fetch).
   */
  refresh(key: string, staleToken: string, fetchToken: () => Promise<IssuedToken>): Promise<string> {
    const entry = this.entries.get(key);
    if (entry && entry.token !== staleToken && this.now() < entry.refreshAt) return Promise.resolve(entry.token);
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    this.entries.delete(key);
    return this.fetchOnce(key, fetchToken);
  }

  private fetchOnce(key: string, fetchToken: () => Promise<IssuedToken>): Promise<string> {
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const failure = this.failures.get(key);
    if (failure && this.now() < failure.until) return Promise.reject(failure.error);
    const promise = fetchToken()
      .then(({ token, expiresInSeconds }) => {
        const lifetimeMs = Math.max(0, expiresInSeconds * 1000);
        const ahead = Math.min(this.refreshAheadMs, lifetimeMs / 2);
        this.entries.set(key, { token, refreshAt: this.now() + lifetimeMs - ahead });
        this.failures.delete(key);
        return token;
      })
      .catch((raw: unknown) => {
        // A "stale access_token" answer cannot be about a token being fetched: no refresh loop.
        const err = raw instanceof StaleTokenError ? raw.upstream : raw;
        if (err instanceof UpstreamError && err.code === 'UPSTREAM_AUTH')
          this.failures.set(key, { error: err, until: this.now() + this.failureTtlMs });
        throw err;
      })
      .finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }
}

/**
 * Runs `call` with the cached token; when the platform says the token is stale (a StaleTokenError),
 * refreshes once (single flight) and retries once. Never loops: a second stale answer is its
 * UpstreamError, so the internal signal never leaves this function.
 */
export async function callWithToken<T>(
  cache: TokenCache,
  key: string,
  fetchToken: () => Promise<IssuedToken>,
  call: (token: string) => Promise<T>,
): Promise<T> {
  const token = await cache.get(key, fetchToken);
  try {
    return await call(token);
  } catch (err) {
    if (!(err instanceof StaleTokenError)) throw err;
    const fresh = await cache.refresh(key, token, fetchToken);
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
