/**
 * Every fault kind the sandbox offers, on each platform that has lookups, through the gateway over
 * real HTTP: the healthy platforms still answer, the failing part carries the right code, nothing
 * secret leaks, and the sandbox saw exactly the attempts the policy allows.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FaultRule, SandboxPlatformName } from '../../src/sandbox';
import { errorAt, expectNoLeaks, startFaultStack, type FaultStack } from './resilienceStack';

/** A short per-attempt timeout (a hang costs this much), fast retries, and no breaker in the way. */
const ENV: Record<string, string> = {};
for (const prefix of ['TAOBAO', 'XIAOE', 'WECHAT']) {
  Object.assign(ENV, {
    [`${prefix}_TIMEOUT_MS`]: '600',
    [`${prefix}_RETRY_BASE_MS`]: '10',
    [`${prefix}_RETRY_MAX_MS`]: '40',
    [`${prefix}_BREAKER_MIN_CALLS`]: '100000',
  });
}
const ATTEMPTS = 3;

interface Target {
  platform: 'TAOBAO' | 'XIAOE' | 'WECHAT_SHOP';
  sandbox: SandboxPlatformName;
  operation: string;
  field: string;
  invalidArgument: number;
  transientCodes: Array<string | number>;
}

const TARGETS: Target[] = [
  {
    platform: 'TAOBAO',
    sandbox: 'taobao',
    operation: 'taobao.miniapp.items.get',
    field: 't',
    invalidArgument: 41,
    transientCodes: ['15/isp.remote-service-error', 10],
  },
  { platform: 'XIAOE', sandbox: 'xiaoe', operation: 'xe.goods.detail.get', field: 'x', invalidArgument: 2002, transientCodes: [] },
  { platform: 'WECHAT_SHOP', sandbox: 'wechat', operation: 'product/spu/get', field: 'w', invalidArgument: 9401020, transientCodes: [-1] },
];

/** One product of each platform: the documented examples. */
const ALL = `{
  t: product(platform: TAOBAO, id: "1489161932") { title }
  x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title }
  w: product(platform: WECHAT_SHOP, id: "12345") { title }
}`;
const TITLES = { t: { title: 'Google test item' }, x: { title: '呜呜' }, w: { title: expect.stringMatching(/^任天堂/) } };

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack({}, ENV);
  expect((await stack.query(ALL)).data).toEqual(TITLES); // tokens fetched once, outside the counts
});
afterAll(async () => stack.close());
beforeEach(async () => stack.setFaults([]));

/** Runs ALL with `fault` on the target's lookup; checks the healthy two and returns the target's error and attempts. */
async function withFault(target: Target, fault: Omit<FaultRule, 'platform' | 'operation'>) {
  await stack.setFaults([{ platform: target.sandbox, operation: target.operation, ...fault }]);
  const { result: res, calls } = await stack.measure(() => stack.query(ALL));
  const healthy = Object.fromEntries(Object.entries(TITLES).filter(([k]) => k !== target.field));
  expect(res.data).toEqual({ ...healthy, [target.field]: null });
  expect(res.errors).toHaveLength(1);
  expectNoLeaks(res);
  const error = errorAt(res, [target.field]);
  expect(error.extensions).toMatchObject({ platform: target.platform });
  return { error, attempts: calls[`${target.sandbox}:${target.operation}`] ?? 0, calls };
}

