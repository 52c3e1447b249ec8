import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/platforms/errors';
import { RequestUsage, currentUsage, runDetached, runWithUsage } from '../../src/platforms/requestUsage';
import { UpstreamGuard } from '../../src/platforms/resilience/upstreamGuard';

const guard = () =>
  new UpstreamGuard('TAOBAO', {
    attemptTimeoutMs: 1000,
    retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    quota: null,
    breaker: { errorThresholdPercentage: 50, volumeThreshold: 100, resetTimeoutMs: 200, rollingWindowMs: 10_000 },
  });
const call = () => ({ endpoint: 'op', credentialKey: 'app', deadline: Date.now() + 2000 });

describe('RequestUsage', () => {
  it('counts every upstream attempt, retries included, on the request whose work sent it', async () => {
    const g = guard();
    const a = new RequestUsage();
    const b = new RequestUsage();
    let failures = 1;
    await Promise.all([
      runWithUsage(a, () =>
        g.run(call(), async () => {
          if (failures-- > 0) throw new UpstreamError({ platform: 'TAOBAO', code: 'UPSTREAM_UNAVAILABLE', retryable: true });
          return 'ok';
        }),
      ),
      runWithUsage(b, () => g.run(call(), async () => 'ok')),
    ]);
    expect(a.upstreamCalls.get('TAOBAO')).toBe(2);
    expect(b.totalUpstreamCalls).toBe(1);
    g.close();
  });

  it('charges detached work to no request', async () => {
    const g = guard();
    const usage = new RequestUsage();
    await runWithUsage(usage, () => runDetached(() => g.run(call(), async () => (currentUsage() === undefined ? 'detached' : 'attached'))));
    expect(usage.totalUpstreamCalls).toBe(0);
    g.close();
  });
});
