/**
 * The Ark stand-in over real HTTP: the page's envelope and field set, the example hit's literal text,
 * the sign/timestamp checks with the published vector (docs/platforms.md "Xiaohongshu Ark: signing and the envelope"), every query filter against the data
 * itself, paging and its limits, the rate limit, stats and the request log.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signArkRequest } from '../../src/platforms/xhs-ark/sign';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { resolveSandboxOptions } from '../../src/sandbox/options';
import { createXhsArkSandbox, type XhsArkSandbox } from '../../src/sandbox/platforms/xhs-ark';
import type { ArkRecord } from '../../src/sandbox/platforms/xhs-ark/catalog';
import { ARK_EXAMPLE_HIT_TEXT } from '../../src/sandbox/platforms/xhs-ark/exampleHit';
import type { SandboxContext, SandboxRequest } from '../../src/sandbox/types';

const CRED = SANDBOX_CREDENTIALS.XHS_ARK;
const PATH = '/ark/open_api/v1/items';
const EXAMPLE_ID = '58e5a8e4c9d7597de8649ab5';

interface CallOptions {
  appKey?: string | undefined;
  secret?: string;
  /** Unix seconds as sent (default: now). */
  timestamp?: string | undefined;
  /** Replaces the computed sign (undefined leaves it out). */
  sign?: string | undefined;
  /** Query sent instead of the signed one. */
  sentQuery?: Record<string, string>;
}

let sandbox: RunningSandbox;
let ark: XhsArkSandbox;

async function call(query: Record<string, string> = {}, options: CallOptions = {}): Promise<any> {
  const res = await fetch(`${sandbox.url}/xhs-ark${PATH}?${new URLSearchParams(options.sentQuery ?? query)}`, {
    headers: arkHeaders(query, options),
  });
  expect(res.status).toBe(200);
  return JSON.parse(await res.text());
}

function arkHeaders(query: Record<string, string>, options: CallOptions): Record<string, string> {
  const appKey = 'appKey' in options ? options.appKey : CRED.appKey;
  const timestamp = 'timestamp' in options ? options.timestamp : String(Math.floor(Date.now() / 1000));
  const signed = { ...query, 'app-key': appKey ?? '', timestamp: timestamp ?? '' };
  const sign = 'sign' in options ? options.sign : signArkRequest(PATH, signed, options.secret ?? CRED.appSecret);
  const headers: Record<string, string> = {};
  if (appKey !== undefined) headers['app-key'] = appKey;
  if (timestamp !== undefined) headers.timestamp = timestamp;
  if (sign !== undefined) headers.sign = sign;
  return headers;
}

/** Every id a query lists, walking its pages of `pageSize`. */
async function walk(query: Record<string, string>, pageSize: number): Promise<string[]> {
  const ids: string[] = [];
  for (let pageNo = 1; ; pageNo++) {
    const body = await call({ ...query, page_no: String(pageNo), page_size: String(pageSize) });
    expect(body.success).toBe(true);
    ids.push(...body.data.hits.map((hit: any) => hit.item.id));
    if (body.data.hits.length < pageSize) {
      expect(ids).toHaveLength(body.data.total);
      return ids;
    }
  }
}

const idsWhere = (pred: (r: ArkRecord) => boolean): string[] => ark.catalog.records.filter(pred).map((r) => r.id);

