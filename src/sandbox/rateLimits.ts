/**
 * Per platform and credential call quotas, as fixed windows: the first call opens a window of
 * `windowMs`; calls beyond `limit` inside it are refused until it ends. Fixed windows are what the
 * platforms describe ("3000 calls per 10 s", "this ban will last for N more seconds"), and cost O(1).
 */
import type { RateLimit, SandboxPlatformName, SandboxRateLimiter } from './types';

export type { RateLimit };

export interface ResettableRateLimiter extends SandboxRateLimiter {
  reset(): void;
  /** The limits in force, per platform. */
  limits(): Record<SandboxPlatformName, RateLimit>;
  /** Replaces a platform's limit (undefined: back to its initial one) and clears its open windows. */
  set(platform: SandboxPlatformName, limit: RateLimit | undefined): void;
}

interface Window {
  startedAt: number;
  calls: number;
}

export function createRateLimiter(now: () => number, initial: Readonly<Record<SandboxPlatformName, RateLimit>>): ResettableRateLimiter {
  const windows = new Map<string, Window>();
  const limits: Record<SandboxPlatformName, RateLimit> = { ...initial };

  function hit(platform: SandboxPlatformName, credentialKey: string): { retryAfterSeconds: number } | undefined {
    const { limit, windowMs } = limits[platform];
    const at = now();
    const key = `${platform}\0${credentialKey}`;
    let window = windows.get(key);
    if (!window || at >= window.startedAt + windowMs || at < window.startedAt) {
      window = { startedAt: at, calls: 0 };
      windows.set(key, window);
    }
    if (window.calls >= limit) {
      return { retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + windowMs - at) / 1000)) };
    }
    window.calls += 1;
    return undefined;
  }

  function set(platform: SandboxPlatformName, limit: RateLimit | undefined): void {
    limits[platform] = limit ? { limit: limit.limit, windowMs: limit.windowMs } : initial[platform];
    const prefix = `${platform}\0`;
    for (const key of windows.keys()) if (key.startsWith(prefix)) windows.delete(key);
  }

  return { hit, reset: () => windows.clear(), limits: () => ({ ...limits }), set };
}
