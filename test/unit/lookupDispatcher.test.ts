import { describe, expect, it } from 'vitest';
import { LookupDispatcher } from '../../src/coalescing/lookupDispatcher';
import type { Product } from '../../src/generated/graphql';
import { NotFoundError, UpstreamError } from '../../src/platforms/errors';
import { TokenBucket } from '../../src/platforms/resilience/tokenBucket';

/**
 * A dispatcher over a recording lookup, paced by a real token bucket of `ratePerSecond` (burst 1);
 * `reservationMs`: each reservation answers that much later, as a shared quota's does (a Redis round trip).
 */
function dispatcher(options: {
  maxIds: number;
  ratePerSecond?: number;
  maxInFlight?: number;
  backgroundGatherMs?: number;
  reservationMs?: number;
}) {
  const calls: Array<{ ids: string[]; selection: string[] }> = [];
  const bucket = new TokenBucket({ ratePerSecond: options.ratePerSecond ?? 1000, burst: 1 });
  const d = new LookupDispatcher({
    platform: 'TAOBAO',
    maxIds: options.maxIds,
    maxInFlight: options.maxInFlight ?? 4,
    windowMs: 0,
    backgroundGatherMs: options.backgroundGatherMs ?? 0,
    reserveTurn: (deadline, priority) => {
      const reservation = priority === 'background' ? bucket.reserveIdle() : bucket.reserve(deadline);
      const { reservationMs } = options;
      return reservationMs === undefined ? reservation : new Promise((r) => setTimeout(() => r(reservation), reservationMs));
    },
    quotaRefusal: (retryAfterMs) => new UpstreamError({ platform: 'TAOBAO', code: 'UPSTREAM_RATE_LIMITED', retryAfterMs }),
    async lookup(ids, selection) {
      calls.push({ ids: [...ids], selection: [...selection].sort() });
      await new Promise((r) => setTimeout(r, 5));
      return ids.map((id) => (id.startsWith('x') ? new NotFoundError('TAOBAO', id) : ({ platformProductId: id } as Product)));
    },
  });
  return { d, calls };
}

const soon = () => Date.now() + 5_000;
const sel = (...paths: string[]) => new Set(paths);