beforeAll(async () => {
  ark = createXhsArkSandbox({ seed: 11, size: 240 });
  sandbox = await startSandbox({ platforms: [ark] });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${sandbox.url}/__sandbox/reset`, { method: 'POST' });
  await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"faults":[]}',
  });
});

describe('GET /ark/open_api/v1/items answers like the page', () => {
  it('wraps a page in {error_code, error_msg, success, data} with the documented data fields', async () => {
    const body = await call();
    expect(Object.keys(body)).toEqual(['error_code', 'error_msg', 'success', 'data']);
    expect(body).toMatchObject({ error_code: 0, error_msg: null, success: true });
    expect(Object.keys(body.data)).toEqual(['current_page', 'page_size', 'total', 'hits']);
    expect(body.data).toMatchObject({ current_page: 1, page_size: 50, total: 241 });
    expect(body.data.hits).toHaveLength(50);
  });

  it('gives every generated hit the blocks and field names of the example', async () => {
    const doc = JSON.parse(ARK_EXAMPLE_HIT_TEXT);
    const { data } = await call({ page_size: '20' });
    for (const hit of data.hits) {
      expect(Object.keys(hit)).toEqual(Object.keys(doc));
      for (const block of ['item', 'spl', 'spu', 'spv', 'spl_item']) {
        expect(Object.keys(hit[block]).sort()).toEqual(expect.arrayContaining(Object.keys(doc[block]).sort()));
      }
      expect(typeof hit.item.price).toBe('number');
      expect(Number.isInteger(hit.item.update_time)).toBe(true);
    }
  });

  it("serves the example hit with the page's literal number text", async () => {
    const res = await fetch(`${sandbox.url}/xhs-ark${PATH}?update_time_to=1491827455`, {
      headers: arkHeaders({ update_time_to: '1491827455' }, {}),
    });
    const text = await res.text();
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(text).toContain('"price":252.69999999999999');
    expect(text).toContain('"tax":52.700000000000003');
    expect(text).toContain('"pre_tax_price":200.0');
    const body = JSON.parse(text);
    expect(body.data.total).toBe(1);
    expect(body.data.hits[0]).toEqual(JSON.parse(ARK_EXAMPLE_HIT_TEXT));
  });

  it('holds every status, frozen and unbuyable items, stock 0 and very large, and float yuan prices', () => {
    const records = ark.catalog.records;
    expect(new Set(records.map((r) => r.status))).toEqual(new Set([0, 1, 2]));
    expect(records.some((r) => r.frozen)).toBe(true);
    expect(records.some((r) => r.buyable) && records.some((r) => !r.buyable)).toBe(true);
    expect(records.some((r) => r.stock === 0) && records.some((r) => r.stock >= 10_000_000)).toBe(true);
    const prices = records.map((r) => ark.catalog.hit(r).item.price);
    expect(prices.some((p) => typeof p === 'number' && /\.\d{3,}$/.test(String(p)))).toBe(true);
  });
});

describe('paging', () => {
  it('lists every item once, update_time descending then id, whatever the page size', async () => {
    const all = ark.catalog.records.map((r) => r.id);
    expect(await walk({}, 50)).toEqual(all);
    expect(await walk({}, 7)).toEqual(all);
    const times = ark.catalog.records.map((r) => r.updateTime);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('answers a page past the end with no hits and the true total', async () => {
    const body = await call({ page_no: '99' });
    expect(body.data).toMatchObject({ current_page: 99, page_size: 50, total: 241, hits: [] });
  });

  it.each([
    [{ page_size: '51' }, 'page_size'],
    [{ page_size: '0' }, 'page_size'],
    [{ page_no: '0' }, 'page_no'],
    [{ page_no: '-1' }, 'page_no'],
    [{ page_no: '1.5' }, 'page_no'],
  ])('refuses %o with the parameter error 1003', async (query, name) => {
    const body = await call(query);
    expect(body).toEqual({ error_code: 1003, error_msg: expect.stringContaining(name), success: false, data: null });
  });
});

describe('filters, compared with the data itself', () => {
  const mid = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

  it.each(['0', '1', '2'])('status=%s', async (status) => {
    expect(await walk({ status }, 50)).toEqual(idsWhere((r) => r.status === Number(status)));
  });

  it.each(['true', 'false'])('buyable=%s', async (buyable) => {
    expect(await walk({ buyable }, 50)).toEqual(idsWhere((r) => r.buyable === (buyable === 'true')));
  });

  it('create_time_from / create_time_to, both inclusive', async () => {
    const from = mid(ark.catalog.records.map((r) => r.createTime));
    const to = from + 90 * 86_400;
    expect(await walk({ create_time_from: String(from) }, 50)).toEqual(idsWhere((r) => r.createTime >= from));
    expect(await walk({ create_time_from: String(from), create_time_to: String(to) }, 50)).toEqual(
      idsWhere((r) => r.createTime >= from && r.createTime <= to),
    );
  });

  it('update_time_from / update_time_to, both inclusive', async () => {
    const at = mid(ark.catalog.records.map((r) => r.updateTime));
    expect(await walk({ update_time_from: String(at) }, 50)).toEqual(idsWhere((r) => r.updateTime >= at));
    expect(await walk({ update_time_to: String(at) }, 50)).toEqual(idsWhere((r) => r.updateTime <= at));
    expect(await walk({ update_time_from: String(at), update_time_to: String(at) }, 50)).toEqual(idsWhere((r) => r.updateTime === at));
  });

  it('stock_gte / stock_lte', async () => {
    expect(await walk({ stock_lte: '0' }, 50)).toEqual(idsWhere((r) => r.stock <= 0));
    expect(await walk({ stock_gte: '100', stock_lte: '2000' }, 50)).toEqual(idsWhere((r) => r.stock >= 100 && r.stock <= 2000));
  });

  it('all filters at once', async () => {
    const from = mid(ark.catalog.records.map((r) => r.createTime)) - 200 * 86_400;
    const query = { status: '2', buyable: 'true', create_time_from: String(from), update_time_to: '1717200000', stock_gte: '1' };
    const expected = idsWhere((r) => r.status === 2 && r.buyable && r.createTime >= from && r.updateTime <= 1717200000 && r.stock >= 1);
    expect(expected.length).toBeGreaterThan(0);
    expect(await walk(query, 13)).toEqual(expected);
  });

  it('an empty range lists nothing', async () => {
    expect((await call({ update_time_from: '1717200000', update_time_to: '1000' })).data).toMatchObject({ total: 0, hits: [] });
  });

  it.each<Record<string, string>>([
    { status: '3' },
    { status: 'draft' },
    { buyable: 'yes' },
    { buyable: '1' },
    { stock_gte: '-1' },
    { create_time_from: '2024-01-01' },
    { update_time_to: '' },
  ])('refuses %o with 1003', async (query) => {
    expect(await call(query)).toMatchObject({ error_code: 1003, success: false, data: null });
  });

  it('refuses a repeated parameter with 1003', async () => {
    const query = new URLSearchParams([
      ['status', '0'],
      ['status', '2'],
    ]);
    const res = await fetch(`${sandbox.url}/xhs-ark${PATH}?${query}`, { headers: arkHeadersForParams(query) });
    expect(await res.json()).toMatchObject({ error_code: 1003, error_msg: expect.stringContaining('status') });
  });
});

/** Headers for a query with repeated names, signed the way the sandbox canonicalizes it. */
function arkHeadersForParams(query: URLSearchParams): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const pairs = [...query.entries(), ['app-key', CRED.appKey], ['timestamp', timestamp]].sort(([a], [b]) =>
    a! < b! ? -1 : a! > b! ? 1 : 0,
  );
  const sign = createHash('md5')
    .update(`${PATH}?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}${CRED.appSecret}`)
    .digest('hex');
  return { 'app-key': CRED.appKey, timestamp, sign };
}

describe('authentication', () => {
  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['a missing app-key', 1001, { appKey: undefined }],
    ['an unknown app-key', 1001, { appKey: 'someone-else' }],
    ['a missing sign', 1001, { sign: undefined }],
    ['a wrong sign', 1001, { sign: '0'.repeat(32) }],
    ['a sign made with another secret', 1001, { secret: 'not-the-secret' }],
    ['a missing timestamp', 1002, { timestamp: undefined }],
    ['a timestamp in milliseconds', 1002, { timestamp: String(Date.now()) }],
    ['a timestamp 11 minutes old', 1002, { timestamp: String(now() - 660) }],
    ['a timestamp 11 minutes ahead', 1002, { timestamp: String(now() + 660) }],
  ] as const)('refuses %s with %i', async (_, code, options) => {
    expect(await call({ page_no: '1' }, options)).toMatchObject({ error_code: code, success: false, data: null });
  });

  it('refuses the right sign in uppercase (the platform signs in lowercase hex)', async () => {
    const timestamp = String(now());
    const sign = signArkRequest(PATH, { page_no: '1', 'app-key': CRED.appKey, timestamp }, CRED.appSecret).toUpperCase();
    expect(await call({ page_no: '1' }, { timestamp, sign })).toMatchObject({ error_code: 1001 });
  });

  it('accepts a timestamp 9 minutes off', async () => {
    expect((await call({}, { timestamp: String(now() - 540) })).success).toBe(true);
  });

  it('refuses a query changed after signing', async () => {
    expect(await call({ page_no: '1' }, { sentQuery: { page_no: '2' } })).toMatchObject({ error_code: 1001 });
  });

  it('signs the query as received, so parameters the page does not know are signed too', async () => {
    expect((await call({ unknown_param: 'x' })).success).toBe(true);
  });
});

describe('the published signing vector (docs/platforms.md, Xiaohongshu Ark)', () => {
  // Its app-key "xhs" and secret, at its own instant: a sandbox built with those credentials must accept it.
  const vectorSandbox = createXhsArkSandbox({ seed: 1, size: 5 }, { appKey: 'xhs', appSecret: '9a539709cafc1efc9ef05838be468a28' });
  const ctx = (nowSeconds: number): SandboxContext => ({
    now: () => nowSeconds * 1000,
    options: resolveSandboxOptions({}),
    tokens: {
      issue: () => ({ token: '', expiresInSeconds: 0 }),
      issueStable: () => ({ token: '', expiresInSeconds: 0 }),
      check: () => ({ state: 'invalid' }),
    },
    rateLimits: { hit: () => undefined },
  });
  const request = (sign: string): SandboxRequest => ({
    method: 'GET',
    path: PATH,
    query: new URLSearchParams('page_no=1&page_size=50&status=0'),
    headers: { 'app-key': 'xhs', timestamp: '1469902537', sign },
    rawBody: '',
    json: undefined,
    form: undefined,
  });

  it('accepts sign 72be6fad4dd0e5104dbdebbcdadb2a06 at timestamp 1469902537', async () => {
    const req = request('72be6fad4dd0e5104dbdebbcdadb2a06');
    const reply = await vectorSandbox.route(req)!.handle(req, ctx(1469902537 + 30));
    expect(JSON.parse(reply.body as string)).toMatchObject({ error_code: 0, success: true, data: { current_page: 1, page_size: 50 } });
  });

  it('refuses the same request with one digit of the sign changed, and the right sign 11 minutes later', async () => {
    const bad = request('72be6fad4dd0e5104dbdebbcdadb2a07');
    expect((await vectorSandbox.route(bad)!.handle(bad, ctx(1469902537))).body).toMatchObject({ error_code: 1001 });
    const late = request('72be6fad4dd0e5104dbdebbcdadb2a06');
    expect((await vectorSandbox.route(late)!.handle(late, ctx(1469902537 + 660))).body).toMatchObject({ error_code: 1002 });
  });
});

describe('routing, rate limit, faults, stats and the request log', () => {
  it('answers 404 for another method or path', async () => {
    expect((await fetch(`${sandbox.url}/xhs-ark${PATH}`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${sandbox.url}/xhs-ark/ark/open_api/v1/item`)).status).toBe(404);
  });

  it('counts calls under xhs-ark:items and logs their query, never the sign', async () => {
    await call({ page_size: '20', status: '2' });
    await call({ page_no: '2' }, { sign: 'bad' });
    const stats = await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
    expect(stats.calls).toEqual({ 'xhs-ark:items': 2 });
    const { requests } = await (await fetch(`${sandbox.url}/__sandbox/requests?platform=xhs-ark&limit=2`)).json();
    expect(requests.map((r: any) => r.params)).toEqual(expect.arrayContaining([{ page_size: 20, status: 2 }, { page_no: 2 }]));
    expect(JSON.stringify(requests)).not.toMatch(/sign|sandbox-ark-secret/);
  });

  it("answers a platform error injected as a fault in Ark's envelope", async () => {
    await fetch(`${sandbox.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ faults: [{ platform: 'xhs-ark', operation: 'items', kind: 'error', code: 429, count: 1 }] }),
    });
    expect(await call()).toEqual({ error_code: 429, error_msg: '调用过于频繁', success: false, data: null });
    expect((await call()).success).toBe(true);
  });

  it("refuses calls over the app key's quota with 429 and says when to retry; unsigned calls do not count", async () => {
    const limited = await startSandbox({
      platforms: [createXhsArkSandbox({ seed: 1, size: 3 })],
      rateLimits: { 'xhs-ark': { limit: 2, windowMs: 60_000 } },
    });
    try {
      const get = async (options: CallOptions = {}) => {
        const res = await fetch(`${limited.url}/xhs-ark${PATH}?`, { headers: arkHeaders({}, options) });
        return res.json();
      };
      expect((await get({ sign: 'bad' })).error_code).toBe(1001);
      expect((await get()).success).toBe(true);
      expect((await get()).success).toBe(true);
      const refused = await get();
      expect(refused).toMatchObject({ error_code: 429, success: false, data: null });
      expect(refused.error_msg).toMatch(/\d+ 秒后重试/);
    } finally {
      await limited.close();
    }
  });
});

describe('the catalog', () => {
  it('is the same, byte for byte, for the same seed, and different for another', async () => {
    const { ArkCatalog } = await import('../../src/sandbox/platforms/xhs-ark/catalog');
    const text = (c: InstanceType<typeof ArkCatalog>) => c.records.map((r) => c.hitJson(r)).join('\n');
    expect(text(new ArkCatalog(5, 300))).toBe(text(new ArkCatalog(5, 300)));
    expect(text(new ArkCatalog(5, 300))).not.toBe(text(new ArkCatalog(6, 300)));
  });

  it('has the requested size plus the example, with unique ids', () => {
    expect(ark.catalog.records).toHaveLength(241);
    expect(ark.catalog.byId.size).toBe(241);
    expect(ark.catalog.byId.get(EXAMPLE_ID)).toBeDefined();
  });

  it('rebuilds a hit on demand that agrees with the record it was listed by', () => {
    for (const record of ark.catalog.records) {
      const { item } = ark.catalog.hit(record);
      expect([item.id, item.status, item.buyable, item.is_frozen, item.stock, item.create_time, item.update_time]).toEqual([
        record.id,
        record.status,
        record.buyable,
        record.frozen,
        record.stock,
        record.createTime,
        record.updateTime,
      ]);
    }
  });
});
