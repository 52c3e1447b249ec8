import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WechatCredentials } from '../../src/platforms/wechat/credentials';
import type { Product } from '../../src/generated/graphql';
import { NotFoundError, UpstreamError } from '../../src/platforms/errors';
import { toSkuGlobalId } from '../../src/platforms/globalId';
import type { PlatformAdapter } from '../../src/platforms/types';
import { createWechatAdapter } from '../../src/platforms/wechat/adapter';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { buildWechatCatalog } from '../../src/sandbox/platforms/wechat/catalog';
import { createWechatSandbox } from '../../src/sandbox/platforms/wechat/index';
import { DOC_SPU } from '../unit/wechat-docExample';

const SEED = 99;
const SIZE = 80;
const credentials: WechatCredentials = { ...SANDBOX_CREDENTIALS.WECHAT_SHOP };
const catalog = buildWechatCatalog({ seed: SEED, size: SIZE });
const onSale = catalog.page(5, 1, 20);
const idsOf = (n: number) => onSale.slice(0, n).map((p) => String(p.online.product_id));

let sandbox: RunningSandbox;
let adapter: PlatformAdapter<WechatCredentials>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, platforms: [createWechatSandbox({ seed: SEED, size: SIZE })] });
});
afterAll(() => sandbox.close());
// A fresh adapter per test: its token cache starts empty, so token calls count from zero.
beforeEach(() => {
  adapter = createWechatAdapter({ baseUrl: sandbox.baseUrls.wechat, timeoutMs: 10_000 });
});
afterEach(async () => {
  await admin('/faults', { faults: [] });
  await admin('/reset', {});
});

