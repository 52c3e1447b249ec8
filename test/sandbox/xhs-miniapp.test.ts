/**
 * The mini-program stand-in over real HTTP: the token endpoint and token lifetimes, batch_get's
 * envelope and the page's field set, paging from 0 with its cap, the status filter against the data,
 * every error code, the rate limit, stats and the request log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { createXhsMiniappSandbox, type XhsMiniappSandbox } from '../../src/sandbox/platforms/xhs-miniapp';
import { MiniappCatalog } from '../../src/sandbox/platforms/xhs-miniapp/catalog';
import { MINIAPP_EXAMPLE_PRODUCT } from '../../src/sandbox/platforms/xhs-miniapp/exampleProduct';

const CRED = SANDBOX_CREDENTIALS.XHS_MINIAPP;
const TOKEN_PATH = '/xhs-miniapp/api/rmp/token';
const BATCH_GET_PATH = '/xhs-miniapp/api/rmp/mp/deal/product/batch_get';

let sandbox: RunningSandbox;
let mini: XhsMiniappSandbox;

async function post(path: string, body: unknown, query: Record<string, string> = {}): Promise<any> {
  const res = await fetch(`${sandbox.url}${path}?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function token(): Promise<string> {
  const body = await post(TOKEN_PATH, { appid: CRED.appId, secret: CRED.appSecret });
  expect(body.code).toBe(0);
  return body.data.access_token;
}

async function batchGet(body: unknown, accessToken?: string, appId: string = CRED.appId): Promise<any> {
  return post(BATCH_GET_PATH, body, { app_id: appId, access_token: accessToken ?? (await token()) });
}

async function admin(path: string, body?: unknown): Promise<any> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${sandbox.url}/__sandbox${path}`, init)).json();
}

/** Every item_id a status filter lists, walking pages of `pageSize` from page 0. */
async function walk(status: number | undefined, pageSize: number): Promise<string[]> {
  const accessToken = await token();
  const ids: string[] = [];
  for (let pageNo = 0; ; pageNo++) {
    const body = await batchGet({ page_no: pageNo, page_size: pageSize, ...(status === undefined ? {} : { status }) }, accessToken);
    expect(body.code).toBe(0);
    ids.push(...body.data.list.map((p: any) => p.item_id));
    if (body.data.list.length < pageSize) {
      expect(ids).toHaveLength(body.data.total);
      return ids;
    }
  }
}

const idsWhere = (pred: (status: number) => boolean): string[] => mini.catalog.records.filter((r) => pred(r.status)).map((r) => r.itemId);

beforeAll(async () => {
  mini = createXhsMiniappSandbox({ seed: 21, size: 260 });
  sandbox = await startSandbox({ platforms: [mini] });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await admin('/reset', {});
  await admin('/faults', { faults: [] });
});

describe('POST /api/rmp/token', () => {
  it('issues a token in {data:{access_token, expire_in:7200}, success, msg:"success", code:0}', async () => {
    const body = await post(TOKEN_PATH, { appid: CRED.appId, secret: CRED.appSecret });
    expect(body).toEqual({ data: { access_token: expect.any(String), expire_in: 7200 }, success: true, msg: 'success', code: 0 });
  });

  it('refuses a wrong secret or app id with 10001', async () => {
    expect(await post(TOKEN_PATH, { appid: CRED.appId, secret: 'wrong' })).toEqual({
      success: false,
      msg: expect.any(String),
      code: 10001,
    });
    expect(await post(TOKEN_PATH, { appid: 'other', secret: CRED.appSecret })).toMatchObject({ success: false, code: 10001 });
  });

  it.each([['{}'], ['{"appid":"x"}'], ['not json'], ['{"appid":1,"secret":2}']])('refuses the body %s with 10002', async (body) => {
    expect(await post(TOKEN_PATH, body)).toMatchObject({ success: false, code: 10002 });
  });

  it('answers 404 to GET', async () => {
    expect((await fetch(`${sandbox.url}${TOKEN_PATH}`)).status).toBe(404);
  });
});

describe('token lifetimes', () => {
  it('refuses a token past its 7200 s life with 10003', async () => {
    const accessToken = await token();
    expect((await batchGet({ page_no: 0, page_size: 1 }, accessToken)).code).toBe(0);
    await admin('/clock', { advanceMs: 7_200_000 });
    expect(await batchGet({ page_no: 0, page_size: 1 }, accessToken)).toEqual({ success: false, msg: 'access_token 已过期', code: 10003 });
  });

  it('keeps the previous token working 5 minutes after a new one, then refuses it', async () => {
    const old = await token();
    const fresh = await token();
    expect(fresh).not.toBe(old);
    await admin('/clock', { advanceMs: 290_000 });
    expect((await batchGet({ page_no: 0, page_size: 1 }, old)).code).toBe(0);
    await admin('/clock', { advanceMs: 20_000 });
    expect((await batchGet({ page_no: 0, page_size: 1 }, old)).code).toBe(10003);
    expect((await batchGet({ page_no: 0, page_size: 1 }, fresh)).code).toBe(0);
  });

  it.each([
    ['a made-up token', 'rmp_nope'],
    ['no token', ''],
  ])('refuses %s with 10003', async (_, accessToken) => {
    expect(await batchGet({ page_no: 0, page_size: 1 }, accessToken)).toMatchObject({ success: false, code: 10003 });
  });

  it('refuses a token used with another app_id with 10003', async () => {
    expect(await batchGet({ page_no: 0, page_size: 1 }, await token(), 'other-app')).toMatchObject({ code: 10003 });
  });

  it('refuses a call without app_id with 10002', async () => {
    expect(await post(BATCH_GET_PATH, { page_no: 0, page_size: 1 }, { access_token: await token() })).toMatchObject({ code: 10002 });
  });
});

