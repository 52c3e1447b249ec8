import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/platforms/errors';
import { pacedFanOut } from '../../src/platforms/pacedFanOut';
import { UpstreamGuard, type GuardPolicy } from '../../src/platforms/resilience/upstreamGuard';

/** Ten calls a second, burst 1: slots 100 ms apart. */
const guardOf = (quota: GuardPolicy['quota'] = { ratePerSecond: 10, burst: 1 }) =>
  new UpstreamGuard('WECHAT_SHOP', {
    attemptTimeoutMs: 1000,
    retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    quota,
    breaker: { errorThresholdPercentage: 50, volumeThreshold: 100, resetTimeoutMs: 200, rollingWindowMs: 10_000 },
  });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('pacedFanOut', () => {
  it('sends every call at once without a quota and answers in item order', async () => {
    const guard = guardOf(null);
    let inFlight = 0;
    let most = 0;
    const results = await pacedFanOut({ guard, credentialKey: 'app', deadline: Date.now() + 1000 }, [3, 1, 2], (n) =>
      guard.run({ endpoint: 'op', credentialKey: 'app', deadline: Date.now() + 1000 }, async () => {
        most = Math.max(most, ++inFlight);
        await sleep(n * 5);
        inFlight -= 1;
        return n * 10;
      }),
    );
    expect(results).toEqual([30, 10, 20]);
    expect(most).toBe(3);
  });

  it('spends one quota slot per call: the guard takes the slot reserved for it instead of another', async () => {
    const guard = guardOf();
    // Slots at 0, 100 and 200 ms fit before the deadline; a second slot per call (300, 400, 500) would not.
    const deadline = Date.now() + 350;
    const results = await pacedFanOut({ guard, credentialKey: 'app', deadline }, [1, 2, 3], (n) =>
      guard.run({ endpoint: 'op', credentialKey: 'app', deadline }, async () => n),
    );
    expect(results).toEqual([1, 2, 3]);
  });

  it('sends nothing when the last call would get its slot after the deadline', async () => {
    const guard = guardOf();
    const sent: number[] = [];
    const fanOut = pacedFanOut({ guard, credentialKey: 'app', deadline: Date.now() + 250 }, [1, 2, 3, 4], async (n) => sent.push(n));
    await expect(fanOut).rejects.toBeInstanceOf(UpstreamError);
    await expect(fanOut).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryable: true });
    await sleep(400);
    expect(sent).toEqual([]);
  });

  it('does not send the calls still waiting for their slot once one has failed', async () => {
    const guard = guardOf();
    const sent: number[] = [];
    const failure = new Error('upstream said no');
    const fanOut = pacedFanOut({ guard, credentialKey: 'app', deadline: Date.now() + 2000 }, [1, 2, 3], async (n) => {
      sent.push(n);
      throw failure;
    });
    await expect(fanOut).rejects.toBe(failure);
    await sleep(300);
    expect(sent).toEqual([1]);
  });
});
