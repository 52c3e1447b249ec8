import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { buildXiaoeCatalog } from '../../src/sandbox/platforms/xiaoe/catalog';
import { createXiaoeSandbox } from '../../src/sandbox/platforms/xiaoe/index';
import { DOC_DETAIL_REQUEST_EXAMPLE, DOC_DETAIL_RESPONSE_EXAMPLE, DOC_EXAMPLE_RECORD } from '../unit/xiaoe-docExample';

const SEED = 11;
const SIZE = 400;
const CREDS = SANDBOX_CREDENTIALS.XIAOE;
const EXAMPLE_ID = 'a_619fba7ae4b03f3fb99c7809';
const catalog = buildXiaoeCatalog(SEED, SIZE);

interface Envelope<D = any> {
  code: number;
  msg: string;
  data: D;
}

let sandbox: RunningSandbox;
let base: string;
let admin: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, platforms: [createXiaoeSandbox({ seed: SEED, size: SIZE })] });
  base = sandbox.baseUrls.xiaoe;
  admin = `${sandbox.url}/__sandbox`;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await fetch(`${admin}/faults`, { method: 'POST', body: JSON.stringify({ faults: [] }), headers: { 'content-type': 'application/json' } });
  await fetch(`${admin}/reset`, { method: 'POST' });
});

async function getToken(overrides: Record<string, string> = {}, at = base): Promise<Envelope> {
  const query = new URLSearchParams({
    app_id: CREDS.appId,
    client_id: CREDS.clientId,
    secret_key: CREDS.secretKey,
    grant_type: 'client_credential',
    ...overrides,
  });
  return (await fetch(`${at}/token?${query}`)).json() as Promise<Envelope>;
}

async function token(at = base): Promise<string> {
  return (await getToken({}, at)).data.access_token as string;
}

async function post(path: string, body: unknown, at = base): Promise<Envelope> {
  const res = await fetch(`${at}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json() as Promise<Envelope>;
}

const detail = async (body: Record<string, unknown>, at = base) =>
  post('/xe.goods.detail.get/4.0.0', { access_token: await token(at), ...body }, at);
const list = async (body: Record<string, unknown>) => post('/xe.goods.list.get/4.0.0', { access_token: await token(), ...body });
const advanceClock = (seconds: number) =>
  fetch(`${admin}/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs: seconds * 1000 }),
  });
const stats = async () => ((await (await fetch(`${admin}/stats`)).json()) as { calls: Record<string, number> }).calls;
/** The request log, newest first. */
const loggedParams = async () =>
  (
    (await (await fetch(`${admin}/requests?platform=xiaoe&limit=10`)).json()) as {
      requests: Array<{ operation: string; params: Record<string, unknown> }>;
    }
  ).requests.reverse();

/** Keys of generated goods matching a predicate on the catalog's indexed fields. */
function keysWhere(pred: (g: (typeof catalog.newestFirst)[number]) => boolean, count: number): Array<{ type: number; id: string }> {
  return catalog.newestFirst
    .filter(pred)
    .slice(0, count)
    .map((g) => ({ type: g.resourceType, id: g.key.slice(g.key.indexOf(':') + 1) }));
}

const PARAMETER_ERROR = 2002;

describe('Xiaoe sandbox: token', () => {
  it('issues a token that lives 7200 s', async () => {
    const answer = await getToken();
    expect(answer).toMatchObject({ code: 0, msg: 'success', data: { expires_in: 7200 } });
    expect(answer.data.access_token).toMatch(/^xe_/);
  });

  it.each([
    ['secret_key', { secret_key: 'wrong' }],
    ['client_id', { client_id: 'wrong' }],
    ['app_id', { app_id: 'appother' }],
  ])('answers 2001 "invalid secret_key" for a wrong %s', async (_field, overrides) => {
    expect(await getToken(overrides)).toEqual({ code: 2001, msg: 'invalid secret_key', data: null });
  });

  it('answers the parameter error for a missing parameter or another grant_type', async () => {
    expect(await getToken({ secret_key: '' })).toEqual({ code: PARAMETER_ERROR, msg: 'secret_key is required', data: null });
    expect(await getToken({ grant_type: 'password' })).toEqual({
      code: PARAMETER_ERROR,
      msg: 'grant_type must be client_credential',
      data: null,
    });
  });

  it('allows 100 token calls per 10 minutes per app_id, then answers 429 until the window passes', async () => {
    for (let i = 0; i < 100; i++) expect((await getToken()).code).toBe(0);
    expect(await getToken()).toEqual({ code: 429, msg: 'rate limit exceeded', data: null });
    expect((await getToken({ secret_key: 'wrong' })).code).toBe(2001);
    await advanceClock(600);
    expect((await getToken()).code).toBe(0);
  });

  it('starts a fresh token quota after a sandbox reset', async () => {
    for (let i = 0; i < 100; i++) await getToken();
    expect((await getToken()).code).toBe(429);
    await fetch(`${admin}/reset`, { method: 'POST' });
    expect((await getToken()).code).toBe(0);
  });

  it('logs the call as xiaoe:token without the secret', async () => {
    await getToken();
    expect(await stats()).toEqual({ 'xiaoe:token': 1 });
    const [entry] = await loggedParams();
    expect(entry?.params).toEqual({ app_id: CREDS.appId, client_id: CREDS.clientId, grant_type: 'client_credential' });
    expect(JSON.stringify(entry)).not.toContain(CREDS.secretKey);
  });
});

