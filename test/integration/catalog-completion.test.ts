/**
 * Completing a listed page (WeChat SKU details, one sku/get_list call per product): every call of the
 * page starts at once and the platform's guard decides when each goes, so a page takes one wave of
 * upstream latency; with a quota, calls whose slot comes after the request's deadline are not sent.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type LoggedRequest, type Stack } from '../helpers/stack';

const WITH_SKUS = (first: number) =>
  `{ catalog(platform: WECHAT_SHOP, first: ${first}, filter: { status: [ON_SALE] }) { edges { node { id skus { price { amount } stock { available } } } } } }`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most sku/get_list calls unanswered at once in the sandbox (status 0) while `work` runs, polled every 10 ms. */
async function mostSkuCallsPending<T>(stack: Stack, work: Promise<T>): Promise<{ result: T; most: number }> {
  let done = false;
  let most = 0;
  const watching = (async () => {
    while (!done) {
      const requests: LoggedRequest[] = await stack.requests('wechat', 200);
      const pending = requests.filter((r) => r.operation === 'product/sku/get_list' && r.status === 0).length;
      most = Math.max(most, pending);
      await sleep(10);
    }
  })();
  const result = await work;
  done = true;
  await watching;
  return { result, most };
}

describe('SKU completion without a quota', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ size: { wechat: 200 }, seed: 4 });
    await stack.query(WITH_SKUS(1)); // the access token
  });
  afterAll(() => stack.close());

  it('has every sku/get_list call of a page of 50 in flight at once, one per product', async () => {
    // Upstream latency long enough for the sandbox log to show every call pending together.
    await stack.setFaults([{ platform: 'wechat', operation: 'product/sku/get_list', kind: 'latency', latencyMs: 1500 }]);
    const { result, calls } = await stack.measure(() => mostSkuCallsPending(stack, stack.query(WITH_SKUS(50))));
    await stack.setFaults([]);
    expect(result.result.errors).toBeUndefined();
    expect(result.result.data!.catalog.edges).toHaveLength(50);
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 50 });
    expect(result.most).toBe(50);
  });

  it('fails the page with the upstream error of a SKU call that fails, as before', async () => {
    await stack.setFaults([{ platform: 'wechat', operation: 'product/sku/get_list', kind: 'error', code: 9401006, count: 1 }]);
    const res = await stack.query(WITH_SKUS(10));
    await stack.setFaults([]);
    expect(res.data).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]!.extensions).toMatchObject({ platform: 'WECHAT_SHOP', upstreamCode: '9401006' });
  });
});

/** The most sku/get_list calls pending in the sandbox while its spu/get_list call is pending too, polled every 10 ms. */
async function mostSkuCallsBesidePage<T>(stack: Stack, work: Promise<T>): Promise<{ result: T; most: number }> {
  let done = false;
  let most = 0;
  const watching = (async () => {
    while (!done) {
      const pending = (await stack.requests('wechat', 200)).filter((r) => r.status === 0);
      if (pending.some((r) => r.operation === 'product/spu/get_list'))
        most = Math.max(most, pending.filter((r) => r.operation === 'product/sku/get_list').length);
      await sleep(10);
    }
  })();
  const result = await work;
  done = true;
  await watching;
  return { result, most };
}

const idsOf = (res: { data?: Record<string, any> | null }): string[] =>
  res.data!.catalog.edges.map((e: { node: { id: string } }) => e.node.id);

