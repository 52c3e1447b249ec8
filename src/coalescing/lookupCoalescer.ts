/**
 * The cross-request coalescing layer: one LookupDispatcher per platform and credential fingerprint,
 * built on first use. It sits between the platforms and the per-request loaders, which still
 * deduplicate within an operation and feed it their batches.
 */
import type { PlatformCode } from '../generated/graphql';
import type { PlatformRegistry } from '../platforms/registry';
import type { PlatformAdapter } from '../platforms/types';
import { credentialFingerprint } from './credentialFingerprint';
import { LookupDispatcher } from './lookupDispatcher';

export interface LookupCoalescerOptions {
  /** BATCH_WINDOW_MS: added wait before a call with nothing ahead of it goes out (default 0). */
  windowMs: number;
  /** CACHE_REFRESH_GATHER_MS: how long a background refresh call gathers ids before it goes out. */
  backgroundGatherMs: number;
}

/**
 * Calls one credential may have in flight or queued for quota, per `maxConcurrentCalls` of one
 * operation's batch: a few operations' worth, so a burst queues (and coalesces) instead of fanning out.
 */
const IN_FLIGHT_PER_CONCURRENT_CALL = 4;

export class LookupCoalescer {
  private readonly dispatchers = new Map<string, LookupDispatcher>();

  constructor(
    private readonly registry: PlatformRegistry,
    private readonly options: LookupCoalescerOptions = { windowMs: 0, backgroundGatherMs: 0 },
  ) {}

  /** The dispatcher of a platform's lookups with these credentials (the adapter must have `lookup`). */
  dispatcherFor(platform: PlatformCode, credentials: unknown): LookupDispatcher {
    const key = `${platform}\u0000${credentialFingerprint(platform, credentials)}`;
    let dispatcher = this.dispatchers.get(key);
    if (!dispatcher) {
      dispatcher = this.build(platform, credentials);
      this.dispatchers.set(key, dispatcher);
    }
    return dispatcher;
  }

  private build(platform: PlatformCode, credentials: unknown): LookupDispatcher {
    const entry = this.registry.get(platform)!;
    const adapter = entry.adapter as PlatformAdapter<unknown>;
    const lookup = adapter.lookup!.bind(adapter);
    const quotaKey = adapter.quotaKey?.(credentials);
    const { maxIdsPerCall, maxConcurrentCalls } = adapter.capabilities;
    return new LookupDispatcher({
      platform,
      lookup: (ids, selection, deadline) => lookup(ids, selection, { credentials, deadline }),
      maxIds: maxIdsPerCall ?? 1,
      maxInFlight: maxConcurrentCalls * IN_FLIGHT_PER_CONCURRENT_CALL,
      windowMs: this.options.windowMs,
      backgroundGatherMs: this.options.backgroundGatherMs,
      ...(quotaKey !== undefined ? { reserveTurn: (deadline, priority) => entry.guard.reserveTurn(quotaKey, deadline, priority) } : {}),
      quotaRefusal: (retryAfterMs) => entry.guard.quotaRefusal(retryAfterMs),
    });
  }
}
