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
}

const storage = new AsyncLocalStorage<Turn>();

/** Runs `fn` with one already-reserved quota slot of `platform`. */
export function runWithPrepaidTurn<T>(platform: PlatformCode, fn: () => T): T {
  return storage.run({ platform, used: false }, fn);
}

/** True once per prepaid turn: the caller may skip pacing. */
export function takePrepaidTurn(platform: PlatformCode): boolean {
  const turn = storage.getStore();
  if (!turn || turn.used || turn.platform !== platform) return false;
  turn.used = true;
  return true;
}