describe('POST /api/rmp/mp/deal/product/batch_get answers like the page', () => {
  it("wraps a page in {data:{list, total}, success, msg, code} with the example's field names", async () => {
    const body = await batchGet({ page_no: 0, page_size: 30 });
    expect(Object.keys(body)).toEqual(['data', 'success', 'msg', 'code']);
    expect(body).toMatchObject({ success: true, msg: 'success', code: 0 });
    expect(Object.keys(body.data)).toEqual(['list', 'total']);
    expect(body.data.list).toHaveLength(30);
    for (const product of body.data.list) {
      expect(Object.keys(product)).toEqual(Object.keys(MINIAPP_EXAMPLE_PRODUCT));
      expect(Object.keys(product.audit_info)).toEqual(Object.keys(MINIAPP_EXAMPLE_PRODUCT.audit_info!));
      for (const sku of product.skus) expect(Object.keys(sku)).toEqual(Object.keys(MINIAPP_EXAMPLE_PRODUCT.skus![0]!));
    }
  });

  it('uses fen integers and unix milliseconds', async () => {
    const { data } = await batchGet({ page_no: 0, page_size: 100 });
    for (const product of data.list) {
      expect(product.biz_update_time).toBeGreaterThan(1e12);
      expect(product.biz_create_time).toBeLessThanOrEqual(product.biz_update_time);
      for (const sku of product.skus) {
        expect(Number.isSafeInteger(sku.sale_price) && Number.isSafeInteger(sku.origin_price)).toBe(true);
        expect(sku.origin_price).toBeGreaterThanOrEqual(sku.sale_price);
      }
    }
  });

  it("carries the page's example record as it is printed", async () => {
    const { data } = await batchGet({ page_no: 0, page_size: 100, status: 0 });
    expect(data.list).toContainEqual(MINIAPP_EXAMPLE_PRODUCT);
  });

  it('holds every status, product and settle type, 1-6 SKUs, and rejected products with a reason', () => {
    const products = mini.catalog.records.map((r) => mini.catalog.product(r));
    expect(new Set(products.map((p) => p.status))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    expect(new Set(products.map((p) => p.product_type))).toEqual(new Set([0, 1, 2, 3]));
    expect(new Set(products.map((p) => p.settle_type))).toEqual(new Set([0, 1, 2, 3]));
    const skuCounts = products.map((p) => p.skus!.length);
    expect(Math.min(...skuCounts)).toBe(1);
    expect(Math.max(...skuCounts)).toBeGreaterThanOrEqual(4);
    for (const p of products.filter((p) => p.status === 3)) expect(p.audit_info?.reject_reason).not.toBe('');
    for (const p of products.filter((p) => p.status === 0 && p.item_id !== 'string'))
      expect(p.audit_info).toEqual({ submit_time: 0, audit_time: 0, reject_reason: '' });
  });
});

describe('paging from page 0', () => {
  it('lists every product but the deleted ones once, biz_update_time descending then item_id', async () => {
    const listed = idsWhere((status) => status !== 6);
    expect(await walk(undefined, 100)).toEqual(listed);
    expect(await walk(undefined, 33)).toEqual(listed);
    const times = mini.catalog.records.map((r) => r.updateTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('starts at page 0: page 1 of size 10 is the 11th to 20th products', async () => {
    const { data } = await batchGet({ page_no: 1, page_size: 10 });
    expect(data.list.map((p: any) => p.item_id)).toEqual(idsWhere((s) => s !== 6).slice(10, 20));
  });

  it('answers a page past the end with an empty list and the true total', async () => {
    expect((await batchGet({ page_no: 50, page_size: 100 })).data).toEqual({ list: [], total: idsWhere((s) => s !== 6).length });
  });

  it.each([
    [{ page_no: 0, page_size: 101 }, 'page_size'],
    [{ page_no: 0, page_size: 0 }, 'page_size'],
    [{ page_no: 0 }, 'page_size'],
    [{ page_size: 10 }, 'page_no'],
    [{ page_no: -1, page_size: 10 }, 'page_no'],
    [{ page_no: '0', page_size: 10 }, 'page_no'],
    [{ page_no: 0.5, page_size: 10 }, 'page_no'],
    [{ page_no: 0, page_size: 10, status: '2' }, 'status'],
  ])('refuses %o with 10002', async (body, name) => {
    expect(await batchGet(body)).toEqual({ success: false, msg: expect.stringContaining(name), code: 10002 });
  });

  it('refuses a body that is not a JSON object with 10002', async () => {
    expect(await batchGet('page_no=0')).toMatchObject({ code: 10002 });
    expect(await batchGet([0, 10])).toMatchObject({ code: 10002 });
  });
});

describe('the status filter, compared with the data itself', () => {
  it.each([0, 1, 2, 3, 4, 5, 6])('status %i', async (status) => {
    expect(await walk(status, 40)).toEqual(idsWhere((s) => s === status));
  });

  it('an unknown status lists nothing', async () => {
    expect((await batchGet({ page_no: 0, page_size: 10, status: 99 })).data).toEqual({ list: [], total: 0 });
  });
});

describe('rate limit, faults, stats and the request log', () => {
  it('counts token and batch_get calls under their stats keys and logs page sizes, never the token or secret', async () => {
    const accessToken = await token();
    await batchGet({ page_no: 2, page_size: 25, status: 2 }, accessToken);
    await batchGet({ page_no: 0, page_size: 5 }, accessToken);
    expect((await admin('/stats')).calls).toEqual({ 'xhs-miniapp:token': 1, 'xhs-miniapp:product/batch_get': 2 });
    const { requests } = await admin('/requests?platform=xhs-miniapp&limit=3');
    expect(requests.map((r: any) => r.params)).toEqual(
      expect.arrayContaining([
        { appid: CRED.appId },
        { app_id: CRED.appId, page_no: 2, page_size: 25, status: 2 },
        { app_id: CRED.appId, page_no: 0, page_size: 5 },
      ]),
    );
    expect(JSON.stringify(requests)).not.toContain(accessToken);
    expect(JSON.stringify(requests)).not.toContain(CRED.appSecret);
  });

  it('answers an injected system error as {success:false, code:2, msg:"系统异常,请稍后重试"}', async () => {
    await admin('/faults', { faults: [{ platform: 'xhs-miniapp', operation: 'product/batch_get', kind: 'error', code: 2, count: 1 }] });
    const accessToken = await token();
    expect(await batchGet({ page_no: 0, page_size: 1 }, accessToken)).toEqual({ success: false, msg: '系统异常,请稍后重试', code: 2 });
    expect((await batchGet({ page_no: 0, page_size: 1 }, accessToken)).code).toBe(0);
  });

  it("refuses calls over the app's quota with 10004 and says when to retry", async () => {
    const limited = await startSandbox({
      platforms: [createXhsMiniappSandbox({ seed: 1, size: 3 })],
      rateLimits: { 'xhs-miniapp': { limit: 2, windowMs: 60_000 } },
    });
    try {
      const call = async (path: string, body: unknown, query: Record<string, string> = {}) =>
        (
          await fetch(`${limited.url}${path}?${new URLSearchParams(query)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          })
        ).json();
      const { data } = await call(TOKEN_PATH, { appid: CRED.appId, secret: CRED.appSecret });
      const query = { app_id: CRED.appId, access_token: data.access_token };
      expect((await call(BATCH_GET_PATH, { page_no: 0, page_size: 1 }, { ...query, access_token: 'rmp_bad' })).code).toBe(10003);
      expect((await call(BATCH_GET_PATH, { page_no: 0, page_size: 1 }, query)).code).toBe(0);
      expect((await call(BATCH_GET_PATH, { page_no: 0, page_size: 1 }, query)).code).toBe(0);
      const refused = await call(BATCH_GET_PATH, { page_no: 0, page_size: 1 }, query);
      expect(refused).toMatchObject({ success: false, code: 10004, msg: expect.stringMatching(/\d+ 秒后重试/) });
    } finally {
      await limited.close();
    }
  });
});

describe('the catalog', () => {
  it('is the same, byte for byte, for the same seed, and different for another', () => {
    const text = (c: MiniappCatalog) => JSON.stringify(c.records.map((r) => c.product(r)));
    expect(text(new MiniappCatalog(5, 300))).toBe(text(new MiniappCatalog(5, 300)));
    expect(text(new MiniappCatalog(5, 300))).not.toBe(text(new MiniappCatalog(6, 300)));
  });

  it('has the requested size plus the example, with unique item ids', () => {
    expect(mini.catalog.records).toHaveLength(261);
    expect(mini.catalog.byId.size).toBe(261);
  });

  it('rebuilds a product on demand that agrees with the record it was listed by', () => {
    for (const record of mini.catalog.records) {
      const product = mini.catalog.product(record);
      expect([product.item_id, product.status, product.biz_update_time]).toEqual([record.itemId, record.status, record.updateTime]);
    }
  });
});
