import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { buildWechatCatalog } from '../../src/sandbox/platforms/wechat/catalog';
import { createWechatSandbox } from '../../src/sandbox/platforms/wechat/index';
import { DOC_LIST_FIELDS, DOC_SKU_FIELDS, DOC_SPU } from '../unit/wechat-docExample';

const SEED = 424242;
const SIZE = 120;
const { appId, appSecret } = SANDBOX_CREDENTIALS.WECHAT_SHOP;

type Json = Record<string, any>;

let sandbox: RunningSandbox;
let base: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, platforms: [createWechatSandbox({ seed: SEED, size: SIZE })] });
  base = sandbox.baseUrls.wechat;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await admin('/faults', { faults: [] });
  await admin('/reset', {});
});

async function admin(path: string, body?: unknown): Promise<Json> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${sandbox.url}/__sandbox${path}`, init)).json() as Promise<Json>;
}

async function getToken(
  query: Record<string, string> = { grant_type: 'client_credential', appid: appId, secret: appSecret },
): Promise<Json> {
  return (await fetch(`${base}/cgi-bin/token?${new URLSearchParams(query)}`)).json() as Promise<Json>;
}

async function stableToken(body: unknown): Promise<Json> {
  const res = await fetch(`${base}/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.json() as Promise<Json>;
}

async function token(): Promise<string> {
  return (await getToken()).access_token as string;
}

/** A product call; `body` a string is sent as is. */
async function call(path: string, body: unknown, accessToken?: string, method = 'POST'): Promise<Json> {
  const query = accessToken === undefined ? '' : `?access_token=${encodeURIComponent(accessToken)}`;
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (method !== 'GET') init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const res = await fetch(`${base}${path}${query}`, init);
  expect(res.status).toBe(200);
  return res.json() as Promise<Json>;
}

const catalog = buildWechatCatalog({ seed: SEED, size: SIZE });
const pageAll = (status: number) => catalog.page(status, 0, SIZE + 1);

describe('WeChat sandbox: GET /cgi-bin/token', () => {
  it('issues a token for 7200 s, with no errcode, as the real endpoint does', async () => {
    const body = await getToken();
    expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in']);
    expect(body.expires_in).toBe(7200);
    expect(typeof body.access_token).toBe('string');
  });

  it.each([
    ['a wrong grant_type', { grant_type: 'password', appid: appId, secret: appSecret }, 40002],
    ['no appid', { grant_type: 'client_credential', secret: appSecret }, 41002],
    ['no secret', { grant_type: 'client_credential', appid: appId }, 41004],
    ['an unknown appid', { grant_type: 'client_credential', appid: 'wx-nobody', secret: appSecret }, 40013],
    ['a wrong secret', { grant_type: 'client_credential', appid: appId, secret: 'nope' }, 40125],
  ])('answers %s with %i', async (_what, query, errcode) => {
    const body = await getToken(query);
    expect(body.errcode).toBe(errcode);
    expect(body.errmsg).toMatch(/ rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
    expect(body.access_token).toBeUndefined();
  });

  it('answers a POST with 43001 (require GET)', async () => {
    const q = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret });
    const body = (await (await fetch(`${base}/cgi-bin/token?${q}`, { method: 'POST' })).json()) as Json;
    expect(body.errcode).toBe(43001);
  });

  it('keeps the previous token working for the overlap, then answers it 40001 (not latest)', async () => {
    const first = await token();
    const second = await token();
    expect(second).not.toBe(first);
    expect((await call('/product/spu/get', { product_id: 12345 }, first)).errcode).toBe(0);
    await admin('/clock', { advanceMs: 301_000 });
    expect((await call('/product/spu/get', { product_id: 12345 }, first)).errcode).toBe(40001);
    expect((await call('/product/spu/get', { product_id: 12345 }, second)).errcode).toBe(0);
  });
});

