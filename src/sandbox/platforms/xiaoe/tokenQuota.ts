/**
 * The token endpoint's own quota (100 calls per 10 minutes per app_id, upstream-protocols.md §2), kept
 * apart from the business calls' 3000 per 10 s. Fixed windows on the sandbox clock.
 *
 * `POST /__sandbox/reset` must clear these windows too, or a test suite that resets between tests would
 * run out of token calls. The core's reset does not reach platform modules, so a window also ends when
 * the last token it issued is no longer known to the sandbox's token store ('invalid' rather than
 * 'expired': only a reset forgets a client's newest token). Only calls with valid credentials are
 * counted, so every counted window has such a token. `reset()` clears the windows directly.
 */
export interface TokenQuota {
  /** Counts a call; true when it is over the quota. `isForgotten` asks the token store about a token. */
  hit(appId: string, nowMs: number, isForgotten: (token: string) => boolean): boolean;
  /** Remembers the token just issued to `appId`. */
  issued(appId: string, token: string): void;
  reset(): void;
}

interface Window {
  startMs: number;
  count: number;
  lastToken?: string;
}

export function createTokenQuota(limit: number, windowMs: number): TokenQuota {
  const windows = new Map<string, Window>();
  return {
    hit(appId, nowMs, isForgotten) {
      let window = windows.get(appId);
      const over = window && (nowMs >= window.startMs + windowMs || nowMs < window.startMs);
      if (!window || over || (window.lastToken !== undefined && isForgotten(window.lastToken))) {
        window = { startMs: nowMs, count: 0 };
        windows.set(appId, window);
      }
      window.count += 1;
      return window.count > limit;
    },
    issued(appId, token) {
      const window = windows.get(appId);
      if (window) window.lastToken = token;
    },
    reset: () => windows.clear(),
  };
}
