import { describe, expect, it } from 'vitest';
import { UpstreamGuard } from '../../src/platforms/resilience/upstreamGuard';
import { CompletedPages, EarlySkuCalls } from '../../src/platforms/wechat/skuPrefetch';

const guardOf = (ratePerSecond: number) =>
  new UpstreamGuard('WECHAT_SHOP', {
    attemptTimeoutMs: 1000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    quota: { ratePerSecond, burst: 1 },
    breaker: { errorThresholdPercentage: 50, volumeThreshold: 100, resetTimeoutMs: 200, rollingWindowMs: 10_000 },
  });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CompletedPages', () => {
  it('recalls the ids a page completed, until its time to live has passed', () => {
    let now = 1_000;
    const pages = new CompletedPages({ ttlMs: 100, now: () => now });
    pages.remember('p1', ['1', '2']);
    now += 100;
    expect(pages.recall('p1')).toEqual(['1', '2']);
    now += 1;
    expect(pages.recall('p1')).toEqual([]);
    expect(pages.recall('p2')).toEqual([]);
  });

  it('forgets the page used longest ago beyond its bound', () => {
    const pages = new CompletedPages({ maxPages: 2 });
    pages.remember('a', ['1']);
    pages.remember('b', ['2']);
    pages.remember('a', ['3']);
    pages.remember('c', ['4']);
    expect([pages.recall('a'), pages.recall('b'), pages.recall('c')]).toEqual([['3'], [], ['4']]);
  });
});

describe('EarlySkuCalls', () => {
  it('sends one call per id started, hands each answer to take() once, and sends none for an id taken first', async () => {
    const sent: string[] = [];
    const early = new EarlySkuCalls({ guard: undefined, credentialKey: 'app' }, async (id) => (sent.push(id), `skus of ${id}`));
    expect(early.take('3')).toBeUndefined();
    early.start(['1', '2', '2', '3']);
    await tick();
    expect(sent).toEqual(['1', '2']);
    await expect(early.take('1')).resolves.toBe('skus of 1');
    expect(early.take('1')).toBeUndefined();
  });

  it('sends only the calls with a quota slot free now; the others are left to the caller', async () => {
    const guard = guardOf(10); // burst 1: one slot now, the next 100 ms later
    const sent: string[] = [];
    const early = new EarlySkuCalls({ guard, credentialKey: 'app' }, async (id) => (sent.push(id), id));
    early.start(['1', '2']);
    await tick();
    expect(sent).toEqual(['1']);
    await expect(early.take('1')).resolves.toBe('1');
    expect(early.take('2')).toBeUndefined();
  });

  it('does not send a call taken while it waits for its slot', async () => {
    const guard = guardOf(1000);
    const sent: string[] = [];
    const early = new EarlySkuCalls({ guard, credentialKey: 'app' }, async (id) => (sent.push(id), id));
    early.start(['1']);
    expect(early.take('1')).toBeUndefined(); // before the reservation's await has resumed
    await tick();
    expect(sent).toEqual([]);
  });
});
