/**
 * The Ark and mini-program list clients (and adapters' listPage) against the sandbox over real HTTP:
 * signing, token lifecycle, paging through whole catalogs, filters, and every failure mapped to the
 * right UpstreamError.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/platforms/errors';
import { createXhsArkAdapter } from '../../src/platforms/xhs-ark/adapter';
import { createXhsArkClient } from '../../src/platforms/xhs-ark/client';
import { createXhsMiniappAdapter } from '../../src/platforms/xhs-miniapp/adapter';
import { createXhsMiniappClient } from '../../src/platforms/xhs-miniapp/client';
import { startSandbox, type FaultRule, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { createXhsArkSandbox, type XhsArkSandbox } from '../../src/sandbox/platforms/xhs-ark';
import { createXhsMiniappSandbox, type XhsMiniappSandbox } from '../../src/sandbox/platforms/xhs-miniapp';

const ARK = SANDBOX_CREDENTIALS.XHS_ARK;
const MINI = SANDBOX_CREDENTIALS.XHS_MINIAPP;

let sandbox: RunningSandbox;
let arkData: XhsArkSandbox;
let miniData: XhsMiniappSandbox;

async function admin(path: string, body?: unknown): Promise<any> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${sandbox.url}/__sandbox${path}`, init)).json();
}
const setFaults = (faults: FaultRule[]) => admin('/faults', { faults });
const calls = async (): Promise<Record<string, number>> => (await admin('/stats')).calls;

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
}

beforeAll(async () => {
  arkData = createXhsArkSandbox({ seed: 31, size: 180 });
  miniData = createXhsMiniappSandbox({ seed: 32, size: 230 });
  sandbox = await startSandbox({ platforms: [arkData, miniData] });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await admin('/reset', {});
  await setFaults([]);
});

describe('the Ark client', () => {
  const adapter = () => createXhsArkAdapter({ baseUrl: sandbox.baseUrls['xhs-ark'], timeoutMs: 2000 });

  it("pages through the whole catalog, signed, in the sandbox's order, in ceil(181 / 50) calls", async () => {
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { total, products } = await adapter().listPage({ page_no: page, page_size: 50 }, { credentials: ARK });
      ids.push(...products.map((p) => p.platformProductId));
      if (ids.length >= total) break;
    }
    expect(ids).toEqual(arkData.catalog.records.map((r) => r.id));
    expect(await calls()).toEqual({ 'xhs-ark:items': 4 });
  });

  it('maps the documented example to 252.70', async () => {
    const { products } = await adapter().listPage({ update_time_to: 1491827455 }, { credentials: ARK });
    expect(products).toHaveLength(1);
    expect(products[0]).toMatchObject({
      platformProductId: '58e5a8e4c9d7597de8649ab5',
      price: { min: { amount: '252.70', minorUnits: 25270 } },
      status: 'SOLD_OUT',
    });
  });

  it('sends the filters it is given, and gets what the data holds', async () => {
    const query = { status: 2 as const, buyable: true, stock_gte: 1, page_size: 50 };
    const page = await createXhsArkClient({ baseUrl: sandbox.baseUrls['xhs-ark'], timeoutMs: 2000 }).listItems(query, ARK);
    const expected = arkData.catalog.records.filter((r) => r.status === 2 && r.buyable && r.stock >= 1).map((r) => r.id);
    expect(page.total).toBe(expected.length);
    expect(page.hits.map((h) => h.item.id)).toEqual(expected.slice(0, 50));
    const [logged] = (await admin('/requests?platform=xhs-ark&limit=1')).requests;
    expect(logged.params).toEqual({ status: 2, buyable: true, stock_gte: 1, page_size: 50 });
  });

  it('fails with UPSTREAM_AUTH 1001 for a wrong secret and 1002 for a clock 11 minutes slow', async () => {
    const wrong = await failure(adapter().listPage({}, { credentials: { ...ARK, appSecret: 'nope' } }));
    expect(wrong).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '1001', retryable: false });
    const slow = createXhsArkClient({ baseUrl: sandbox.baseUrls['xhs-ark'], timeoutMs: 2000, now: () => Date.now() - 11 * 60_000 });
    expect(await failure(slow.listItems({}, ARK))).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '1002' });
  });

  it('fails with UPSTREAM_REJECTED 1003 for a page size over 50', async () => {
    expect(await failure(adapter().listPage({ page_size: 51 }, { credentials: ARK }))).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamCode: '1003',
    });
  });

  it.each<[FaultRule, string, boolean]>([
    [{ platform: 'xhs-ark', kind: 'error', code: 429 }, 'UPSTREAM_RATE_LIMITED', true],
    [{ platform: 'xhs-ark', kind: 'http', status: 503 }, 'UPSTREAM_UNAVAILABLE', true],
    [{ platform: 'xhs-ark', kind: 'html' }, 'UPSTREAM_UNAVAILABLE', true],
    [{ platform: 'xhs-ark', kind: 'non-json' }, 'UPSTREAM_BAD_RESPONSE', false],
    [{ platform: 'xhs-ark', kind: 'reset' }, 'UPSTREAM_UNAVAILABLE', true],
  ])('maps the fault %o to %s', async (fault, code, retryable) => {
    await setFaults([fault]);
    expect(await failure(adapter().listPage({}, { credentials: ARK }))).toMatchObject({ platform: 'XHS_ARK', code, retryable });
  });

  it('times out on a hanging upstream as UPSTREAM_TIMEOUT', async () => {
    await setFaults([{ platform: 'xhs-ark', kind: 'hang' }]);
    const impatient = createXhsArkAdapter({ baseUrl: sandbox.baseUrls['xhs-ark'], timeoutMs: 200 });
    expect(await failure(impatient.listPage({}, { credentials: ARK }))).toMatchObject({ code: 'UPSTREAM_TIMEOUT', retryable: false });
  });

  it('reports the quota with the retry delay the sandbox gives', async () => {
    const limited = await startSandbox({
      platforms: [createXhsArkSandbox({ seed: 1, size: 3 })],
      rateLimits: { 'xhs-ark': { limit: 1, windowMs: 5_000 } },
    });
    try {
      const client = createXhsArkClient({ baseUrl: limited.baseUrls['xhs-ark'], timeoutMs: 2000 });
      await client.listItems({}, ARK);
      const err = await failure(client.listItems({}, ARK));
      expect(err).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', upstreamCode: '429', retryable: true });
      expect(err.retryAfterMs).toBeGreaterThanOrEqual(1000);
      expect(err.retryAfterMs).toBeLessThanOrEqual(5000);
    } finally {
      await limited.close();
    }
  });
});

describe('the mini-program client', () => {
  const options = () => ({ baseUrl: sandbox.baseUrls['xhs-miniapp'], timeoutMs: 2000 });
  const listed = () => miniData.catalog.records.filter((r) => r.status !== 6).map((r) => r.itemId);

  it('pages through every listed product from page 0, fetching one token for all calls', async () => {
    const adapter = createXhsMiniappAdapter(options());
    const ids: string[] = [];
    for (let pageNo = adapter.firstPageNo; ; pageNo++) {
      const { total, products } = await adapter.listPage({ pageNo, pageSize: adapter.maxPageSize }, { credentials: MINI });
      ids.push(...products.map((p) => p.platformProductId));
      if (ids.length >= total) break;
    }
    expect(ids).toEqual(listed());
    expect(await calls()).toEqual({ 'xhs-miniapp:token': 1, 'xhs-miniapp:product/batch_get': 3 });
  });

  it('fetches one token for concurrent first calls (single flight)', async () => {
    const client = createXhsMiniappClient(options());
    const pages = await Promise.all([0, 1, 2, 3, 4].map((pageNo) => client.batchGet(pageNo, 20, undefined, MINI)));
    expect(pages.flatMap((p) => p.list.map((x) => x.item_id))).toEqual(listed().slice(0, 100));
    expect(await calls()).toEqual({ 'xhs-miniapp:token': 1, 'xhs-miniapp:product/batch_get': 5 });
  });

  it('refreshes an expired token once (10003) and retries the call once', async () => {
    const client = createXhsMiniappClient(options());
    await client.batchGet(0, 1, undefined, MINI);
    await admin('/clock', { advanceMs: 7_200_000 });
    const page = await client.batchGet(0, 1, undefined, MINI);
    expect(page.list).toHaveLength(1);
    expect(await calls()).toEqual({ 'xhs-miniapp:token': 2, 'xhs-miniapp:product/batch_get': 3 });
    const outcomes = (await admin('/requests?platform=xhs-miniapp&limit=5')).requests.map((r: any) => `${r.operation}:${r.outcome}`);
    expect(outcomes).toEqual(['token:ok', 'product/batch_get:ok', 'product/batch_get:error:10003', 'token:ok', 'product/batch_get:ok']);
  });

  it('passes the status filter and maps what comes back', async () => {
    const { total, products } = await createXhsMiniappAdapter(options()).listPage(
      { pageNo: 0, pageSize: 100, status: 3 },
      { credentials: MINI },
    );
    const rejected = miniData.catalog.records.filter((r) => r.status === 3);
    expect(total).toBe(rejected.length);
    expect(products.map((p) => p.platformProductId)).toEqual(rejected.map((r) => r.itemId).slice(0, 100));
    for (const product of products) expect(product.audit).toMatchObject({ state: 'REJECTED', rejectReason: expect.any(String) });
  });

  it('fails with UPSTREAM_AUTH 10001 for a wrong secret, before any business call', async () => {
    const err = await failure(createXhsMiniappClient(options()).batchGet(0, 10, undefined, { ...MINI, appSecret: 'nope' }));
    expect(err).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '10001' });
    expect(await calls()).toEqual({ 'xhs-miniapp:token': 1 });
  });

  it('fails with UPSTREAM_REJECTED 10002 for a page size over 100', async () => {
    expect(await failure(createXhsMiniappClient(options()).batchGet(0, 101, undefined, MINI))).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamCode: '10002',
    });
  });

  it('reports the system error (code 2) as retryable, without retrying it itself', async () => {
    await setFaults([{ platform: 'xhs-miniapp', operation: 'product/batch_get', kind: 'error', code: 2, count: 1 }]);
    const err = await failure(createXhsMiniappClient(options()).batchGet(0, 10, undefined, MINI));
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: '2', upstreamMessage: '系统异常,请稍后重试', retryable: true });
    expect(await calls()).toEqual({ 'xhs-miniapp:token': 1, 'xhs-miniapp:product/batch_get': 1 });
  });

  it('maps a broken token endpoint to UPSTREAM_BAD_RESPONSE', async () => {
    await setFaults([{ platform: 'xhs-miniapp', operation: 'token', kind: 'non-json' }]);
    expect(await failure(createXhsMiniappClient(options()).batchGet(0, 10, undefined, MINI))).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});