describe('WeChat sandbox: POST /cgi-bin/stable_token', () => {
  const good = { grant_type: 'client_credential', appid: appId, secret: appSecret };

  it('returns the same token until its last 5 minutes, and a new one when forced', async () => {
    const a = await stableToken(good);
    const b = await stableToken(good);
    expect(b.access_token).toBe(a.access_token);
    expect(b.expires_in).toBeLessThanOrEqual(7200);
    const forced = await stableToken({ ...good, force_refresh: true });
    expect(forced.access_token).not.toBe(a.access_token);
  });

  it('renews the token in its last 5 minutes', async () => {
    const a = await stableToken(good);
    await admin('/clock', { advanceMs: (7200 - 299) * 1000 });
    const b = await stableToken(good);
    expect(b.access_token).not.toBe(a.access_token);
    expect(b.expires_in).toBe(7200);
  });

  it.each([
    ['a wrong grant_type', { ...good, grant_type: 'x' }, 40002],
    ['no appid', { grant_type: 'client_credential', secret: appSecret }, 41002],
    ['no secret', { grant_type: 'client_credential', appid: appId }, 41004],
    ['an unknown appid', { ...good, appid: 'wx-nobody' }, 40013],
    ['a wrong secret', { ...good, secret: 'nope' }, 40125],
    ['a force_refresh that is not a boolean', { ...good, force_refresh: 1 }, 47001],
  ])('answers %s with %i', async (_what, body, errcode) => {
    expect((await stableToken(body)).errcode).toBe(errcode);
  });

  // WeChat documents the stable token as isolated from the token /cgi-bin/token returns (issue 13).
  it('keeps a stable token alive however many classic tokens the same app takes', async () => {
    const stable = (await stableToken(good)).access_token as string;
    const classic = await token();
    await token();
    await admin('/clock', { advanceMs: 301_000 });
    const spu = { product_id: 12345 };
    expect((await call('/product/spu/get', spu, stable)).errcode).toBe(0);
    expect((await call('/product/spu/get', spu, classic)).errcode).toBe(40001);
    const again = await stableToken(good);
    expect(again.access_token).toBe(stable);
  });

  it('never answers a classic token from stable_token, nor lets a stable refresh end a classic token', async () => {
    const classic = await token();
    const stable = (await stableToken(good)).access_token as string;
    expect(stable).not.toBe(classic);
    const forced = (await stableToken({ ...good, force_refresh: true })).access_token as string;
    expect([classic, stable]).not.toContain(forced);
    await admin('/clock', { advanceMs: 301_000 });
    const spu = { product_id: 12345 };
    expect((await call('/product/spu/get', spu, classic)).errcode).toBe(0);
    expect((await call('/product/spu/get', spu, forced)).errcode).toBe(0);
    expect((await call('/product/spu/get', spu, stable)).errcode).toBe(40001);
  });

  it('answers a body that is not JSON with 47001 and a GET with 43002', async () => {
    const res = await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'appid=x',
    });
    expect(((await res.json()) as Json).errcode).toBe(47001);
    expect(((await (await fetch(`${base}/cgi-bin/stable_token`)).json()) as Json).errcode).toBe(43002);
  });

  it('counts both token endpoints as wechat:token and never logs the secret', async () => {
    await getToken();
    await stableToken(good);
    expect((await admin('/stats')).calls).toEqual({ 'wechat:token': 2 });
    const { requests } = await admin('/requests?platform=wechat&limit=10');
    expect(JSON.stringify(requests)).not.toContain(appSecret);
    expect(requests.map((r: Json) => r.params.appid)).toEqual([appId, appId]);
  });
});

describe('WeChat sandbox: access_token and limits on product calls', () => {
  it('answers a missing token 41001 and an unknown one 40001', async () => {
    expect((await call('/product/spu/get', { product_id: 12345 })).errcode).toBe(41001);
    expect((await call('/product/spu/get', { product_id: 12345 }, 'wx_not-a-token')).errcode).toBe(40001);
  });

  it('answers an expired token 42001', async () => {
    const t = await token();
    await admin('/clock', { advanceMs: 7200_000 });
    const body = await call('/product/spu/get_list', { status: 5, page: 1, page_size: 1 }, t);
    expect(body).toMatchObject({ errcode: 42001 });
    expect(body.errmsg).toMatch(/^access_token expired rid: /);
  });

  it('answers a GET with 43002 and a body that is not JSON with 47001', async () => {
    const t = await token();
    expect((await call('/product/spu/get', undefined, t, 'GET')).errcode).toBe(43002);
    expect((await call('/product/spu/get', 'product_id=12345', t)).errcode).toBe(47001);
  });

  it('answers 45011 once the credential is over its quota', async () => {
    const limited = await startSandbox({
      port: 0,
      platforms: [createWechatSandbox({ seed: SEED, size: 5 })],
      rateLimits: { wechat: { limit: 2, windowMs: 60_000 } },
    });
    try {
      const q = new URLSearchParams({ grant_type: 'client_credential', appid: appId, secret: appSecret });
      const t = ((await (await fetch(`${limited.baseUrls.wechat}/cgi-bin/token?${q}`)).json()) as Json).access_token as string;
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await fetch(`${limited.baseUrls.wechat}/product/spu/get?access_token=${t}`, {
          method: 'POST',
          body: '{"product_id":12345}',
        });
        codes.push(((await res.json()) as Json).errcode as number);
      }
      expect(codes).toEqual([0, 0, 45011]);
    } finally {
      await limited.close();
    }
  });

  it("injects a platform error in WeChat's envelope", async () => {
    await admin('/faults', { faults: [{ platform: 'wechat', operation: 'product/spu/get', kind: 'error', code: 45009, count: 1 }] });
    const t = await token();
    const body = await call('/product/spu/get', { product_id: 12345 }, t);
    expect(body.errcode).toBe(45009);
    expect(typeof body.errmsg).toBe('string');
    expect((await call('/product/spu/get', { product_id: 12345 }, t)).errcode).toBe(0);
  });
});

