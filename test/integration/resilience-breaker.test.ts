/**
 * Circuit breaking per platform endpoint, through the gateway: it opens after a run of failures,
 * answers at once without calling the upstream while open, lets one probe through after the reset
 * time and closes when the upstream has healed; /readyz shows the states and the last error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SandboxPlatformName } from '../../src/sandbox';
import { errorAt, expectNoLeaks, startFaultStack, type FaultStack } from './resilienceStack';

const RESET_MS = 400;
const ENV: Record<string, string> = {};
for (const prefix of ['TAOBAO', 'XIAOE', 'WECHAT']) {
  Object.assign(ENV, {
    [`${prefix}_TIMEOUT_MS`]: '600',
    [`${prefix}_RETRY_BASE_MS`]: '10',
    [`${prefix}_RETRY_MAX_MS`]: '20',
    [`${prefix}_BREAKER_MIN_CALLS`]: '3',
    [`${prefix}_BREAKER_RESET_MS`]: String(RESET_MS),
  });
}

const TARGETS: Array<{ platform: string; sandbox: SandboxPlatformName; operation: string; endpoint: string; field: string }> = [
  { platform: 'TAOBAO', sandbox: 'taobao', operation: 'taobao.miniapp.items.get', endpoint: 'taobao.miniapp.items.get', field: 't' },
  { platform: 'XIAOE', sandbox: 'xiaoe', operation: 'xe.goods.detail.get', endpoint: '/xe.goods.detail.get/4.0.0', field: 'x' },
  { platform: 'WECHAT_SHOP', sandbox: 'wechat', operation: 'product/spu/get', endpoint: 'product/spu/get', field: 'w' },
];

const ALL = `{
  t: product(platform: TAOBAO, id: "1489161932") { title }
  x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title }
  w: product(platform: WECHAT_SHOP, id: "12345") { title }
}`;

/** A fresh stack per test: a breaker's rolling window must not hold another test's calls. */
let stack: FaultStack;
beforeEach(async () => {
  stack = await startFaultStack({ size: 20 }, ENV);
  expect((await stack.query(ALL)).errors).toBeUndefined();
});
afterEach(async () => stack.close());

async function waitForBreaker(platform: string, endpoint: string, state: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await stack.readyz()).platforms[platform].breakers[endpoint] === state) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${platform} ${endpoint} breaker never became ${state}`);
}

describe.each(TARGETS)('the $platform breaker', (target) => {
  it('opens after a run of failures, stops calling, and closes after a good probe', async () => {
    const key = `${target.sandbox}:${target.operation}`;
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'http', status: 503 }]);
    // One success (the warm-up) and two failures: 2 of 3 attempts failed, over the 50% threshold with
    // the minimum of 3 calls, so the breaker opens and the third attempt is not sent.
    const failing = await stack.measure(() => stack.query(ALL));
    expect(errorAt(failing.result, [target.field]).extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'HTTP 503' });
    expect(failing.calls[key]).toBe(2);

    const ready = await stack.readyz();
    expect(ready.status).toBe('degraded');
    expect(ready.platforms[target.platform]).toMatchObject({
      configured: true,
      breakers: { [target.endpoint]: 'open' },
      lastError: { endpoint: target.endpoint, code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'HTTP 503', at: expect.any(String) },
    });

    // Open: answered at once, no call reaches the upstream, the other platforms are untouched.
    const open = await stack.measure(() => Promise.all([stack.query(ALL), stack.query(ALL), stack.query(ALL)]));
    expect(open.calls[key]).toBeUndefined();
    for (const res of open.result) {
      expect(errorAt(res, [target.field]).extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        upstreamCode: 'CIRCUIT_OPEN',
        platform: target.platform,
        retryAfterMs: RESET_MS,
      });
      expect(res.errors).toHaveLength(1);
      expectNoLeaks(res);
    }

    await stack.setFaults([]);
    await waitForBreaker(target.platform, target.endpoint, 'halfOpen');
    const probe = await stack.measure(() => stack.query(ALL));
    expect(probe.result.errors).toBeUndefined();
    expect(probe.calls[key]).toBe(1);
    const healed = await stack.readyz();
    expect(healed.platforms[target.platform].breakers[target.endpoint]).toBe('closed');
    expect(healed.status).toBe('ready');
  });

  it('re-opens when the probe fails, with a single call', async () => {
    const key = `${target.sandbox}:${target.operation}`;
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'reset' }]);
    await stack.query(ALL);
    await waitForBreaker(target.platform, target.endpoint, 'halfOpen');
    const probe = await stack.measure(() => stack.query(ALL));
    expect(probe.calls[key]).toBe(1);
    expect((await stack.readyz()).platforms[target.platform].breakers[target.endpoint]).toBe('open');
    await stack.setFaults([]);
    await waitForBreaker(target.platform, target.endpoint, 'halfOpen');
    expect((await stack.query(ALL)).errors).toBeUndefined();
  });
});

describe('what does not trip a breaker', () => {
  it('refusals of our own request (invalid argument) leave it closed', async () => {
    await stack.setFaults([{ platform: 'taobao', operation: 'taobao.miniapp.items.get', kind: 'error', code: 41 }]);
    const { calls } = await stack.measure(async () => {
      for (let i = 0; i < 6; i++) await stack.query(ALL);
    });
    expect(calls['taobao:taobao.miniapp.items.get']).toBe(6);
    expect((await stack.readyz()).platforms.TAOBAO.breakers['taobao.miniapp.items.get']).toBe('closed');
  });
});
