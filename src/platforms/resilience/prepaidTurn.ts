/**
 * A quota slot reserved ahead of the call that spends it. The coalescing layer reserves a slot for a
 * shared call while it still accepts ids, then sends it in a scope holding that slot
 * (`runWithUsage(usage, fn, prepaidTurn(...))`), as a listing's fan-out does for each of its calls
 * (`runWithPrepaidTurn`); the guard's first pacing inside takes that slot instead of reserving a
 * second one. Later attempts (retries) pace as usual. The slot travels in the request's one
 * AsyncLocalStorage (src/platforms/requestUsage.ts), not a store of its own.
 */
import type { PlatformCode } from '../../generated/graphql';
import { currentTurn, currentUsage, runWithUsage, type PrepaidTurn } from '../requestUsage';

/** One already-reserved quota slot of `platform`, which the call waited `waitedMs` for. */
export function prepaidTurn(platform: PlatformCode, waitedMs: number): PrepaidTurn {
  return { platform, used: false, waitedMs };
}

/** Runs `fn` for the current request (if any) with one already-reserved quota slot of `platform`, waited `waitedMs` for. */
export function runWithPrepaidTurn<T>(platform: PlatformCode, waitedMs: number, fn: () => T): T {
  return runWithUsage(currentUsage(), fn, prepaidTurn(platform, waitedMs));
}

/** Once per prepaid turn, how long it was waited for (the caller skips pacing); undefined otherwise. */
export function takePrepaidTurn(platform: PlatformCode): number | undefined {
  const turn = currentTurn();
  if (!turn || turn.used || turn.platform !== platform) return undefined;
  turn.used = true;
  return turn.waitedMs;
}