describe('WeChat sandbox: POST /product/spu/get_list', () => {
  it("answers the page's example request with the page's example spu, verbatim", async () => {
    const body = await call('/product/spu/get_list', { status: 5, page: 1, page_size: 10, need_edit_spu: 1 }, await token());
    expect(Object.keys(body).sort()).toEqual(DOC_LIST_FIELDS);
    expect(body).toMatchObject({ errcode: 0, errmsg: 'ok', total_num: catalog.count(5) });
    expect(body.spus[0]).toEqual(DOC_SPU);
  });

  it("lists only sku_id in each spu's skus, and every documented spu field", async () => {
    const body = await call('/product/spu/get_list', { status: 5, page: 1, page_size: 300 }, await token());
    expect(body.spus.length).toBe(Math.min(300, catalog.count(5)));
    for (const spu of body.spus as Json[]) {
      for (const sku of spu.skus) expect(Object.keys(sku)).toEqual(['sku_id']);
      for (const field of Object.keys(DOC_SPU)) expect(spu).toHaveProperty(field);
      expect(spu.status).toBe(5);
    }
  });

  it('pages through a status in product_id order, the pages adding up to total_num', async () => {
    const t = await token();
    const ids: number[] = [];
    let total: number | undefined;
    for (let page = 1; ; page++) {
      const body = await call('/product/spu/get_list', { status: 11, page, page_size: 4 }, t);
      total = body.total_num;
      if (body.spus.length === 0) break;
      ids.push(...body.spus.map((s: Json) => s.product_id));
    }
    expect(total).toBeGreaterThan(4);
    expect(ids).toEqual(pageAll(11).map((p) => p.online.product_id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
  });

  it('has products in every documented status', async () => {
    const t = await token();
    for (const status of [0, 5, 6, 9, 11, 12, 13]) {
      const body = await call('/product/spu/get_list', { status, page: 1, page_size: 1 }, t);
      expect(body.total_num, `status ${status}`).toBeGreaterThan(0);
    }
  });

  it('answers need_edit_spu 1 with the draft of a product whose edit is pending', async () => {
    const pending = pageAll(5).find((p) => p.online.edit_status === 2 && p.online.product_id !== 12345)!;
    const position = pageAll(5).indexOf(pending);
    const t = await token();
    const online = await call('/product/spu/get_list', { status: 5, page: position + 1, page_size: 1 }, t);
    const draft = await call('/product/spu/get_list', { status: 5, page: position + 1, page_size: 1, need_edit_spu: 1 }, t);
    expect(online.spus[0].product_id).toBe(pending.online.product_id);
    expect(draft.spus[0].product_id).toBe(pending.online.product_id);
    expect(draft.spus[0].title).not.toBe(online.spus[0].title);
    expect(draft.spus[0].edit_status).toBe(2);
  });

  it('answers an empty page past the end, with the total', async () => {
    const body = await call('/product/spu/get_list', { status: 13, page: 1000, page_size: 300 }, await token());
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', total_num: catalog.count(13), spus: [] });
  });

  it("lists nothing for a source other than the shop's own products", async () => {
    const body = await call('/product/spu/get_list', { status: 5, page: 1, page_size: 10, source: 2 }, await token());
    expect(body).toEqual({ errcode: 0, errmsg: 'ok', total_num: 0, spus: [] });
  });

  it.each([
    ['no status', { page: 1, page_size: 10 }],
    ['an undocumented status', { status: 7, page: 1, page_size: 10 }],
    ['a status as text', { status: '5', page: 1, page_size: 10 }],
    ['no page', { status: 5, page_size: 10 }],
    ['page 0', { status: 5, page: 0, page_size: 10 }],
    ['no page_size', { status: 5, page: 1 }],
    ['page_size 0', { status: 5, page: 1, page_size: 0 }],
    ['page_size 301', { status: 5, page: 1, page_size: 301 }],
    ['need_edit_spu 2', { status: 5, page: 1, page_size: 10, need_edit_spu: 2 }],
  ])('answers %s with 9401020', async (_what, body) => {
    const reply = await call('/product/spu/get_list', body, await token());
    expect(reply.errcode).toBe(9401020);
    expect(reply.spus).toBeUndefined();
  });
});

describe('WeChat sandbox: POST /product/spu/get', () => {
  it('answers the Switch by product_id and by out_product_id under data.spu', async () => {
    const t = await token();
    expect(await call('/product/spu/get', { product_id: 12345 }, t)).toEqual({ errcode: 0, errmsg: 'ok', data: { spu: DOC_SPU } });
    expect((await call('/product/spu/get', { out_product_id: '1234566' }, t)).data.spu).toEqual(DOC_SPU);
  });

  it('answers a rejected product with its reject reason in audit_info', async () => {
    const rejected = [...pageAll(5), ...pageAll(11)].find((p) => p.online.edit_status === 3)!;
    const spu = (await call('/product/spu/get', { product_id: rejected.online.product_id }, await token())).data.spu;
    expect(spu.edit_status).toBe(3);
    expect(spu.audit_info.reject_reason).toEqual(expect.any(String));
    expect(spu.audit_info.submit_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('answers need_edit_spu 1 with the draft version', async () => {
    const pending = pageAll(5).find((p) => p.online.edit_status === 3)!;
    const body = await call('/product/spu/get', { product_id: pending.online.product_id, need_edit_spu: 1 }, await token());
    expect(body.data.spu).toEqual(pending.draft);
    expect(body.data.spu.title).not.toBe(pending.online.title);
  });

  it('answers a product_id it does not have with 9401002', async () => {
    const t = await token();
    const body = await call('/product/spu/get', { product_id: 999 }, t);
    expect(body.errcode).toBe(9401002);
    expect((await call('/product/spu/get', { product_id: pageAll(5)[1]!.online.product_id + 1 }, t)).errcode).toBe(9401002);
    expect((await call('/product/spu/get', { out_product_id: 'nope' }, t)).errcode).toBe(9401002);
  });

  it.each([
    ['neither id', {}],
    ['a product_id as text', { product_id: '12345' }],
    ['need_edit_spu 3', { product_id: 12345, need_edit_spu: 3 }],
  ])('answers %s with 9401020', async (_what, body) => {
    expect((await call('/product/spu/get', body, await token())).errcode).toBe(9401020);
  });
});

describe('WeChat sandbox: POST /product/sku/get and /product/sku/get_list', () => {
  const withStockDrift = () =>
    pageAll(5)
      .flatMap((p) => p.skus)
      .find((s) => s.realStock !== s.online.stock_num)!;

  it('answers a SKU by sku_id with the documented field set', async () => {
    const body = await call('/product/sku/get', { sku_id: 1001 }, await token());
    expect(Object.keys(body).sort()).toEqual(['data', 'errcode', 'errmsg']);
    expect(Object.keys(body.data).sort()).toEqual(DOC_SKU_FIELDS);
    expect(body.data).toMatchObject({ product_id: 12345, sku_id: 1001, out_sku_id: '1024', sale_price: 100 });
  });

  it('answers a SKU by out_sku_id', async () => {
    expect((await call('/product/sku/get', { out_sku_id: '1025' }, await token())).data.sku_id).toBe(1002);
  });

  it('answers the draft stock by default and the live stock with need_real_stock 1', async () => {
    const sku = withStockDrift();
    const t = await token();
    const draft = await call('/product/sku/get', { sku_id: sku.online.sku_id }, t);
    const real = await call('/product/sku/get', { sku_id: sku.online.sku_id, need_real_stock: 1 }, t);
    expect(draft.data.stock_num).toBe(sku.online.stock_num);
    expect(real.data.stock_num).toBe(sku.realStock);
  });

  it('answers need_edit_sku 1 with the pending price of a product under review', async () => {
    const product = pageAll(5).find((p) => p.online.edit_status === 2 && p.online.product_id !== 12345)!;
    const sku = product.skus[0]!;
    const body = await call('/product/sku/get', { sku_id: sku.online.sku_id, need_edit_sku: 1 }, await token());
    expect(body.data.sale_price).toBe(sku.draft.sale_price);
  });

  it('answers an unknown SKU with 9401006 and a request naming none with 9401020', async () => {
    const t = await token();
    expect((await call('/product/sku/get', { sku_id: 1003 }, t)).errcode).toBe(9401006);
    expect((await call('/product/sku/get', { out_sku_id: 'nope' }, t)).errcode).toBe(9401006);
    expect((await call('/product/sku/get', {}, t)).errcode).toBe(9401020);
    expect((await call('/product/sku/get', { sku_id: 1001, need_real_stock: 2 }, t)).errcode).toBe(9401020);
  });

  it("lists a product's SKUs with their details", async () => {
    const body = await call('/product/sku/get_list', { product_id: 12345, need_real_stock: 1 }, await token());
    expect(Object.keys(body).sort()).toEqual(['errcode', 'errmsg', 'skus']);
    expect(body.skus.map((s: Json) => s.sku_id)).toEqual([1001, 1002]);
    expect(body.skus.map((s: Json) => s.stock_num)).toEqual([100, 0]);
    for (const sku of body.skus) expect(Object.keys(sku).sort()).toEqual(DOC_SKU_FIELDS);
  });

  it('answers get_list for an unknown product with 9401002 and without product_id with 9401020', async () => {
    const t = await token();
    expect((await call('/product/sku/get_list', { product_id: 999 }, t)).errcode).toBe(9401002);
    expect((await call('/product/sku/get_list', {}, t)).errcode).toBe(9401020);
  });
});

describe('WeChat sandbox: stats and request log', () => {
  it('counts each product operation once and logs its body without the token', async () => {
    const t = await token();
    await call('/product/spu/get_list', { status: 5, page: 2, page_size: 300 }, t);
    await call('/product/spu/get', { product_id: 12345 }, t);
    await call('/product/sku/get', { sku_id: 1001 }, t);
    await call('/product/sku/get_list', { product_id: 12345 }, t);
    await call('/product/sku/get_list', { product_id: 999 }, t);
    expect((await admin('/stats')).calls).toEqual({
      'wechat:token': 1,
      'wechat:product/spu/get_list': 1,
      'wechat:product/spu/get': 1,
      'wechat:product/sku/get': 1,
      'wechat:product/sku/get_list': 2,
    });
    const { requests } = await admin('/requests?platform=wechat&limit=10');
    expect(requests.find((r: Json) => r.operation === 'product/spu/get_list').params).toEqual({ status: 5, page: 2, page_size: 300 });
    expect(JSON.stringify(requests)).not.toContain(t);
  });
});

describe('WeChat sandbox: catalog', () => {
  it('is the same, byte for byte, for the same seed, and differs for another', () => {
    const dump = (seed: number) => {
      const c = buildWechatCatalog({ seed, size: 60 });
      return JSON.stringify([0, 5, 6, 9, 11, 12, 13].map((s) => c.page(s, 0, 61)));
    };
    expect(dump(1)).toBe(dump(1));
    expect(dump(2)).not.toBe(dump(1));
  });

  it('covers every status, edit_status, rejection reasons, stock 0 and very large, 1 to 6 SKUs', () => {
    const c = buildWechatCatalog({ seed: 7, size: 500 });
    const all = [0, 5, 6, 9, 11, 12, 13].flatMap((s) => c.page(s, 0, 501));
    expect(all.length).toBe(501);
    expect(new Set(all.map((p) => p.online.edit_status))).toEqual(new Set([0, 1, 2, 3, 4]));
    expect(all.filter((p) => p.online.edit_status === 3).every((p) => p.online.audit_info?.reject_reason)).toBe(true);
    const skus = all.flatMap((p) => p.skus.map((s) => s.online));
    expect(skus.some((s) => s.stock_num === 0)).toBe(true);
    expect(skus.some((s) => s.stock_num > 100_000_000)).toBe(true);
    expect(new Set(all.map((p) => p.skus.length))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(skus.some((s) => s.sku_attrs.some((a) => a.attr_key === '颜色'))).toBe(true);
    expect(skus.some((s) => s.sku_attrs.some((a) => a.attr_key === '尺码'))).toBe(true);
    for (const p of all) expect(p.online.min_price).toBe(Math.min(...p.skus.map((s) => s.online.sale_price)));
  });

  it('serves a 100,000-product catalog by id without generating it all', () => {
    const c = buildWechatCatalog({ seed: 7, size: 100_000 });
    expect([0, 5, 6, 9, 11, 12, 13].reduce((n, s) => n + c.count(s), 0)).toBe(100_001);
    const last = c.page(5, c.count(5) - 1, 1)[0]!;
    expect(c.product(last.online.product_id)).toBe(last);
    expect(c.sku(last.skus[0]!.online.sku_id)).toBe(last.skus[0]);
    expect(c.page(5, 0, 300)).toHaveLength(300);
  });
});