describe('Xiaoe sandbox: access tokens on business calls', () => {
  const example = { resources: [{ type: 2, ids: [EXAMPLE_ID] }] };

  it('answers 2008 for a missing or unknown token', async () => {
    expect(await post('/xe.goods.detail.get/4.0.0', example)).toEqual({ code: 2008, msg: 'access_token is required', data: null });
    expect(await post('/xe.goods.detail.get/4.0.0', { access_token: 'xe_forged', ...example })).toEqual({
      code: 2008,
      msg: 'access_token invalid',
      data: null,
    });
  });

  it('answers 2008 once the token has lived its 7200 s', async () => {
    const live = await token();
    await advanceClock(7201);
    expect(await post('/xe.goods.detail.get/4.0.0', { access_token: live, ...example })).toEqual({
      code: 2008,
      msg: 'access_token expired',
      data: null,
    });
  });

  it('keeps the previous token working 5 minutes after a new one is issued, not longer', async () => {
    const old = await token();
    const fresh = await token();
    expect((await post('/xe.goods.detail.get/4.0.0', { access_token: old, ...example })).code).toBe(0);
    await advanceClock(301);
    expect((await post('/xe.goods.detail.get/4.0.0', { access_token: old, ...example })).code).toBe(2008);
    expect((await post('/xe.goods.detail.get/4.0.0', { access_token: fresh, ...example })).code).toBe(0);
  });
});

