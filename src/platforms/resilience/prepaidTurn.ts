/**
 * A quota slot reserved ahead of the call that spends it. The coalescing layer reserves a slot for a
 * shared call while it still accepts ids, then sends it; the guard's first pacing inside `fn` takes
 * that slot instead of reserving a second one. Later attempts (retries) pace as usual.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { PlatformCode } from '../../generated/graphql';

interface Turn {
  platform: PlatformCode;
  used: boolean;
  /** How long the call waited for this slot before it was sent (for the guard's quota-wait figures). */
  waitedMs: number;
}

const storage = new AsyncLocalStorage<Turn>();

/** Runs `fn` with one already-reserved quota slot of `platform`, which the call waited `waitedMs` for. */
export function runWithPrepaidTurn<T>(platform: PlatformCode, waitedMs: number, fn: () => T): T {
  return storage.run({ platform, used: false, waitedMs }, fn);
}

/** Once per prepaid turn, how long it was waited for (the caller skips pacing); undefined otherwise. */
export function takePrepaidTurn(platform: PlatformCode): number | undefined {
  const turn = storage.getStore();
  if (!turn || turn.used || turn.platform !== platform) return undefined;
  turn.used = true;
  return turn.waitedMs;
}