async function admin(path: string, body?: unknown): Promise<any> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${sandbox.url}/__sandbox${path}`, init)).json();
}

const calls = async (): Promise<Record<string, number>> => (await admin('/stats')).calls;
const logged = async (operation: string): Promise<Array<Record<string, unknown>>> =>
  (await admin('/requests?platform=wechat&limit=500')).requests.filter((r: any) => r.operation === operation).map((r: any) => r.params);

const lookup = (ids: string[], ...paths: string[]) => adapter.lookup!(ids, new Set(paths), { credentials });
const product = (entry: Product | Error | undefined): Product => {
  if (!entry || entry instanceof Error) throw entry ?? new Error('no entry');
  return entry;
};

describe('WeChat adapter: calls made', () => {
  it('looks up a title with one stable_token and one product/spu/get', async () => {
    const [switchProduct] = await lookup(['12345'], 'title');
    expect(product(switchProduct).title).toBe(DOC_SPU.title);
    expect(await calls()).toEqual({ 'wechat:token': 1, 'wechat:product/spu/get': 1 });
    expect(await logged('product/spu/get')).toEqual([{ product_id: 12345, need_edit_spu: 0 }]);
  });

  it('makes one product/spu/get per id and reuses the token', async () => {
    const ids = idsOf(20);
    const results = await lookup(ids, 'title', 'status');
    expect(results.map((r) => product(r).platformProductId)).toEqual(ids);
    expect(await calls()).toEqual({ 'wechat:token': 1, 'wechat:product/spu/get': 20 });
    await lookup(idsOf(2), 'title');
    expect((await calls())['wechat:token']).toBe(1);
  });

  it('serves skus { id platformSkuId } without product/sku/get_list', async () => {
    const ids = idsOf(3);
    const results = await lookup(ids, 'skus', 'skus.id', 'skus.platformSkuId');
    expect(await calls()).toEqual({ 'wechat:token': 1, 'wechat:product/spu/get': 3 });
    ids.forEach((id, i) => {
      const expected = onSale[i]!.skus.map((s) => String(s.online.sku_id));
      expect(product(results[i]).skus?.map((s) => s.platformSkuId)).toEqual(expected);
      expect(product(results[i]).skus?.[0]?.id).toBe(toSkuGlobalId('WECHAT_SHOP', id, expected[0]!));
    });
  });

  it('adds one product/sku/get_list per product for SKU prices, online data and live stock', async () => {
    const ids = idsOf(3);
    await lookup(ids, 'skus', 'skus.price', 'skus.price.amount');
    expect(await calls()).toEqual({ 'wechat:token': 1, 'wechat:product/spu/get': 3, 'wechat:product/sku/get_list': 3 });
    const params = await logged('product/sku/get_list');
    expect(params.map((p) => String(p.product_id)).sort()).toEqual([...ids].sort());
    expect(params.every((p) => p.need_edit_sku === 0 && p.need_real_stock === 1)).toBe(true);
  });

  it('adds product/sku/get_list for product stock and for price.max, not for price.min', async () => {
    await lookup(idsOf(1), 'price', 'price.min', 'price.min.amount');
    expect((await calls())['wechat:product/sku/get_list']).toBeUndefined();
    await lookup(idsOf(1), 'stock', 'stock.available');
    await lookup(idsOf(1), 'price', 'price.max', 'price.max.amount');
    expect((await calls())['wechat:product/sku/get_list']).toBe(2);
  });
});

describe('WeChat adapter: values', () => {
  it('returns the documented Switch with its SKUs, live stock and price range', async () => {
    const [entry] = await lookup(
      ['12345'],
      'title',
      'price',
      'price.min',
      'price.max',
      'stock',
      'stock.available',
      'skus',
      'skus.price',
      'skus.stock',
      'audit',
      'audit.state',
    );
    const p = product(entry);
    expect(p.price?.min?.amount).toBe('1.00');
    expect(p.price?.max?.amount).toBe('13.00');
    expect(p.stock?.available).toBe(100);
    expect(p.audit?.state).toBe('PENDING');
    expect(p.skus?.map((s) => [s.platformSkuId, s.price?.amount, s.stock?.available])).toEqual([
      ['1001', '1.00', 100],
      ['1002', '13.00', 0],
    ]);
  });

  it('reads the live stock (need_real_stock 1), not the stock of the last edit', async () => {
    const drifting = onSale.find((p) => p.skus.some((s) => s.realStock !== s.online.stock_num))!;
    const [entry] = await lookup([String(drifting.online.product_id)], 'skus', 'skus.stock', 'skus.stock.available');
    expect(product(entry).skus?.map((s) => s.stock?.available)).toEqual(drifting.skus.map((s) => s.realStock));
  });

  it('returns a deleted product with status DELETED rather than hiding it', async () => {
    const deleted = catalog.page(9, 0, 1)[0]!;
    const [entry] = await lookup([String(deleted.online.product_id)], 'status', 'rawStatus');
    expect(product(entry)).toMatchObject({ status: 'DELETED', rawStatus: '9' });
  });

  it('fills raw with the spu and its SKUs as WeChat sent them', async () => {
    const [entry] = await lookup(['12345'], 'raw');
    const raw = product(entry).raw as { spu: unknown; skus: Array<{ sku_id: number }> };
    expect(raw.spu).toEqual(DOC_SPU);
    expect(raw.skus.map((s) => s.sku_id)).toEqual([1001, 1002]);
  });
});

describe('WeChat adapter: failures', () => {
  it('answers an id the shop does not have with NotFoundError, the others intact and in order', async () => {
    const [a, missing, b] = await lookup(['12345', '999', idsOf(1)[0]!], 'title', 'skus', 'skus.price');
    expect(product(a).platformProductId).toBe('12345');
    expect(missing).toBeInstanceOf(NotFoundError);
    expect(missing).toMatchObject({ platform: 'WECHAT_SHOP', id: '999' });
    expect(product(b).platformProductId).toBe(idsOf(1)[0]);
    const [alone] = await lookup(['999'], 'title'); // spu/get only, no SKU call
    expect(alone).toMatchObject({ platform: 'WECHAT_SHOP', id: '999' });
    expect(alone).toBeInstanceOf(NotFoundError);
  });

  it('refreshes an expired token once and retries the call', async () => {
    await lookup(['12345'], 'title');
    await admin('/clock', { advanceMs: 7_200_000 });
    const [entry] = await lookup(['12345'], 'title');
    expect(product(entry).title).toBe(DOC_SPU.title);
    expect(await calls()).toEqual({ 'wechat:token': 2, 'wechat:product/spu/get': 3 });
  });

  it('fails every id with UPSTREAM_AUTH on a wrong secret, without a product call', async () => {
    const results = await adapter.lookup!(['12345', '999'], new Set(['title']), { credentials: { ...credentials, appSecret: 'wrong' } });
    for (const r of results) expect(r).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '40125' });
    expect(await calls()).toEqual({ 'wechat:token': 1 });
  });

  it('reports the minute quota (45011) as UPSTREAM_RATE_LIMITED with a retry hint, for that id only', async () => {
    await admin('/faults', { faults: [{ platform: 'wechat', operation: 'product/spu/get', kind: 'error', code: 45011, count: 1 }] });
    const [limited] = await lookup(['12345'], 'title');
    expect(limited).toBeInstanceOf(UpstreamError);
    expect(limited).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', upstreamCode: '45011', retryable: true });
    expect((limited as UpstreamError).retryAfterMs).toBeGreaterThan(0);
    expect((limited as UpstreamError).retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(product((await lookup(['12345'], 'title'))[0]).title).toBe(DOC_SPU.title);
  });

  it('fails a product whose SKU call failed instead of returning it half filled', async () => {
    await admin('/faults', { faults: [{ platform: 'wechat', operation: 'product/sku/get_list', kind: 'error', code: -1, count: 1 }] });
    const [entry] = await lookup(['12345'], 'title', 'skus', 'skus.price');
    expect(entry).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', upstreamCode: '-1', retryable: true });
  });

  it.each([
    ['an HTML error page', { kind: 'html', status: 502 }, 'UPSTREAM_UNAVAILABLE'],
    ['a body that is not JSON', { kind: 'non-json' }, 'UPSTREAM_BAD_RESPONSE'],
    ['HTTP 503', { kind: 'http', status: 503 }, 'UPSTREAM_UNAVAILABLE'],
  ])('maps %s to %s', async (_what, fault, code) => {
    await admin('/faults', { faults: [{ platform: 'wechat', operation: 'product/spu/get', ...fault }] });
    const [entry] = await lookup(['12345'], 'title');
    expect(entry).toMatchObject({ platform: 'WECHAT_SHOP', code });
  });
});
