/**
 * Calls that one answer needs together (a listed page's follow-up calls: WeChat SKU details, Xiaoe
 * detail blocks): all started at once, each sent when the platform's quota gives it a slot, so a page
 * takes one wave of upstream latency wherever the quota allows it, never a fixed number at a time.
 */
import { sleep } from './resilience/backoff';
import { runWithPrepaidTurn } from './resilience/prepaidTurn';
import type { UpstreamGuard } from './resilience/upstreamGuard';

export interface FanOutPacing {
  /** The platform's guard; absent where calls are not guarded (unit tests of an adapter alone). */
  guard: UpstreamGuard | undefined;
  /** Whose quota the calls spend (the guarded calls' `credentialKey`). */
  credentialKey: string;
  /** Epoch ms by which the client must have its answer. */
  deadline: number | undefined;
}

/**
 * Runs `send` once per item and resolves to the results in order, or rejects with the first failure.
 * Every call's quota slot is reserved before any is sent: when the last would come after the deadline,
 * none is sent and the guard's quota refusal (UPSTREAM_RATE_LIMITED) rejects at once. After a failure,
 * calls still waiting for their slot are not sent (their answers could no longer be used).
 */
export async function pacedFanOut<T, R>(pacing: FanOutPacing, items: readonly T[], send: (item: T) => Promise<R>): Promise<R[]> {
  const { guard, credentialKey, deadline } = pacing;
  if (!guard || deadline === undefined) return Promise.all(items.map(send));
  // All at once: a shared quota (Redis) answers each after a round trip.
  const turns = await Promise.all(items.map(async () => guard.reserveTurn(credentialKey, deadline, 'request')));
  const waits: number[] = [];
  for (const turn of turns) {
    if (!turn.ok) throw guard.quotaRefusal(turn.retryAfterMs);
    waits.push(turn.waitMs);
  }
  let failed = false;
  return Promise.all(
    items.map(async (item, i) => {
      await sleep(waits[i]!);
      if (failed) throw new Error('not sent: an earlier call of the same answer failed');
      try {
        // The guard's pacing takes the slot reserved above instead of reserving another one.
        return await runWithPrepaidTurn(guard.platform, waits[i]!, () => send(item));
      } catch (err) {
        failed = true;
        throw err;
      }
    }),
  );
}
