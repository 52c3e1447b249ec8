/**
 * The Taobao stand-in over real HTTP: envelope and field set of the API page, `fields` projection, every
 * system-parameter and business error with TOP's code, the per-app quota, stats and the request log.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TopSignMethod } from '../../src/sandbox/platforms/taobao/credentials';
import { signTopRequest } from '../../src/platforms/taobao/sign';
import { toShanghaiLocal } from '../../src/platforms/time';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { createTaobaoSandbox } from '../../src/sandbox/platforms/taobao';

const CRED = SANDBOX_CREDENTIALS.TAOBAO;
const EXAMPLE_ID = '1489161932';
const MINUTE = 60_000;

type Params = Record<string, string>;
interface CallOptions {
  /** Parameters to change (undefined removes one) before signing. */
  set?: Record<string, string | undefined>;
  secret?: string;
  signMethod?: TopSignMethod;
  /** Parameters to change after signing. */
  after?: Record<string, string | undefined>;
}

function topParams(business: Params, options: CallOptions = {}): Params {
  const signMethod = options.signMethod ?? CRED.signMethod;
  const params: Record<string, string | undefined> = {
    method: 'taobao.miniapp.items.get',
    app_key: CRED.appKey,
    session: CRED.session,
    timestamp: toShanghaiLocal(Date.now()),
    v: '2.0',
    format: 'json',
    sign_method: signMethod,
    ...business,
    ...options.set,
  };
  const clean = withoutUndefined(params);
  clean.sign = signTopRequest(clean, options.secret ?? CRED.appSecret, signMethod);
  return withoutUndefined({ ...clean, ...options.after });
}

function withoutUndefined(params: Record<string, string | undefined>): Params {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
}

let sandbox: RunningSandbox;
let catalog: ReturnType<typeof createTaobaoSandbox>['catalog'];

async function post(params: Params): Promise<any> {
  const res = await fetch(`${sandbox.url}/taobao/router/rest`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
  });
  expect(res.status).toBe(200);
  return res.json();
}

async function get(params: Params): Promise<any> {
  const res = await fetch(`${sandbox.url}/taobao/router/rest?${new URLSearchParams(params).toString()}`);
  expect(res.status).toBe(200);
  return res.json();
}

