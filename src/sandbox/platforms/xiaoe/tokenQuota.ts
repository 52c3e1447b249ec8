/**
 * The token endpoint's own quota (100 calls per 10 minutes per app_id, docs/platforms.md, "Xiaoe-tech: quota"),
 * kept apart from the business calls' 3000 per 10 s. Fixed windows on the sandbox clock; the core's
 * `POST /__sandbox/reset` clears them through the module's `reset()`.
 */
export interface TokenQuota {
  /** Counts a call; true when it is over the quota. */
  hit(appId: string, nowMs: number): boolean;
  reset(): void;
}

interface Window {
  startMs: number;
  count: number;
}

export function createTokenQuota(limit: number, windowMs: number): TokenQuota {
  const windows = new Map<string, Window>();
  return {
    hit(appId, nowMs) {
      let window = windows.get(appId);
      if (!window || nowMs >= window.startMs + windowMs || nowMs < window.startMs) {
        window = { startMs: nowMs, count: 0 };
        windows.set(appId, window);
      }
      window.count += 1;
      return window.count > limit;
    },
    reset: () => windows.clear(),
  };
}
