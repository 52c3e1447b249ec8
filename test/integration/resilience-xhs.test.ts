/**
 * The list-only Xiaohongshu platforms under injected faults. They have no lookup by id, so their
 * adapters' `listPage` is driven directly, with the adapters and guards the gateway builds from its
 * configuration (same pacing, breaker, retries and timeouts as a GraphQL request would get).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GatewayReason, UpstreamError, shownToClients } from '../../src/platforms/errors';
import type { XhsArkAdapter } from '../../src/platforms/xhs-ark/adapter';
import type { XhsMiniappAdapter } from '../../src/platforms/xhs-miniapp/adapter';
import { SANDBOX_CREDENTIALS, type FaultRule } from '../../src/sandbox';
import { expectNoLeaks, startFaultStack, type FaultStack } from './resilienceStack';

const ENV: Record<string, string> = {};
for (const prefix of ['XHS_ARK', 'XHS_MINIAPP']) {
  Object.assign(ENV, {
    [`${prefix}_TIMEOUT_MS`]: '600',
    [`${prefix}_RETRY_BASE_MS`]: '10',
    [`${prefix}_RETRY_MAX_MS`]: '40',
    [`${prefix}_BREAKER_MIN_CALLS`]: '100000',
  });
}

let stack: FaultStack;
let ark: (budgetMs?: number) => Promise<unknown>;
let mini: (budgetMs?: number) => Promise<unknown>;
beforeAll(async () => {
  stack = await startFaultStack({ size: 20 }, ENV);
  const arkAdapter = stack.registry.get('XHS_ARK')!.adapter as unknown as XhsArkAdapter;
  const miniAdapter = stack.registry.get('XHS_MINIAPP')!.adapter as unknown as XhsMiniappAdapter;
  ark = (budgetMs = 3_000) =>
    arkAdapter.listPage({ page_no: 1, page_size: 10 }, { credentials: SANDBOX_CREDENTIALS.XHS_ARK, deadline: Date.now() + budgetMs });
  mini = (budgetMs = 3_000) =>
    miniAdapter.listPage({ pageNo: 0, pageSize: 10 }, { credentials: SANDBOX_CREDENTIALS.XHS_MINIAPP, deadline: Date.now() + budgetMs });
  await mini(); // token fetched outside the counts
});
afterAll(async () => stack.close());
beforeEach(async () => stack.setFaults([]));

const PLATFORMS = [
  {
    platform: 'XHS_ARK',
    sandbox: 'xhs-ark',
    operation: 'items',
    list: (budgetMs?: number) => ark(budgetMs),
    invalidArgument: 1003,
    transient: [] as number[],
    rateLimit: 429,
  },
  {
    platform: 'XHS_MINIAPP',
    sandbox: 'xhs-miniapp',
    operation: 'product/batch_get',
    list: (budgetMs?: number) => mini(budgetMs),
    invalidArgument: 10002,
    transient: [2],
    rateLimit: 10004,
  },
] as const;

async function failWith(target: (typeof PLATFORMS)[number], fault: Omit<FaultRule, 'platform' | 'operation'>, budgetMs?: number) {
  await stack.setFaults([{ platform: target.sandbox, operation: target.operation, ...fault }]);
  const { result, calls } = await stack.measure(() =>
    target.list(budgetMs).then(
      () => undefined,
      (e: unknown) => e,
    ),
  );
  expect(result).toBeInstanceOf(UpstreamError);
  const error = result as UpstreamError;
  expect(error.platform).toBe(target.platform);
  expectNoLeaks({ message: error.message, ...shownToClients(error), detail: error.detail });
  return { error, attempts: calls[`${target.sandbox}:${target.operation}`] ?? 0 };
}

describe.each(PLATFORMS)('$platform listPage under injected faults', (target) => {
  it('lists through latency below the timeout in one call, and retries a passing 5xx', async () => {
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'latency', latencyMs: 100 }]);
    expect((await stack.measure(() => target.list())).calls[`${target.sandbox}:${target.operation}`]).toBe(1);
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'http', status: 500, count: 1 }]);
    const healed = await stack.measure(() => target.list());
    expect((healed.result as { products: unknown[] }).products).toHaveLength(10);
    expect(healed.calls[`${target.sandbox}:${target.operation}`]).toBe(2);
  });

  it.each([
    [{ kind: 'http', status: 503 }, 'UPSTREAM_UNAVAILABLE', 3],
    [{ kind: 'reset' }, 'UPSTREAM_UNAVAILABLE', 3],
    [{ kind: 'html', status: 502 }, 'UPSTREAM_UNAVAILABLE', 3],
    [{ kind: 'html', status: 403 }, 'UPSTREAM_BAD_RESPONSE', 1],
    [{ kind: 'non-json' }, 'UPSTREAM_BAD_RESPONSE', 1],
    [{ kind: 'hang' }, 'UPSTREAM_TIMEOUT', 1],
  ] as const)('%j -> %s after %i call(s)', async (fault, code, attempts) => {
    const failed = await failWith(target, fault);
    expect(failed.error.code).toBe(code);
    expect(failed.attempts).toBe(attempts);
  });

  it('never retries an invalid-argument code', async () => {
    const { error, attempts } = await failWith(target, { kind: 'error', code: target.invalidArgument });
    expect(error).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: String(target.invalidArgument), retryable: false });
    expect(attempts).toBe(1);
  });

  it("waits out the platform's rate limit (1 s) when the deadline allows, and answers", async () => {
    await stack.setFaults([{ platform: target.sandbox, operation: target.operation, kind: 'error', code: target.rateLimit, count: 1 }]);
    const { result, requests } = await stack.measure(() => target.list());
    expect((result as { products: unknown[] }).products).toHaveLength(10);
    const at = requests.map((r) => Date.parse((r as typeof r & { at: string }).at));
    expect(at).toHaveLength(2);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(995);
  });

  it('answers UPSTREAM_RATE_LIMITED with retryAfterMs when the limit outlasts the deadline, then holds calls back', async () => {
    const { error, attempts } = await failWith(target, { kind: 'error', code: target.rateLimit, count: 1 }, 500);
    expect(error).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstreamCode: String(target.rateLimit),
      retryable: true,
      retryAfterMs: 1000,
    });
    expect(attempts).toBe(1);
    const held = await failWith(target, { kind: 'latency', latencyMs: 0 }, 500);
    expect(held.error).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', reason: GatewayReason.QuotaPacing, upstreamCode: undefined });
    expect(shownToClients(held.error)).toMatchObject({ upstreamCode: 'QUOTA_PACING' });
    expect(held.attempts).toBe(0);
    await new Promise((r) => setTimeout(r, 1_000)); // the pause is over for the next tests
  });
});

describe('XHS_MINIAPP codes', () => {
  const target = PLATFORMS[1];

  it('retries code 2 (系统异常,请稍后重试) within the budget', async () => {
    const { error, attempts } = await failWith(target, { kind: 'error', code: 2 });
    expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: '2', retryable: true });
    expect(attempts).toBe(3);
  });

  it('refreshes once and retries once on a stale token (10003), never more', async () => {
    const { error, attempts } = await failWith(target, { kind: 'error', code: 10003 });
    expect(error).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '10003' });
    expect(attempts).toBe(2);
    await stack.setFaults([]);
    expect((await stack.measure(() => mini())).calls).toEqual({ 'xhs-miniapp:product/batch_get': 1 });
  });
});