async function admin(path: string, body?: unknown): Promise<any> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${sandbox.url}/__sandbox${path}`, init)).json();
}

const itemsOf = (body: any): any[] => body.miniapp_items_get_response.items?.item ?? [];

function expectError(body: any, code: number, msg: string, sub?: { sub_code?: string; sub_msg?: RegExp }): void {
  expect(Object.keys(body)).toEqual(['error_response']);
  const error = body.error_response;
  expect(error).toMatchObject({ code, msg });
  expect(error.request_id).toMatch(/^[0-9a-z]{12}$/);
  if (sub?.sub_code) expect(error.sub_code).toBe(sub.sub_code);
  if (sub?.sub_msg) expect(error.sub_msg).toMatch(sub.sub_msg);
}

beforeAll(async () => {
  const taobao = createTaobaoSandbox({ seed: 7, size: 200 });
  catalog = taobao.catalog;
  sandbox = await startSandbox({ platforms: [taobao], rateLimits: { taobao: { limit: 1000, windowMs: 1000 } } });
});

afterAll(() => sandbox.close());

beforeEach(async () => {
  await admin('/reset', {});
  await admin('/faults', { faults: [] });
});

describe('taobao.miniapp.items.get: success', () => {
  it('answers a form POST in the documented envelope, items in request order, unknown ids absent', async () => {
    const [a, b] = [...catalog.items.keys()].slice(5, 7) as [string, string];
    const body = await post(topParams({ num_iids: `${b},999,${EXAMPLE_ID},${a}`, fields: 'num_iid,title' }));
    expect(Object.keys(body)).toEqual(['miniapp_items_get_response']);
    expect(Object.keys(body.miniapp_items_get_response)).toEqual(['items', 'request_id']);
    expect(itemsOf(body).map((i) => String(i.num_iid))).toEqual([b, EXAMPLE_ID, a]);
    expect(itemsOf(body)[1]).toEqual({ num_iid: 1489161932, title: 'Google test item' });
  });

  it('answers a GET with the query string the same way', async () => {
    const body = await get(topParams({ num_iids: EXAMPLE_ID, fields: 'title,price' }));
    expect(itemsOf(body)).toEqual([{ title: 'Google test item', price: '5.00' }]);
  });

  it('returns the API page example with exactly the documented field set', async () => {
    const documented = [
      'iid',
      'detail_url',
      'num_iid',
      'title',
      'nick',
      'type',
      'cid',
      'seller_cids',
      'props',
      'input_pids',
      'input_str',
      'pic_url',
      'stuff_status',
      'price',
      'approve_status',
      'product_id',
      'auction_point',
      'property_alias',
      'item_img',
      'prop_img',
      'sku',
      'video',
      'second_kill',
      'props_name',
      'barcode',
      'promoted_price',
      'main_pic34',
      'upright_image_url',
      'outer_id',
      'is_virtual',
    ];
    const [item] = itemsOf(await post(topParams({ num_iids: EXAMPLE_ID, fields: documented.join(',') })));
    expect(Object.keys(item).sort()).toEqual(
      documented.map((f) => ({ item_img: 'item_imgs', prop_img: 'prop_imgs', sku: 'skus', video: 'videos' })[f] ?? f).sort(),
    );
    expect(item.skus).toEqual({
      sku: [
        expect.objectContaining({
          sku_id: 123,
          price: '200.07',
          properties: '1243:1215;5626:5125',
          outer_id: '12345',
          promoted_price: '128.99',
        }),
      ],
    });
    expect(item).toMatchObject({
      price: '5.00',
      approve_status: 'onsale',
      title: 'Google test item',
      item_imgs: { item_img: [{ position: 1 }] },
    });
  });

  it('leaves out `items` entirely when no id matched', async () => {
    const body = await post(topParams({ num_iids: '1,2', fields: 'title' }));
    expect(Object.keys(body.miniapp_items_get_response)).toEqual(['request_id']);
  });

  it('treats deleted items as unknown ids', async () => {
    expect(catalog.deletedIds.length).toBeGreaterThan(0);
    const deleted = catalog.deletedIds[0]!;
    expect(itemsOf(await post(topParams({ num_iids: deleted, fields: 'num_iid' })))).toEqual([]);
  });

  it('returns each id once when it is repeated', async () => {
    expect(itemsOf(await post(topParams({ num_iids: `${EXAMPLE_ID},${EXAMPLE_ID}`, fields: 'num_iid' })))).toHaveLength(1);
  });

  it('accepts exactly 50 ids', async () => {
    const ids = [...catalog.items.keys()].slice(0, 50);
    expect(itemsOf(await post(topParams({ num_iids: ids.join(','), fields: 'num_iid' })))).toHaveLength(50);
  });

  it.each(['md5', 'hmac', 'hmac-sha256'] as const)('verifies a %s signature', async (signMethod) => {
    expect(itemsOf(await post(topParams({ num_iids: EXAMPLE_ID, fields: 'num_iid' }, { signMethod })))).toHaveLength(1);
  });

  it('accepts a timestamp 9 minutes off the server clock', async () => {
    const timestamp = toShanghaiLocal(Date.now() - 9 * MINUTE);
    expect(itemsOf(await post(topParams({ num_iids: EXAMPLE_ID, fields: 'num_iid' }, { set: { timestamp } })))).toHaveLength(1);
  });
});

describe('taobao.miniapp.items.get: fields', () => {
  const fetchExample = async (fields: string) => itemsOf(await post(topParams({ num_iids: EXAMPLE_ID, fields })))[0];

  it('returns a whole sub-object for its singular name', async () => {
    const item = await fetchExample('sku');
    expect(Object.keys(item)).toEqual(['skus']);
    expect(Object.keys(item.skus.sku[0])).toEqual(
      expect.arrayContaining(['sku_id', 'properties', 'properties_name', 'price', 'barcode', 'pic_url']),
    );
  });

  it('returns only the named sub-fields for sku.price-style names', async () => {
    expect(await fetchExample('sku.sku_id,sku.price')).toEqual({ skus: { sku: [{ sku_id: 123, price: '200.07' }] } });
    expect(await fetchExample('item_img.url')).toEqual({ item_imgs: { item_img: [{ url: expect.stringMatching(/^http/) }] } });
  });

  it('lets a whole sub-object win over one of its fields', async () => {
    const item = await fetchExample('sku.price,sku');
    expect(Object.keys(item.skus.sku[0]).length).toBeGreaterThan(2);
  });

  it('silently leaves out the fields documented as not returned', async () => {
    expect(await fetchExample('num_iid,sold_quantity,item_weight,item_size')).toEqual({ num_iid: 1489161932 });
  });

  it('returns every field when `fields` is absent', async () => {
    const item = itemsOf(await post(topParams({ num_iids: EXAMPLE_ID })))[0];
    expect(item).toMatchObject({ num_iid: 1489161932, num: 100, skus: { sku: [expect.objectContaining({ quantity: 100 })] } });
  });
});

describe('taobao.miniapp.items.get: system parameter errors', () => {
  const business = { num_iids: EXAMPLE_ID, fields: 'num_iid' };

  it('answers 21 Missing method', async () => {
    expectError(await post(topParams(business, { set: { method: undefined } })), 21, 'Missing method');
  });

  it('answers 22 Invalid method for another API', async () => {
    expectError(await post(topParams(business, { set: { method: 'taobao.items.list.get' } })), 22, 'Invalid method');
  });

  it('answers 28 Missing app key and 29 Invalid app Key', async () => {
    expectError(await post(topParams(business, { set: { app_key: undefined } })), 28, 'Missing app key');
    expectError(await post(topParams(business, { set: { app_key: '87654321' } })), 29, 'Invalid app Key');
  });

  it('answers 30 Missing timestamp', async () => {
    expectError(await post(topParams(business, { set: { timestamp: undefined } })), 30, 'Missing timestamp');
  });

  it('answers 31 Invalid timestamp 11 minutes off, either way, or malformed', async () => {
    for (const timestamp of [
      toShanghaiLocal(Date.now() - 11 * MINUTE),
      toShanghaiLocal(Date.now() + 11 * MINUTE),
      String(Date.now()),
      '2024-13-01 00:00:00',
    ]) {
      expectError(await post(topParams(business, { set: { timestamp } })), 31, 'Invalid timestamp');
    }
  });

  it('reads the timestamp as GMT+8: a UTC wall-clock time is 8 hours off', async () => {
    const utcText = new Date().toISOString().slice(0, 19).replace('T', ' ');
    expectError(await post(topParams(business, { set: { timestamp: utcText } })), 31, 'Invalid timestamp');
  });

  it('answers 32 Missing version, 34 Unsupported version, 33 Invalid version', async () => {
    expectError(await post(topParams(business, { set: { v: undefined } })), 32, 'Missing version');
    expectError(await post(topParams(business, { set: { v: '1.0' } })), 34, 'Unsupported version');
    expectError(await post(topParams(business, { set: { v: 'two' } })), 33, 'Invalid version');
  });

  it('answers 23 Invalid format for xml or no format (the sandbox speaks JSON only)', async () => {
    expectError(await post(topParams(business, { set: { format: 'xml' } })), 23, 'Invalid format');
    expectError(await post(topParams(business, { set: { format: undefined } })), 23, 'Invalid format');
  });

  it('answers 24 Missing signature', async () => {
    expectError(await post(topParams(business, { after: { sign: undefined } })), 24, 'Missing signature');
  });

  it.each(['md5', 'hmac', 'hmac-sha256'] as const)(
    'answers 25 Invalid signature for a %s sign made with another secret',
    async (signMethod) => {
      expectError(await post(topParams(business, { signMethod, secret: 'not-the-secret' })), 25, 'Invalid signature');
    },
  );

  it('answers 25 when a parameter changed after signing', async () => {
    expectError(await post(topParams(business, { after: { num_iids: '1' } })), 25, 'Invalid signature');
  });

  it('answers 25 for a lowercase sign and for an unknown sign_method', async () => {
    const params = topParams(business);
    expectError(await post({ ...params, sign: params.sign!.toLowerCase() }), 25, 'Invalid signature');
    expectError(await post(topParams(business, { set: { sign_method: 'sha1' }, signMethod: 'md5' })), 25, 'Invalid signature');
  });

  it('answers 26 Missing session and 27 Invalid session', async () => {
    expectError(await post(topParams(business, { set: { session: undefined } })), 26, 'Missing session');
    expectError(await post(topParams(business, { set: { session: 'expired-session' } })), 27, 'Invalid session', {
      sub_code: 'invalid-sessionkey',
    });
  });

  it('answers 9 Http Action Not Allowed for other HTTP methods', async () => {
    const res = await fetch(`${sandbox.url}/taobao/router/rest?${new URLSearchParams(topParams(business))}`, { method: 'PUT' });
    expectError(await res.json(), 9, 'Http Action Not Allowed');
  });

  it('answers 404 outside /router/rest', async () => {
    expect((await fetch(`${sandbox.url}/taobao/router/other`)).status).toBe(404);
  });
});

describe('taobao.miniapp.items.get: business parameter errors', () => {
  it('answers 40 isv.missing-parameter without num_iids', async () => {
    expectError(await post(topParams({ fields: 'num_iid' })), 40, 'Missing required arguments:num_iids', {
      sub_code: 'isv.missing-parameter:num_iids',
    });
  });

  it('answers 41 isv.invalid-parameter:num_iids for 51 ids', async () => {
    const ids = Array.from({ length: 51 }, (_, i) => String(1000 + i)).join(',');
    expectError(await post(topParams({ num_iids: ids, fields: 'num_iid' })), 41, 'Invalid arguments:num_iids', {
      sub_code: 'isv.invalid-parameter:num_iids',
      sub_msg: /at most 50/,
    });
  });

  it('answers 41 isv.invalid-parameter:num_iids for a non-numeric id', async () => {
    for (const num_iids of [`${EXAMPLE_ID},abc`, '-1', '1.5', '99999999999999999999']) {
      expectError(await post(topParams({ num_iids, fields: 'num_iid' })), 41, 'Invalid arguments:num_iids', {
        sub_code: 'isv.invalid-parameter:num_iids',
      });
    }
  });

  it('answers 41 isv.invalid-parameter:fields for a field TOP does not know', async () => {
    for (const fields of ['num_iid,skus', 'sku.nope', 'titel']) {
      expectError(await post(topParams({ num_iids: EXAMPLE_ID, fields })), 41, 'Invalid arguments:fields', {
        sub_code: 'isv.invalid-parameter:fields',
      });
    }
  });

  it('refuses simplify=true with 41 (the flattened shape is unconfirmed)', async () => {
    expectError(await post(topParams({ num_iids: EXAMPLE_ID, fields: 'num_iid', simplify: 'true' })), 41, 'Invalid arguments:simplify');
    expect(itemsOf(await post(topParams({ num_iids: EXAMPLE_ID, fields: 'num_iid', simplify: 'false' })))).toHaveLength(1);
  });
});

describe('taobao sandbox: faults, stats and request log', () => {
  it('counts calls under taobao:taobao.miniapp.items.get and logs business parameters without secrets', async () => {
    await post(topParams({ num_iids: `${EXAMPLE_ID},2`, fields: 'num_iid,title' }));
    await post(topParams({ num_iids: '3', fields: 'num_iid' }, { set: { method: 'taobao.other' } }));
    expect((await admin('/stats')).calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1, 'taobao:router/rest': 1 });
    const [first, second] = (await admin('/requests?platform=taobao&limit=10')).requests;
    expect(first.params).toEqual({ num_iids: [EXAMPLE_ID, '2'], fields: 'num_iid,title' });
    expect(second.params).toMatchObject({ method: 'taobao.other' });
    expect(JSON.stringify(first)).not.toContain(CRED.session);
    expect(JSON.stringify(first)).not.toContain(CRED.appKey);
  });

  it('answers an injected platform error in the TOP envelope (code 7 with its ban)', async () => {
    await admin('/faults', { faults: [{ platform: 'taobao', kind: 'error', code: 7, count: 1 }] });
    expectError(await post(topParams({ num_iids: EXAMPLE_ID })), 7, 'App Call Limited', {
      sub_code: 'accesscontrol.limited-by-app-access-count',
      sub_msg: /^This ban will last for 1 more seconds$/,
    });
    expect(itemsOf(await post(topParams({ num_iids: EXAMPLE_ID })))).toHaveLength(1);
  });

  it('injects a code with its sub_code as `code/sub_code`', async () => {
    await admin('/faults', { faults: [{ platform: 'taobao', kind: 'error', code: '15/isp.remote-service-timeout', count: 1 }] });
    expectError(await post(topParams({ num_iids: EXAMPLE_ID })), 15, 'Remote service error', { sub_code: 'isp.remote-service-timeout' });
  });
});

describe('taobao sandbox: rate limit', () => {
  let limited: RunningSandbox;
  beforeAll(async () => {
    limited = await startSandbox({
      platforms: [createTaobaoSandbox({ seed: 7, size: 5 })],
      rateLimits: { taobao: { limit: 2, windowMs: 60_000 } },
    });
  });
  afterAll(() => limited.close());

  it('answers code 7 with the ban seconds once the per-app quota is spent, after auth', async () => {
    const call = async (options?: CallOptions) => {
      const res = await fetch(`${limited.url}/taobao/router/rest`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(topParams({ num_iids: EXAMPLE_ID, fields: 'num_iid' }, options)).toString(),
      });
      return res.json();
    };
    // A call refused at authentication does not use the quota.
    expectError(await call({ secret: 'wrong' }), 25, 'Invalid signature');
    expect(itemsOf(await call())).toHaveLength(1);
    expect(itemsOf(await call())).toHaveLength(1);
    const refused = await call();
    expectError(refused, 7, 'App Call Limited', {
      sub_code: 'accesscontrol.limited-by-app-access-count',
      sub_msg: /^This ban will last for \d+ more seconds$/,
    });
    const seconds = Number(/(\d+) more/.exec(refused.error_response.sub_msg)![1]);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
  });
});