describe('Xiaoe sandbox: goods detail 2.0', () => {
  it('answers the page request example with the page response example, exactly', async () => {
    expect(await post('/xe.goods.detail.get/4.0.0', { ...DOC_DETAIL_REQUEST_EXAMPLE, access_token: await token() })).toEqual(
      DOC_DETAIL_RESPONSE_EXAMPLE,
    );
  });

  it('leaves the stock, sku and attr keys out entirely without body', async () => {
    const answer = await detail({ resources: [{ type: 2, ids: [EXAMPLE_ID] }] });
    const { stock: _s, sku: _k, attr: _a, ...expected } = DOC_EXAMPLE_RECORD;
    expect(answer.data).toEqual([expected]);
  });

  it('adds only the blocks body names', async () => {
    const [record] = (await detail({ resources: [{ type: 2, ids: [EXAMPLE_ID] }], body: 'sku' })).data;
    expect(record.sku).toEqual(DOC_EXAMPLE_RECORD.sku);
    expect(record).not.toHaveProperty('stock');
    expect(record).not.toHaveProperty('attr');
    const [both] = (await detail({ resources: [{ type: 2, ids: [EXAMPLE_ID] }], body: 'attr, stock' })).data;
    expect(
      Object.keys(both)
        .filter((k) => ['stock', 'sku', 'attr'].includes(k))
        .sort(),
    ).toEqual(['attr', 'stock']);
  });

  it('gives generated goods the same field set as the page example', async () => {
    const [physical] = keysWhere((g) => g.resourceType === 21, 1);
    const [record] = (await detail({ resources: [{ type: 21, ids: [physical!.id] }], body: 'stock,sku,attr' })).data;
    for (const key of Object.keys(DOC_EXAMPLE_RECORD)) expect(record).toHaveProperty(key);
    const [exampleSku] = DOC_EXAMPLE_RECORD.sku as Array<Record<string, unknown>>;
    const [exampleStock] = DOC_EXAMPLE_RECORD.stock as Array<Record<string, unknown>>;
    expect(Object.keys(record.sku[0]).sort()).toEqual(Object.keys(exampleSku!).sort());
    for (const key of Object.keys(exampleStock!)) expect(record.stock[0]).toHaveProperty(key);
  });

  it('serves several resource groups in one call, in request order, unknown ids and wrong types simply absent', async () => {
    const goods = keysWhere((g) => g.resourceType === 21, 2).concat(keysWhere((g) => g.resourceType === 3, 1));
    const answer = await detail({
      resources: [
        { type: 21, ids: [goods[0]!.id, 'g_nope', goods[1]!.id] },
        { type: 3, ids: [goods[2]!.id, EXAMPLE_ID] }, // the example is audio (2), not video
        { type: 2, ids: [EXAMPLE_ID] },
      ],
    });
    expect(answer.code).toBe(0);
    expect(answer.data.map((r: Record<string, unknown>) => `${r.resource_type}:${r.resource_id}`)).toEqual([
      `21:${goods[0]!.id}`,
      `21:${goods[1]!.id}`,
      `3:${goods[2]!.id}`,
      `2:${EXAMPLE_ID}`,
    ]);
  });

  it('takes 50 ids in one call and refuses 51 with the parameter error', async () => {
    const ids = keysWhere((g) => g.resourceType === 21, 51).map((g) => g.id);
    expect((await detail({ resources: [{ type: 21, ids: ids.slice(0, 50) }] })).data).toHaveLength(50);
    const tooMany = await detail({
      resources: [
        { type: 21, ids: ids.slice(0, 30) },
        { type: 21, ids: ids.slice(30, 51) },
      ],
    });
    expect(tooMany).toEqual({ code: PARAMETER_ERROR, msg: 'at most 50 ids per call, got 51', data: null });
  });

  it('filters by is_return_deleted and is_return_forbid, and returns everything when they are not passed', async () => {
    const deleted = keysWhere((g) => g.isDeleted && !g.isForbid, 2);
    const forbidden = keysWhere((g) => g.isForbid && !g.isDeleted, 2);
    const normal = keysWhere((g) => !g.isDeleted && !g.isForbid, 2);
    const all = [...deleted, ...forbidden, ...normal];
    const resources = [...new Set(all.map((g) => g.type))].map((type) => ({
      type,
      ids: all.filter((g) => g.type === type).map((g) => g.id),
    }));
    const ids = async (filters: Record<string, unknown>) =>
      ((await detail({ resources, ...filters })).data as Array<Record<string, unknown>>).map((r) => r.resource_id).sort();
    const sorted = (gs: Array<{ id: string }>) => gs.map((g) => g.id).sort();
    expect(await ids({})).toEqual(sorted(all));
    expect(await ids({ is_return_deleted: 1 })).toEqual(sorted(deleted));
    expect(await ids({ is_return_deleted: 0 })).toEqual(sorted([...forbidden, ...normal]));
    expect(await ids({ is_return_forbid: 1 })).toEqual(sorted(forbidden));
    expect(await ids({ is_return_deleted: 0, is_return_forbid: 0 })).toEqual(sorted(normal));
  });

  it.each([
    ['no resources', {}, 'resources must be a non-empty array'],
    ['empty resources', { resources: [] }, 'resources must be a non-empty array'],
    ['an undocumented type', { resources: [{ type: 10, ids: ['x'] }] }, 'resources[0].type must be a documented resource type'],
    ['a type given as text', { resources: [{ type: '2', ids: [EXAMPLE_ID] }] }, 'resources[0].type must be a documented resource type'],
    ['empty ids', { resources: [{ type: 2, ids: [] }] }, 'resources[0].ids must be a non-empty array'],
    ['a non-string id', { resources: [{ type: 2, ids: [12] }] }, 'resources[0].ids must hold non-empty strings'],
    [
      'is_return_deleted 2',
      { resources: [{ type: 2, ids: [EXAMPLE_ID] }], is_return_deleted: 2 },
      'is_return_deleted must be an integer from 0 to 1',
    ],
    [
      'an unknown body block',
      { resources: [{ type: 2, ids: [EXAMPLE_ID] }], body: 'stock,price' },
      'body may only name stock, sku, attr; got "price"',
    ],
    ['is_cache as a number', { resources: [{ type: 2, ids: [EXAMPLE_ID] }], is_cache: 1 }, 'is_cache must be a boolean'],
  ])('answers the parameter error for %s', async (_label, body, msg) => {
    expect(await detail(body)).toEqual({ code: PARAMETER_ERROR, msg, data: null });
  });

  it('counts the call and logs its ids and body, never the token', async () => {
    const accessToken = await token();
    await post('/xe.goods.detail.get/4.0.0', {
      access_token: accessToken,
      resources: [{ type: 2, ids: [EXAMPLE_ID, 'a_x'] }],
      body: 'sku',
    });
    expect(await stats()).toEqual({ 'xiaoe:token': 1, 'xiaoe:xe.goods.detail.get': 1 });
    const [entry] = await loggedParams();
    expect(entry).toMatchObject({ operation: 'xe.goods.detail.get' });
    expect(entry?.params).toEqual({
      resources: [{ type: 2, ids: [EXAMPLE_ID, 'a_x'] }],
      body: 'sku',
      ids: [`2:${EXAMPLE_ID}`, '2:a_x'],
      idCount: 2,
    });
    expect(JSON.stringify(entry)).not.toContain(accessToken);
  });

  it('answers an injected platform error in the Xiaoe envelope', async () => {
    await fetch(`${admin}/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ platform: 'xiaoe', operation: 'xe.goods.detail.get', kind: 'error', code: 2008 }] }),
    });
    expect(await detail({ resources: [{ type: 2, ids: [EXAMPLE_ID] }] })).toEqual({ code: 2008, msg: 'access_token invalid', data: null });
  });

  it('builds fault replies in the Xiaoe envelope from a numeric or text code', () => {
    const stand = createXiaoeSandbox({ seed: 1, size: 0 });
    expect(stand.errorReply('429')).toEqual({ status: 200, body: { code: 429, msg: 'rate limit exceeded', data: null } });
    expect(stand.errorReply(5001, 'system busy')).toEqual({ status: 200, body: { code: 5001, msg: 'system busy', data: null } });
  });

  it('routes only the documented method of each endpoint', async () => {
    expect((await fetch(`${base}/xe.goods.detail.get/4.0.0`)).status).toBe(404);
    expect((await fetch(`${base}/token`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${base}/xe.goods.detail.get/3.0.0`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('Xiaoe sandbox: rate limit', () => {
  it('answers 429 "rate limit exceeded" past the shop quota, counting business calls only', async () => {
    const limited = await startSandbox({
      port: 0,
      rateLimits: { xiaoe: { limit: 3, windowMs: 10_000 } },
      platforms: [createXiaoeSandbox({ seed: SEED, size: 10 })],
    });
    try {
      const at = limited.baseUrls.xiaoe;
      const accessToken = await token(at);
      const call = () => post('/xe.goods.detail.get/4.0.0', { access_token: accessToken, resources: [{ type: 2, ids: [EXAMPLE_ID] }] }, at);
      for (let i = 0; i < 3; i++) expect((await call()).code).toBe(0);
      expect(await call()).toEqual({ code: 429, msg: 'rate limit exceeded', data: null });
      expect(await post('/xe.goods.list.get/4.0.0', { access_token: accessToken }, at)).toEqual({
        code: 429,
        msg: 'rate limit exceeded',
        data: null,
      });
    } finally {
      await limited.close();
    }
  });
});

describe('Xiaoe sandbox: goods list 2.0', () => {
  it('pages the whole catalog newest first, 10 per page by default, without the blocks', async () => {
    const answer = await list({});
    expect(answer.code).toBe(0);
    expect(answer.data.current_page).toBe(1);
    expect(answer.data.total).toBe(SIZE + 1);
    expect(answer.data.list).toHaveLength(10);
    const created = (answer.data.list as Array<Record<string, string>>).map((r) => r.created_at);
    expect([...created].sort().reverse()).toEqual(created);
    for (const item of answer.data.list) for (const block of ['stock', 'sku', 'attr']) expect(item).not.toHaveProperty(block);
    expect(answer.data.list[0]).toHaveProperty('goods_name');
    expect(answer.data.list[0]).toHaveProperty('price_low');
  });

  it('continues on the next page where the last one ended', async () => {
    const first = (await list({ page: 1, page_size: 30 })).data.list as Array<Record<string, unknown>>;
    const second = (await list({ page: 2, page_size: 15 })).data.list as Array<Record<string, unknown>>;
    expect(second.map((r) => r.resource_id)).toEqual(first.slice(15, 30).map((r) => r.resource_id));
  });

  it('takes page_size 100 and refuses 101 and 0', async () => {
    expect((await list({ page_size: 100 })).data.list).toHaveLength(100);
    expect(await list({ page_size: 101 })).toEqual({
      code: PARAMETER_ERROR,
      msg: 'page_size must be an integer from 1 to 100',
      data: null,
    });
    expect((await list({ page_size: 0 })).code).toBe(PARAMETER_ERROR);
    expect((await list({ page: 0 })).code).toBe(PARAMETER_ERROR);
  });

  it('answers an empty page past the end, with the total', async () => {
    expect((await list({ page: 1000, page_size: 100 })).data).toEqual({ current_page: 1000, total: SIZE + 1, list: [] });
  });

  it('filters by goods_name keyword, resource_type and is_return_deleted', async () => {
    const keyword = (await list({ resource_type: 21 })).data.list[0].goods_name.split(' ')[0] as string;
    const byName = (await list({ goods_name: keyword, page_size: 100 })).data;
    expect(byName.total).toBe(catalog.newestFirst.filter((g) => g.goodsName.includes(keyword)).length);
    for (const item of byName.list) expect(item.goods_name).toContain(keyword);
    const physical = (await list({ resource_type: 21, page_size: 100 })).data;
    expect(physical.total).toBe(catalog.byType.get(21)?.length);
    for (const item of physical.list) expect(item.resource_type).toBe(21);
    const deleted = (await list({ is_return_deleted: 1, page_size: 100 })).data;
    expect(deleted.total).toBe(catalog.newestFirst.filter((g) => g.isDeleted).length);
    for (const item of deleted.list) expect(item.is_deleted).toBe(1);
  });

  it.each([
    [0, [0]],
    [1, [1]],
    [2, [2]],
    [3, [1, 2]],
  ])('filters by sale_status %i', async (status, allowed) => {
    const answer = (await list({ sale_status: status, page_size: 100 })).data;
    expect(answer.total).toBe(catalog.newestFirst.filter((g) => allowed.includes(g.saleStatus)).length);
    for (const item of answer.list) expect(allowed).toContain(item.sale_status);
  });

  it('filters created_at by a range of up to 15 days, inclusive', async () => {
    const newest = catalog.newestFirst[0]!;
    const end = (await list({ page_size: 1 })).data.list[0].created_at as string;
    const start = new Date(newest.createdMs - 15 * 86_400_000 + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);
    const answer = (await list({ start_time: start, end_time: end, page_size: 100 })).data;
    expect(answer.total).toBe(catalog.newestFirst.filter((g) => g.createdMs >= newest.createdMs - 15 * 86_400_000).length);
    expect(answer.total).toBeGreaterThan(0);
    for (const item of answer.list) expect(item.created_at >= start && item.created_at <= end).toBe(true);
  });

  it.each([
    [
      'a range over 15 days',
      { start_time: '2024-01-01 00:00:00', end_time: '2024-01-16 00:00:01' },
      'start_time to end_time may span at most 15 days',
    ],
    ['only start_time', { start_time: '2024-01-01 00:00:00' }, 'start_time and end_time must be passed together'],
    [
      'an end before the start',
      { start_time: '2024-01-02 00:00:00', end_time: '2024-01-01 00:00:00' },
      'end_time must not be before start_time',
    ],
    [
      'a malformed time',
      { start_time: '2024-02-30 00:00:00', end_time: '2024-03-01 00:00:00' },
      'start_time and end_time must be yyyy-MM-dd HH:mm:ss',
    ],
    ['sale_status 4', { sale_status: 4 }, 'sale_status must be an integer from 0 to 3'],
    ['an undocumented resource_type', { resource_type: 10 }, 'resource_type must be a documented resource type'],
  ])('answers the parameter error for %s', async (_label, body, msg) => {
    expect(await list(body)).toEqual({ code: PARAMETER_ERROR, msg, data: null });
  });

  it('logs page and filters, never the token', async () => {
    await list({ page: 2, page_size: 50, sale_status: 1 });
    const [entry] = await loggedParams();
    expect(entry).toMatchObject({ operation: 'xe.goods.list.get', params: { page: 2, page_size: 50, sale_status: 1 } });
    expect(entry?.params).not.toHaveProperty('access_token');
  });
});
