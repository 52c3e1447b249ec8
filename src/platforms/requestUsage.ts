/**
 * What one GraphQL request spent upstream and was served from shared state, wherever in the layers
 * below the resolvers that happened. The server opens a scope per request (`runWithUsage`); the
 * upstream guard counts every attempt it sends, the cache layers count what they served. Cost
 * reporting, budgets, logs and metrics read it; nothing here is client-controlled.
 *
 * It travels in an AsyncLocalStorage so that a count lands on the request whose work sent the call,
 * without threading a parameter through every adapter. Work that serves no request (a background
 * refresh) runs in `runDetached` and is charged to none.
 *
 * This is the process's one AsyncLocalStorage on a request's path: in Node 20 every enabled store adds
 * a hook call and a copied property to every promise the process makes (`bench/asyncContext.bench.ts`),
 * so what else travels with a request's work (its id for logs, a quota slot reserved ahead of a call,
 * src/platforms/resilience/prepaidTurn.ts) rides in the same store object instead of a store of its own.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PlatformCode } from '../generated/graphql';

export class RequestUsage {
  /** Upstream attempts sent for this request (retries and token calls included: each spends quota). */
  readonly upstreamCalls = new Map<PlatformCode, number>();
  /** Lookups answered from the entity cache, fresh or stale. */
  cacheHits = 0;
  /** Lookups the cache could not answer. */
  cacheMisses = 0;
  /** Of the hits, those served stale (past their freshness bound). */
  cacheStale = 0;
  /**
   * Epoch ms (cache clock) at which the first cached thing this request served or stored stops being
   * fresh: the bound of a whole-answer cache entry. Undefined when nothing recorded any (nothing cached
   * was touched); 0 when something was read past the cache.
   */
  freshUntil: number | undefined = undefined;

  /** `requestId`: the request's id as logged, so the debug lines of its upstream attempts name it. */
  constructor(readonly requestId: string | null = null) {}

  countUpstreamCall(platform: PlatformCode): void {
    this.upstreamCalls.set(platform, (this.upstreamCalls.get(platform) ?? 0) + 1);
  }

  /** Lowers `freshUntil` to `at` (0: what was served cannot be cached). */
  recordFreshUntil(at: number): void {
    if (this.freshUntil === undefined || at < this.freshUntil) this.freshUntil = at;
  }

  get totalUpstreamCalls(): number {
    let total = 0;
    for (const n of this.upstreamCalls.values()) total += n;
    return total;
  }
}

/** A quota slot of `platform` reserved ahead of the call sent in this scope, taken once by the guard. */
export interface PrepaidTurn {
  platform: PlatformCode;
  used: boolean;
  /** How long the call waited for this slot before it was sent (for the guard's quota-wait figures). */
  waitedMs: number;
}

interface RequestScope {
  /** Undefined: work on behalf of no request. */
  readonly usage: RequestUsage | undefined;
  readonly turn: PrepaidTurn | undefined;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `fn` (and everything it starts) on behalf of the request that `usage` accounts for (none when
 * undefined), with the quota slot `turn` reserved ahead for the call it sends, if any.
 */
export function runWithUsage<T>(usage: RequestUsage | undefined, fn: () => T, turn?: PrepaidTurn): T {
  return storage.run({ usage, turn }, fn);
}

/** The usage of the request the current code runs for; undefined outside any request. */
export function currentUsage(): RequestUsage | undefined {
  return storage.getStore()?.usage;
}

/** The prepaid turn of the current scope (src/platforms/resilience/prepaidTurn.ts). */
export function currentTurn(): PrepaidTurn | undefined {
  return storage.getStore()?.turn;
}

/** Runs `fn` on behalf of no request (e.g. a background refresh), whatever scope the caller is in. */
export function runDetached<T>(fn: () => T): T {
  return storage.exit(fn);
}
