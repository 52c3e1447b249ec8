import { describe, expect, it } from 'vitest';
import { GatewayReason, StaleTokenError, UpstreamError } from '../../src/platforms/errors';
import { bucketForQuota } from '../../src/platforms/resilience/policy';
import { TokenBucket } from '../../src/platforms/resilience/tokenBucket';
import { UpstreamGuard, type GuardPolicy } from '../../src/platforms/resilience/upstreamGuard';

const policy = (over: Partial<GuardPolicy> = {}): GuardPolicy => ({
  attemptTimeoutMs: 1000,
  retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 5 },
  quota: null,
  breaker: { errorThresholdPercentage: 50, volumeThreshold: 3, resetTimeoutMs: 200, rollingWindowMs: 10_000 },
  ...over,
});
const call = (deadlineMs = 2000) => ({ endpoint: 'op', credentialKey: 'app', deadline: Date.now() + deadlineMs });
const err = (code: UpstreamError['code'], retryable: boolean, extra: Partial<ConstructorParameters<typeof UpstreamError>[0]> = {}) =>
  new UpstreamError({ platform: 'TAOBAO', code, retryable, ...extra });

describe('UpstreamGuard', () => {
  it('retries a transient failure and returns the answer', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy());
    let attempts = 0;
    const result = await guard.run(call(), async () => {
      attempts += 1;
      if (attempts < 3) throw err('UPSTREAM_UNAVAILABLE', true);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(attempts).toBe(3);
  });

  it('never retries a non-transient error, and stops at the attempt budget', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy());
    let attempts = 0;
    await expect(
      guard.run(call(), async () => {
        attempts += 1;
        throw err('UPSTREAM_REJECTED', false);
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_REJECTED' });
    expect(attempts).toBe(1);
    attempts = 0;
    const fresh = new UpstreamGuard('TAOBAO', policy());
    await expect(
      fresh.run(call(), async () => {
        attempts += 1;
        throw err('UPSTREAM_UNAVAILABLE', true);
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    expect(attempts).toBe(3);
  });

  it('does not retry when the wait would pass the deadline', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy());
    let attempts = 0;
    await expect(
      guard.run(call(500), async () => {
        attempts += 1;
        throw err('UPSTREAM_RATE_LIMITED', true, { retryAfterMs: 5_000 });
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterMs: 5_000 });
    expect(attempts).toBe(1);
  });

  it('cuts each attempt to the time left before the deadline', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy({ attemptTimeoutMs: 60_000 }));
    let given = 0;
    await guard.run(call(300), async (timeoutMs) => {
      given = timeoutMs;
    });
    expect(given).toBeGreaterThan(0);
    expect(given).toBeLessThanOrEqual(300);
  });

  it('opens the breaker after a run of failures, answers at once while open, and closes after a good probe', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }));
    let attempts = 0;
    let healthy = false;
    const attempt = async () => {
      attempts += 1;
      if (!healthy) throw err('UPSTREAM_TIMEOUT', false);
      return 'ok';
    };
    for (let i = 0; i < 3; i++) await expect(guard.run(call(), attempt)).rejects.toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(guard.status().breakers.op).toBe('open');
    await expect(guard.run(call(), attempt)).rejects.toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: GatewayReason.CircuitOpen,
      upstreamCode: undefined,
    });
    expect(attempts).toBe(3);
    healthy = true;
    await new Promise((r) => setTimeout(r, 250));
    expect(await guard.run(call(), attempt)).toBe('ok');
    expect(guard.status().breakers.op).toBe('closed');
  });

  it('hands a stale-token signal to the token layer at once: no retry, no breaker failure, remembered by its code', async () => {
    const guard = new UpstreamGuard('WECHAT_SHOP', policy({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } }));
    const stale = new StaleTokenError(new UpstreamError({ platform: 'WECHAT_SHOP', code: 'UPSTREAM_AUTH', upstreamCode: '40001' }));
    let attempts = 0;
    for (let i = 0; i < 6; i++)
      await expect(
        guard.run(call(), async () => {
          attempts += 1;
          throw stale;
        }),
      ).rejects.toBe(stale);
    expect(attempts).toBe(6);
    expect(guard.status()).toMatchObject({ breakers: { op: 'closed' }, lastError: { code: 'UPSTREAM_AUTH', upstreamCode: '40001' } });
  });

  it('does not let refusals of our own request trip the breaker', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }));
    for (let i = 0; i < 6; i++)
      await expect(
        guard.run(call(), async () => {
          throw err('UPSTREAM_AUTH', false);
        }),
      ).rejects.toBeDefined();
    expect(guard.status().breakers.op).toBe('closed');
  });

  it('queues calls to the quota instead of sending them, and refuses those past the deadline', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy({ quota: { ratePerSecond: 20, burst: 2 } }));
    let sent = 0;
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, () =>
        guard.run(call(260), async () => {
          sent += 1;
        }),
      ),
    );
    const limited = results.filter((r) => r.status === 'rejected');
    // a burst of 2, then one every 50 ms: slots at 0, 0, 50, ..., 250 ms fit before the deadline.
    expect(sent).toBeGreaterThanOrEqual(6);
    expect(sent).toBeLessThanOrEqual(8);
    expect(limited.length).toBe(12 - sent);
    expect((limited[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      reason: GatewayReason.QuotaPacing,
      upstreamCode: undefined,
    });
  });

  it('paces a quota with a window 50 ms wider than the window, for calls that reach the platform bunched', async () => {
    // 10 calls per 1 s window, burst 1: slots every 105 ms (1050 / 10), not every 100 ms, so the 11th
    // slot (1050 ms) is past a deadline at 1025 ms, where the 100 ms spacing would have fitted it at 1000.
    const guard = new UpstreamGuard('TAOBAO', policy({ quota: { ratePerSecond: 10, burst: 1, windowMs: 1000 } }));
    let sent = 0;
    const deadline = call(1025);
    const results = await Promise.allSettled(
      Array.from({ length: 11 }, () =>
        guard.run(deadline, async () => {
          sent += 1;
        }),
      ),
    );
    expect(sent).toBe(10);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
  });

  it('holds every call of the credential back during a platform ban, even with no quota configured', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } }));
    await expect(
      guard.run(call(), async () => {
        throw err('UPSTREAM_RATE_LIMITED', true, { retryAfterMs: 5_000 });
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryAfterMs: 5_000 });
    let sent = 0;
    await expect(
      guard.run(call(1_000), async () => {
        sent += 1;
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', reason: GatewayReason.QuotaPacing, upstreamCode: undefined });
    expect(sent).toBe(0);
    await guard.run({ ...call(), credentialKey: 'another app' }, async () => {
      sent += 1;
    });
    expect(sent).toBe(1);
  });

  it('does not start an attempt, nor take a quota slot, with less than minAttemptMs left', async () => {
    const guard = new UpstreamGuard('TAOBAO', policy({ minAttemptMs: 100, quota: { ratePerSecond: 10, burst: 1 } }));
    let sent = 0;
    await guard.run(call(1_000), async () => {
      sent += 1;
    });
    // The next slot is 100 ms away; with 150 ms to go it would leave 50 ms for the call.
    await expect(
      guard.run(call(150), async () => {
        sent += 1;
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', reason: GatewayReason.QuotaPacing, upstreamCode: undefined });
    await expect(
      guard.run(call(50), async () => {
        sent += 1;
      }),
    ).rejects.toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
    expect(sent).toBe(1);
  });

  it('reports the upstream failure, not CIRCUIT_OPEN, when the breaker opens between its own retries', async () => {
    const guard = new UpstreamGuard(
      'TAOBAO',
      policy({ breaker: { errorThresholdPercentage: 50, volumeThreshold: 2, resetTimeoutMs: 10_000, rollingWindowMs: 10_000 } }),
    );
    let attempts = 0;
    const failure = err('UPSTREAM_UNAVAILABLE', true, { reason: GatewayReason.HttpStatus, detail: 'HTTP 503' });
    await expect(
      guard.run(call(), async () => {
        attempts += 1;
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(attempts).toBe(2);
    expect(guard.status()).toMatchObject({
      breakers: { op: 'open' },
      lastError: { code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'HTTP 503' },
    });
    await expect(guard.run(call(), async () => 'never')).rejects.toMatchObject({
      reason: GatewayReason.CircuitOpen,
      upstreamCode: undefined,
    });
    expect(guard.status().lastError).toMatchObject({ upstreamCode: 'HTTP 503' });
  });
});

describe('TokenBucket', () => {
  it('allows the burst at once, then one call per interval, and pauses when told', () => {
    let now = 1000;
    const bucket = new TokenBucket({ ratePerSecond: 10, burst: 3, now: () => now });
    const waits = Array.from({ length: 5 }, () => bucket.reserve(now + 10_000)).map((r) => (r.ok ? r.waitMs : -1));
    expect(waits).toEqual([0, 0, 0, 100, 200]);
    now = 5000;
    bucket.pause(2000);
    expect(bucket.reserve(now + 10_000)).toEqual({ ok: true, waitMs: 2000 });
    expect(bucket.reserve(now + 100)).toEqual({ ok: false, retryAfterMs: expect.any(Number) });
  });

  it('never lets more than the quota through in any window', () => {
    const quota = { limit: 3000, windowMs: 10_000 };
    const now = 0;
    const bucket = new TokenBucket({ ...bucketForQuota(quota), now: () => now });
    const starts: number[] = [];
    for (let i = 0; i < 9000; i++) {
      const r = bucket.reserve(Number.POSITIVE_INFINITY);
      if (r.ok) starts.push(now + r.waitMs);
    }
    for (let i = 0, j = 0; i < starts.length; i++) {
      while (starts[i]! - starts[j]! >= quota.windowMs) j++;
      expect(i - j + 1).toBeLessThanOrEqual(quota.limit);
    }
  });
});
