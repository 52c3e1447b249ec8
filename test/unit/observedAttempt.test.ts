import { describe, expect, it } from 'vitest';
import { StaleTokenError, UpstreamError } from '../../src/platforms/errors';
import type { UpstreamAttempt } from '../../src/platforms/resilience/observedAttempt';
import { UpstreamGuard, type GuardPolicy } from '../../src/platforms/resilience/upstreamGuard';

const policy = (over: Partial<GuardPolicy> = {}): GuardPolicy => ({
  attemptTimeoutMs: 1000,
  retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  quota: null,
  breaker: { errorThresholdPercentage: 50, volumeThreshold: 100, resetTimeoutMs: 200, rollingWindowMs: 10_000 },
  ...over,
});
const call = (over: Record<string, unknown> = {}) => ({ endpoint: 'op', credentialKey: 'app', deadline: Date.now() + 2000, ...over });

function observed(guard: UpstreamGuard): UpstreamAttempt[] {
  const seen: UpstreamAttempt[] = [];
  guard.observe((attempt) => seen.push(attempt));
  return seen;
}

describe('UpstreamGuard.observe', () => {
  it('reports each attempt with its number, purpose, id count and outcome, and stops after unsubscribing', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy());
    const seen = observed(guard);
    let n = 0;
    await guard.run(call({ idCount: 7 }), async () => {
      n += 1;
      if (n === 1) throw new UpstreamError({ platform: 'TAOBAO', code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      return 'ok';
    });
    expect(seen.map(({ attempt, purpose, idCount, sent, outcome }) => ({ attempt, purpose, idCount, sent, outcome }))).toEqual([
      { attempt: 1, purpose: 'call', idCount: 7, sent: true, outcome: 'UPSTREAM_UNAVAILABLE' },
      { attempt: 2, purpose: 'call', idCount: 7, sent: true, outcome: 'ok' },
    ]);
    expect(seen.every((a) => a.platform === 'TAOBAO' && a.operation === 'op' && a.durationMs >= 0 && a.quotaWaitMs >= 0)).toBe(true);

    const other = new UpstreamGuard('XIAOE', policy());
    const events: UpstreamAttempt[] = [];
    const stop = other.observe((a) => events.push(a));
    stop();
    await other.run(call(), async () => 'ok');
    expect(events).toEqual([]);
  });

  it('reports an attempt the quota refused as not sent, with its reason, and throws what it threw before', async () => {
    const guard = new UpstreamGuard('XIAOE', policy({ quota: { ratePerSecond: 1, burst: 1 } }));
    const seen = observed(guard);
    await guard.run(call({ purpose: 'token' }), async () => 'first');
    await expect(guard.run(call({ deadline: Date.now() + 50 }), async () => 'second')).rejects.toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      reason: 'QUOTA_PACING',
    });
    expect(seen.map(({ purpose, sent, outcome, reason }) => ({ purpose, sent, outcome, reason }))).toEqual([
      { purpose: 'token', sent: true, outcome: 'ok', reason: undefined },
      { purpose: 'call', sent: false, outcome: 'UPSTREAM_RATE_LIMITED', reason: 'QUOTA_PACING' },
    ]);
  });

  it('reports a stale-token answer as STALE_TOKEN and still hands the signal on', async () => {
    const guard = new UpstreamGuard('WECHAT_SHOP', policy());
    const seen = observed(guard);
    const stale = new StaleTokenError(new UpstreamError({ platform: 'WECHAT_SHOP', code: 'UPSTREAM_AUTH', upstreamCode: '40001' }));
    await expect(
      guard.run(call(), async () => {
        throw stale;
      }),
    ).rejects.toBe(stale);
    expect(seen.map((a) => a.outcome)).toEqual(['STALE_TOKEN']);
  });
});