describe.each(TARGETS)('$platform under injected faults', (target) => {
  it('answers through latency below the timeout, in one attempt', async () => {
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'latency', latencyMs: 120 }]);
    const { result, calls } = await stack.measure(() => stack.query(ALL));
    expect(result.data).toEqual(TITLES);
    expect(calls[`${target.sandbox}:${target.operation}`]).toBe(1);
  });

  it('retries a 5xx within the attempt budget and answers when it heals', async () => {
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'http', status: 503, count: 1 }]);
    const { result, calls } = await stack.measure(() => stack.query(ALL));
    expect(result.data).toEqual(TITLES);
    expect(calls[`${target.sandbox}:${target.operation}`]).toBe(2);
  });

  it('gives up on a lasting 5xx after the attempt budget: UPSTREAM_UNAVAILABLE, retryable', async () => {
    const { error, attempts } = await withFault(target, { kind: 'http', status: 503 });
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'HTTP 503', retryable: true });
    expect(attempts).toBe(ATTEMPTS);
  });

  it('retries connection resets', async () => {
    const { error, attempts } = await withFault(target, { kind: 'reset' });
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'ECONNRESET', retryable: true });
    expect(attempts).toBe(ATTEMPTS);
  });

  it('retries an HTML 502 page from a load balancer', async () => {
    const { error, attempts } = await withFault(target, { kind: 'html', status: 502 });
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: 'HTTP 502', retryable: true });
    expect(attempts).toBe(ATTEMPTS);
  });

  it('does not retry an unreadable body (truncated JSON, an HTML page with 200 or a 4xx): UPSTREAM_BAD_RESPONSE', async () => {
    const truncated = await withFault(target, { kind: 'non-json' });
    expect(truncated.error.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false });
    expect(truncated.attempts).toBe(1);
    for (const fault of [
      { kind: 'non-json', message: '<html><body>login required</body></html>' },
      { kind: 'html', status: 403 },
    ] as const) {
      const html = await withFault(target, fault);
      expect(html.error.extensions).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', retryable: false });
      expect(html.attempts).toBe(1);
    }
  });

  it('gives up on a hang after one per-attempt timeout, without retrying it', async () => {
    const started = Date.now();
    const { error, attempts } = await withFault(target, { kind: 'hang' });
    // Generous bound: the timeout is 600 ms; the defaults (5 s per attempt, 10 s per request) would fail it.
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: false });
    expect(attempts).toBe(1);
  });

  it('gives up on latency beyond the timeout as UPSTREAM_TIMEOUT, once', async () => {
    const { error, attempts } = await withFault(target, { kind: 'latency', latencyMs: 1500 });
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    expect(attempts).toBe(1);
  });

  it('never retries an invalid-argument error: UPSTREAM_REJECTED', async () => {
    const { error, attempts } = await withFault(target, { kind: 'error', code: target.invalidArgument });
    expect(error.extensions).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamCode: expect.stringMatching(new RegExp(`^${target.invalidArgument}`)),
      retryable: false,
    });
    expect(attempts).toBe(1);
  });

  it.each(target.transientCodes)('retries the transient platform code %s', async (code) => {
    const { error, attempts } = await withFault(target, { kind: 'error', code });
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: String(code), retryable: true });
    expect(attempts).toBe(ATTEMPTS);
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'error', code, count: 2 }]);
    const healed = await stack.measure(() => stack.query(ALL));
    expect(healed.result.data).toEqual(TITLES);
    expect(healed.calls[`${target.sandbox}:${target.operation}`]).toBe(3);
  });
});

describe('faults on some ids only', () => {
  it("keeps the WeChat products whose calls succeeded when one id's call fails", async () => {
    await stack.setFaults([{ platform: 'wechat', operation: 'product/spu/get', kind: 'error', code: 9401020, count: 1 }]);
    const res = await stack.query(`{ products(platform: WECHAT_SHOP, ids: ["12345", "12345000"]) { platformProductId } }`);
    // One of the two calls met the fault; the other answered (12345000 is absent: NOT_FOUND).
    const codes = res.errors!.map((e) => e.extensions!.code).sort();
    expect(codes).toEqual(['NOT_FOUND', 'UPSTREAM_REJECTED'].sort());
    expectNoLeaks(res);
  });

  it('answers the Taobao ids of the healthy batch when one batch of 50 fails', async () => {
    const ids = ['1489161932', ...Array.from({ length: 50 }, (_, i) => String(900_000_000_000 + i))];
    await stack.setFaults([{ platform: 'taobao', operation: 'taobao.miniapp.items.get', kind: 'error', code: 41, count: 1 }]);
    const { result: res, calls } = await stack.measure(() =>
      stack.query(`query($ids: [ID!]!) { products(platform: TAOBAO, ids: $ids) { title } }`, { ids }),
    );
    expect(calls['taobao:taobao.miniapp.items.get']).toBe(2);
    expect(res.data!.products).toHaveLength(51);
    const codes = new Set(res.errors!.map((e) => e.extensions!.code));
    expect(codes).toEqual(new Set(['NOT_FOUND', 'UPSTREAM_REJECTED']));
  });
});