describe('SKU calls of a page read again', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ size: { wechat: 200 }, seed: 4 });
    await stack.query(WITH_SKUS(1)); // the access token
  });
  afterAll(() => stack.close());

  it('sends the SKU calls of the products the page completed last time beside the page call, and no other', async () => {
    const first = await stack.measure(() => stack.query(WITH_SKUS(20)));
    expect(first.calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 20 });
    // Latency long enough for the sandbox log to show the page pending beside the SKU calls.
    await stack.setFaults([
      { platform: 'wechat', operation: 'product/spu/get_list', kind: 'latency', latencyMs: 1000 },
      { platform: 'wechat', operation: 'product/sku/get_list', kind: 'latency', latencyMs: 1000 },
    ]);
    const again = await stack.measure(() => mostSkuCallsBesidePage(stack, stack.query(WITH_SKUS(20))));
    await stack.setFaults([]);
    expect(again.result.most).toBe(20);
    expect(again.calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 20 });
    expect(again.result.result.errors).toBeUndefined();
    expect(again.result.result.data).toEqual(first.result.data);
  });

  it('completes a product that joined the page after the page, and does not use the early call of one that left it', async () => {
    const before = await stack.query(WITH_SKUS(10));
    const ids = idsOf(before);
    const left = before.data!.catalog.edges[0].node.id as string;
    const productId = Buffer.from(left, 'base64url').toString().split(':').at(-1);
    const patched = await fetch(`${stack.sandboxUrl}/__sandbox/products/wechat/${productId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 11 }), // off sale: the page of on-sale products moves up by one
    });
    expect(patched.status).toBe(200);

    const after = await stack.measure(() => stack.query(WITH_SKUS(10)));
    expect(after.result.errors).toBeUndefined();
    expect(idsOf(after.result).slice(0, 9)).toEqual(ids.slice(1));
    expect(idsOf(after.result)).not.toContain(left);
    // 10 early calls (one for the product that left), then one for the product that joined.
    expect(after.calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 11 });
    const joined = after.result.data!.catalog.edges[9].node;
    expect(joined.skus.length).toBeGreaterThan(0);
    expect(joined.skus[0].price.amount).toEqual(expect.any(String));

    // The page as it is now is what the next read sends early.
    const next = await stack.measure(() => stack.query(WITH_SKUS(10)));
    expect(next.calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 10 });
    expect(next.result.data).toEqual(after.result.data);
  });
});

describe('SKU completion in a merged catalog', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ size: { wechat: 12, xiaoe: 4, 'xhs-ark': 4, 'xhs-miniapp': 4, taobao: 1 }, seed: 6 });
  });
  afterAll(() => stack.close());

  const MERGED = `query($after: String) { catalog(first: 16, after: $after) {
    edges { node { id platform skus { price { amount } } } } pageInfo { hasNextPage endCursor } } }`;

  it("ends the page before WeChat's first product when its SKU calls fail, names it, and resumes there on the next page", async () => {
    const clean = await stack.query(MERGED);
    expect(clean.errors).toBeUndefined();
    const ids: string[] = clean.data!.catalog.edges.map((e: { node: { id: string } }) => e.node.id);
    const platforms: string[] = clean.data!.catalog.edges.map((e: { node: { platform: string } }) => e.node.platform);
    const cut = platforms.indexOf('WECHAT_SHOP');
    expect(cut).toBeGreaterThan(0);

    await stack.setFaults([{ platform: 'wechat', operation: 'product/sku/get_list', kind: 'error', code: 9401006 }]);
    const failed = await stack.query(MERGED);
    await stack.setFaults([]);
    expect(failed.data!.catalog.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(ids.slice(0, cut));
    expect(failed.data!.catalog.pageInfo.hasNextPage).toBe(true);
    expect(failed.errors!.map((e) => e.extensions!.platform)).toEqual(['WECHAT_SHOP']);

    const next = await stack.query(MERGED, { after: failed.data!.catalog.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.catalog.edges.map((e: { node: { id: string } }) => e.node.id).slice(0, ids.length - cut)).toEqual(ids.slice(cut));
  });
});

describe('SKU completion under a quota and a deadline', () => {
  let stack: Stack;
  beforeEach(async () => {
    await sleep(1000); // the quota slots of what ran before are spent
  });
  beforeAll(async () => {
    // 10 calls a second (burst 1, then one every 111 ms) and one second a request.
    stack = await startStack({ size: { wechat: 200 }, seed: 4 }, { WECHAT_RATE_LIMIT: '10/1s', REQUEST_TIMEOUT_MS: '1000' });
    await stack.query(WITH_SKUS(1)); // the access token
  });
  afterAll(() => stack.close());

  /** Runs `work`, then waits a second more, so calls sent after the answer are counted too. */
  const settled = <T>(work: () => Promise<T>) =>
    stack.measure(async () => {
      const result = await work();
      await sleep(1000);
      return result;
    });

  it('completes a page whose SKU calls all get a quota slot before the deadline', async () => {
    const { result, calls } = await settled(() => stack.query(WITH_SKUS(5)));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 5 });
  });

  it('sends no SKU call for a page that cannot be completed before the deadline, and answers UPSTREAM_RATE_LIMITED', async () => {
    const { result, calls } = await settled(() => stack.query(WITH_SKUS(30)));
    expect(result.data).toBeNull();
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      platform: 'WECHAT_SHOP',
      upstreamCode: 'QUOTA_PACING',
      retryable: true,
    });
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1 });
  });

  it('sends no SKU call beside a page read again while the quota has no slot free', async () => {
    await stack.query(WITH_SKUS(3));
    await sleep(1000);
    await stack.setFaults([
      { platform: 'wechat', operation: 'product/spu/get_list', kind: 'latency', latencyMs: 300 },
      { platform: 'wechat', operation: 'product/sku/get_list', kind: 'latency', latencyMs: 100 },
    ]);
    const { result, calls } = await settled(() => mostSkuCallsBesidePage(stack, stack.query(WITH_SKUS(3))));
    await stack.setFaults([]);
    expect(result.result.errors).toBeUndefined();
    // The page took the one slot free; the SKU calls waited for theirs after the page.
    expect(result.most).toBe(0);
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 3 });
  });

  it('does not send the SKU calls still waiting for their quota slot once one has failed', async () => {
    await stack.setFaults([{ platform: 'wechat', operation: 'product/sku/get_list', kind: 'error', code: 9401006, count: 1 }]);
    const { result, calls } = await settled(() => stack.query(WITH_SKUS(5)));
    await stack.setFaults([]);
    expect(result.errors![0]!.extensions).toMatchObject({ platform: 'WECHAT_SHOP', upstreamCode: '9401006' });
    // Slots every 111 ms: the first SKU call fails long before the last three slots come.
    expect(calls['wechat:product/sku/get_list']).toBeLessThanOrEqual(2);
  });
});