describe('LookupDispatcher', () => {
  it('keeps a call waiting for its quota slot open: later ids join it up to the maximum per call', async () => {
    const { d, calls } = dispatcher({ maxIds: 3, ratePerSecond: 10 });
    const first = d.lookup(['a'], sel('title'), soon());
    await new Promise((r) => setTimeout(r, 1));
    const rest = ['b', 'c', 'd', 'e', 'f'].map((id) => d.lookup([id], sel('price'), soon()));
    const answers = await Promise.all([first, ...rest]);
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
    expect(answers.map((a) => (a.results[0] as Product).platformProductId)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('sends the union of the selections of a shared call', async () => {
    const { d, calls } = dispatcher({ maxIds: 50, ratePerSecond: 10 });
    void d.lookup(['a'], sel('title'), soon());
    await new Promise((r) => setTimeout(r, 1));
    await Promise.all([d.lookup(['b'], sel('title'), soon()), d.lookup(['c'], sel('stock'), soon())]);
    expect(calls[1]).toEqual({ ids: ['b', 'c'], selection: ['stock', 'title'] });
  });

  it('shares an in-flight call that covers the selection (single flight), and not one that does not', async () => {
    const { d, calls } = dispatcher({ maxIds: 50 });
    const a = d.lookup(['a'], sel('title', 'price'), soon());
    await new Promise((r) => setTimeout(r, 1));
    await Promise.all([a, d.lookup(['a'], sel('title'), soon()), d.lookup(['a'], sel('stock'), soon())]);
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['a']]);
  });

  it('answers a batch whose ids ride different calls at their own positions, a repeated id at each', async () => {
    const { d, calls } = dispatcher({ maxIds: 2 });
    const first = d.lookup(['a', 'b'], sel('title'), soon());
    await new Promise((r) => setTimeout(r, 1));
    // `a` shares the call in flight; `c` and `d` open a new one; the second `c` waits for the same slot.
    const second = await d.lookup(['c', 'a', 'd', 'c'], sel('title'), soon());
    expect(second.results.map((p) => (p as Product).platformProductId)).toEqual(['c', 'a', 'd', 'c']);
    await first;
    expect(calls.map((c) => c.ids)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('answers a lookup of no ids at once, without a call', async () => {
    const { d, calls } = dispatcher({ maxIds: 50 });
    expect(await d.lookup([], sel('title'), soon())).toEqual({ results: [], selections: [] });
    expect(calls).toEqual([]);
  });

  it('gives a per-id error only to the lookups of that id', async () => {
    const { d } = dispatcher({ maxIds: 50, ratePerSecond: 10 });
    void d.lookup(['z'], sel('title'), soon());
    const [good, bad] = await Promise.all([d.lookup(['a'], sel('title'), soon()), d.lookup(['x1'], sel('title'), soon())]);
    expect(good.results[0]).not.toBeInstanceOf(Error);
    expect(bad.results[0]).toBeInstanceOf(NotFoundError);
  });

  it('sends a background lookup only on an idle quota slot, never ahead of a request that waits', async () => {
    const { d, calls } = dispatcher({ maxIds: 50, ratePerSecond: 10 });
    const request = d.lookup(['a'], sel('title'), soon());
    await new Promise((r) => setTimeout(r, 1));
    const background = d.lookup(['b'], sel('title'), soon(), 'background');
    await new Promise((r) => setTimeout(r, 1));
    const later = d.lookup(['c'], sel('title'), soon());
    await Promise.all([request, background, later]);
    // The background id rode along with the next request's call instead of taking a slot of its own.
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c']]);
  });

  it('keeps a call open while its reservation is on its way: ids arriving meanwhile join it', async () => {
    const { d, calls } = dispatcher({ maxIds: 50, reservationMs: 20 });
    const first = d.lookup(['a'], sel('title'), soon());
    await new Promise((r) => setTimeout(r, 1));
    await Promise.all([first, d.lookup(['b'], sel('title'), soon()), d.lookup(['c'], sel('stock'), soon())]);
    expect(calls).toEqual([{ ids: ['a', 'b', 'c'], selection: ['stock', 'title'] }]);
  });

  it('a request joining a background call whose idle slot was refused on the way queues as a request', async () => {
    const { d, calls } = dispatcher({ maxIds: 50, ratePerSecond: 10, reservationMs: 10 });
    const request = d.lookup(['a'], sel('title'), soon());
    await new Promise((r) => setTimeout(r, 15)); // sent: the next slot is 100 ms away
    const background = d.lookup(['b'], sel('title'), soon(), 'background');
    await new Promise((r) => setTimeout(r, 1));
    const joined = d.lookup(['c'], sel('title'), soon());
    const answers = await Promise.all([request, background, joined]);
    expect(calls.map((c) => c.ids)).toEqual([['a'], ['b', 'c']]);
    expect(answers.map((a) => a.results[0])).not.toContainEqual(expect.any(Error));
  });

  it('refuses at once what cannot get a quota slot before its deadline', async () => {
    const { d, calls } = dispatcher({ maxIds: 1, ratePerSecond: 1 });
    void d.lookup(['a'], sel('title'), soon());
    const {
      results: [late],
    } = await d.lookup(['b'], sel('title'), Date.now() + 200);
    expect(late).toBeInstanceOf(UpstreamError);
    expect((late as UpstreamError).code).toBe('UPSTREAM_RATE_LIMITED');
    expect(calls).toHaveLength(1);
  });

  it('sends a gathering background call at once when a request joins it', async () => {
    const { d, calls } = dispatcher({ maxIds: 50, backgroundGatherMs: 5_000 });
    const background = d.lookup(['b'], sel('title'), soon(), 'background');
    await new Promise((r) => setTimeout(r, 1));
    const started = Date.now();
    await d.lookup(['c'], sel('title'), soon());
    expect(Date.now() - started).toBeLessThan(1_000);
    await background;
    expect(calls.map((c) => c.ids)).toEqual([['b', 'c']]);
  });
});
