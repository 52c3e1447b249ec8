/**
 * Everything one running sandbox holds besides its catalogs: the clock, tokens, rate limits, faults,
 * counters and request log, and the timers of delayed answers (cleared on close).
 */
import { FaultEngine } from './faults';
import { merchantNames } from './merchantNames';
import { SANDBOX_PLATFORMS } from './platforms';
import { createRateLimiter, type ResettableRateLimiter } from './rateLimits';
import { RequestLog } from './requestLog';
import { createSandboxTokens, type ResettableTokens } from './tokens';
import type { FaultRule, PlatformSandbox, ResolvedSandboxOptions, SandboxContext, SandboxPlatformName } from './types';

export class SandboxState {
  /** Added to the wall clock by `POST /__sandbox/clock`, so tests can expire tokens without waiting. */
  clockOffsetMs = 0;
  /** `http://host:port`, known once the server listens. */
  url = '';
  readonly log = new RequestLog();
  readonly faults: FaultEngine;
  readonly tokens: ResettableTokens;
  readonly rateLimits: ResettableRateLimiter;
  readonly ctx: SandboxContext;
  readonly platforms: ReadonlyMap<string, PlatformSandbox>;
  /** `default`, then `m2`, ...: the merchants every platform serves. */
  readonly merchants: readonly string[];
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(options: ResolvedSandboxOptions, platforms: readonly PlatformSandbox[], faultSeed: number, faults: readonly FaultRule[]) {
    const now = (): number => Date.now() + this.clockOffsetMs;
    this.tokens = createSandboxTokens(now, { ttlSeconds: options.tokenTtlSeconds, overlapSeconds: options.tokenOverlapSeconds });
    this.rateLimits = createRateLimiter(now, fullRateLimits(options));
    this.faults = new FaultEngine(faultSeed, faults);
    this.ctx = { now, tokens: this.tokens, rateLimits: this.rateLimits, options };
    this.platforms = indexPlatforms(platforms);
    this.merchants = merchantNames(options.merchants);
  }

  baseUrls(): Record<SandboxPlatformName, string> {
    return Object.fromEntries(SANDBOX_PLATFORMS.map((name) => [name, `${this.url}/${name}`])) as Record<SandboxPlatformName, string>;
  }

  /**
   * `POST /__sandbox/reset`: counters, log, tokens, windows, faults' spent counts and the clock; data
   * (patched products included) and the rate limits in force stay.
   */
  reset(): void {
    this.log.reset();
    this.tokens.reset();
    this.rateLimits.reset();
    this.faults.reset();
    for (const platform of this.platforms.values()) platform.reset?.();
    this.clockOffsetMs = 0;
  }

  /** Resolves after `ms`, or never once the sandbox closes (its connections are destroyed then). */
  delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      if (this.closed) return;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

function fullRateLimits(options: ResolvedSandboxOptions): Record<SandboxPlatformName, { limit: number; windowMs: number }> {
  return Object.fromEntries(
    SANDBOX_PLATFORMS.map((name) => {
      const limit = options.rateLimits[name];
      if (!limit) throw new TypeError(`resolved sandbox options lack rateLimits.${name}`);
      return [name, limit];
    }),
  ) as Record<SandboxPlatformName, { limit: number; windowMs: number }>;
}

function indexPlatforms(platforms: readonly PlatformSandbox[]): Map<string, PlatformSandbox> {
  const byName = new Map<string, PlatformSandbox>();
  for (const platform of platforms) {
    if (!SANDBOX_PLATFORMS.includes(platform.name)) throw new TypeError(`unknown sandbox platform ${JSON.stringify(platform.name)}`);
    if (byName.has(platform.name)) throw new TypeError(`sandbox platform ${platform.name} given twice`);
    byName.set(platform.name, platform);
  }
  return byName;
}
