/**
 * Several merchants per platform (issue 16 item 9): `default`, `m2` and `m3`, each with its own fixed
 * credentials and its own catalog; the documented example ids exist in every catalog with the
 * merchant's own title and prices; a merchant's credentials reach only its catalog and its quota; the
 * request log names the merchant; the default merchant's answers are the same with or without extras.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { deriveSeed } from '../../src/sandbox/data/random';
import { merchantCredentials } from '../../src/sandbox/merchants';
import { buildTaobaoCatalog } from '../../src/sandbox/platforms/taobao/catalog';
import type { RequestLogEntry } from '../../src/sandbox/requestLog';
import { EXAMPLE_IDS, MerchantClient, sandboxAdmin, type Json } from './merchantClients';

const SEED = 77;
const SIZE = 60;

let sandbox: RunningSandbox;
let clients: Record<'default' | 'm2' | 'm3', MerchantClient>;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: SEED, size: SIZE });
  clients = {
    default: new MerchantClient(sandbox, SANDBOX_CREDENTIALS),
    m2: new MerchantClient(sandbox, merchantCredentials('m2')),
    m3: new MerchantClient(sandbox, merchantCredentials('m3')),
  };
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await sandboxAdmin(
    sandbox,
    '/rate-limits',
    Object.fromEntries(['taobao', 'xiaoe', 'wechat', 'xhs-ark', 'xhs-miniapp'].map((p) => [p, null])),
  );
  await sandboxAdmin(sandbox, '/reset', {});
});

const MERCHANTS = ['default', 'm2', 'm3'] as const;
const suffix = (m: string): string => (m === 'default' ? '' : ` (${m})`);

describe('Sandbox merchants: credentials', () => {
  it('hands out the default credentials as before plus every merchant, with the documented fixed values', async () => {
    const { body } = await sandboxAdmin(sandbox, '/credentials');
    expect(body.credentials).toEqual(SANDBOX_CREDENTIALS);
    expect(Object.keys(body.merchants)).toEqual(['default', 'm2', 'm3']);
    expect(body.merchants.default).toEqual(SANDBOX_CREDENTIALS);
    expect(body.merchants.m2).toEqual({
      TAOBAO: {
        appKey: '12345679',
        appSecret: 'sandbox-taobao-secret-m2',
        session: 'sandbox-taobao-session-m2',
        signMethod: 'hmac-sha256',
      },
      XIAOE: { appId: 'appsandbox0002', clientId: 'xop-sandbox-client-m2', secretKey: 'sandbox-xiaoe-secret-m2' },
      WECHAT_SHOP: { appId: 'wx0000000000sandbox-m2', appSecret: 'sandbox-wechat-secret-m2' },
      XHS_ARK: { appKey: 'sandbox-ark-key-m2', appSecret: 'sandbox-ark-secret-m2' },
      XHS_MINIAPP: { appId: 'xhs-sandbox-miniapp-m2', appSecret: 'sandbox-miniapp-secret-m2' },
    });
    expect(body.merchants.m3.TAOBAO.appKey).toBe('12345680');
    expect(body.merchants.m3.XIAOE.appId).toBe('appsandbox0003');
  });

  it('serves only the default merchant with merchants: 1', async () => {
    const alone = await startSandbox({ port: 0, seed: SEED, size: 5, merchants: 1 });
    try {
      const m2 = new MerchantClient(alone, merchantCredentials('m2'));
      expect((await m2.taobaoItems([EXAMPLE_IDS.taobao])).error_response.code).toBe(29);
      await expect(m2.xiaoeToken()).rejects.toThrow(/2001/);
      expect((await sandboxAdmin(alone, '/credentials')).body.merchants).toEqual({ default: SANDBOX_CREDENTIALS });
    } finally {
      await alone.close();
    }
  });
});

describe('Sandbox merchants: each merchant its own catalog', () => {
  it.each(MERCHANTS)('Taobao: %s gets its own version of the example item', async (m) => {
    const body = await clients[m].taobaoItems([EXAMPLE_IDS.taobao], 'num_iid,title,price,sku');
    const item = body.miniapp_items_get_response.items.item[0];
    expect(item.title).toBe(`Google test item${suffix(m)}`);
    expect(item.price).toBe({ default: '5.00', m2: '6.00', m3: '7.00' }[m]);
    expect(item.skus.sku[0].price).toBe({ default: '200.07', m2: '201.07', m3: '202.07' }[m]);
  });

  it.each(MERCHANTS)('Xiaoe: %s gets its own version of the example goods', async (m) => {
    const { data } = await clients[m].xiaoeDetail([EXAMPLE_IDS.xiaoe]);
    expect(data[0].goods_name).toBe(`呜呜${suffix(m)}`);
    expect(data[0].price_low).toBe({ default: 2, m2: 102, m3: 202 }[m]);
    expect(data[0].sku[0].sku_price).toBe({ default: 2, m2: 102, m3: 202 }[m]);
  });

  it.each(MERCHANTS)('WeChat: %s gets its own version of the example product and its SKUs', async (m) => {
    const { data } = await clients[m].wechat('/product/spu/get', { product_id: 12345 });
    expect(data.spu.title.endsWith(`红蓝主机${suffix(m)}`)).toBe(true);
    expect(data.spu.min_price).toBe({ default: 100, m2: 200, m3: 300 }[m]);
    const sku = await clients[m].wechat('/product/sku/get', { sku_id: 1001 });
    expect(sku.data.sale_price).toBe({ default: 100, m2: 200, m3: 300 }[m]);
  });

  it.each(MERCHANTS)('Ark: %s lists its own version of the example hit', async (m) => {
    const hit = await arkExample(clients[m]);
    expect(hit.item.name).toBe(`RED test high heel 灰色 39${suffix(m)}`);
    expect(hit.item.price).toBeCloseTo({ default: 252.7, m2: 253.7, m3: 254.7 }[m], 9);
  });

  it.each(MERCHANTS)('mini-program: %s lists its own version of the example product', async (m) => {
    const product = await miniappExample(clients[m]);
    expect(product.name).toBe(`string${suffix(m)}`);
    expect(product.skus[0].sale_price).toBe({ default: 0, m2: 100, m3: 200 }[m]);
  });

  it('generates different catalogs for each merchant on every listing platform', async () => {
    const pages = await Promise.all(
      MERCHANTS.map(async (m) => ({
        xiaoe: ((await clients[m].xiaoeList({ page_size: 20 })).data.list as Json[]).map((g) => g.resource_id),
        wechat: ((await clients[m].wechat('/product/spu/get_list', { status: 5, page: 1, page_size: 20 })).spus as Json[]).map(
          (s) => s.title,
        ),
        ark: ((await clients[m].arkItems({ page_size: '20' })).data.hits as Json[]).map((h) => h.item.id),
        miniapp: ((await clients[m].miniappPage({ page_no: 0, page_size: 20 })).data.list as Json[]).map((p) => p.item_id),
      })),
    );
    for (const platform of ['xiaoe', 'wechat', 'ark', 'miniapp'] as const) {
      const [a, b, c] = pages.map((p) => JSON.stringify(p[platform]));
      expect(new Set([a, b, c]).size, platform).toBe(3);
    }
  });

  it('answers a Taobao id two merchants share with each merchant its own record', async () => {
    const idsOf = (seedName: string) => [...buildTaobaoCatalog({ seed: deriveSeed(SEED, seedName), size: SIZE }).items.keys()];
    const m2Ids = new Set(idsOf('taobao:m2'));
    const shared = idsOf('taobao').filter((id) => m2Ids.has(id) && id !== EXAMPLE_IDS.taobao);
    expect(shared.length).toBeGreaterThan(0);
    const [own, other] = await Promise.all([clients.default.taobaoItems(shared), clients.m2.taobaoItems(shared)]);
    const items = (body: Json) => body.miniapp_items_get_response.items.item as Json[];
    expect(items(own).map((it) => String(it.num_iid))).toEqual(shared);
    expect(items(other).map((it) => String(it.num_iid))).toEqual(shared);
    items(own).forEach((item, i) => expect(JSON.stringify(item)).not.toBe(JSON.stringify(items(other)[i])));
  });
});

describe('Sandbox merchants: isolation and bookkeeping', () => {
  it('refuses one merchant key with another merchant secret or session', async () => {
    const mixed = new MerchantClient(sandbox, {
      ...merchantCredentials('m2'),
      TAOBAO: { ...merchantCredentials('m2').TAOBAO, appSecret: SANDBOX_CREDENTIALS.TAOBAO.appSecret },
    });
    expect((await mixed.taobaoItems([EXAMPLE_IDS.taobao])).error_response.code).toBe(25);
    const badSession = new MerchantClient(sandbox, {
      ...merchantCredentials('m2'),
      TAOBAO: { ...merchantCredentials('m2').TAOBAO, session: SANDBOX_CREDENTIALS.TAOBAO.session },
    });
    expect((await badSession.taobaoItems([EXAMPLE_IDS.taobao])).error_response.code).toBe(27);
    const wrongSecret = new MerchantClient(sandbox, {
      ...merchantCredentials('m3'),
      XIAOE: { ...merchantCredentials('m3').XIAOE, secretKey: SANDBOX_CREDENTIALS.XIAOE.secretKey },
    });
    await expect(wrongSecret.xiaoeToken()).rejects.toThrow(/2001/);
  });

  it('refuses a mini-program token used under another merchant app_id', async () => {
    const token = await clients.m2.miniappToken();
    const refused = await clients.m2.miniappPage({ page_no: 0, page_size: 5 }, token, SANDBOX_CREDENTIALS.XHS_MINIAPP.appId);
    expect(refused.code).not.toBe(0);
  });

  it('names the merchant in the request log (null when the credentials name none)', async () => {
    await clients.m2.taobaoItems([EXAMPLE_IDS.taobao]);
    await clients.default.taobaoItems([EXAMPLE_IDS.taobao]);
    await new MerchantClient(sandbox, { ...SANDBOX_CREDENTIALS, TAOBAO: { ...SANDBOX_CREDENTIALS.TAOBAO, appKey: '999' } }).taobaoItems([
      EXAMPLE_IDS.taobao,
    ]);
    await clients.m3.xiaoeDetail([EXAMPLE_IDS.xiaoe]);
    await clients.m2.wechat('/product/spu/get', { product_id: 12345 });
    await clients.m3.arkItems({ page_size: '1' });
    await clients.m2.miniappPage({ page_no: 0, page_size: 1 });
    const { body } = await sandboxAdmin(sandbox, '/requests?limit=20');
    const seen = (body.requests as RequestLogEntry[]).map((r) => `${r.platform}:${r.operation}:${r.merchant}`);
    expect(seen).toEqual([
      'taobao:taobao.miniapp.items.get:m2',
      'taobao:taobao.miniapp.items.get:default',
      'taobao:taobao.miniapp.items.get:null',
      'xiaoe:token:m3',
      'xiaoe:xe.goods.detail.get:m3',
      'wechat:token:m2',
      'wechat:product/spu/get:m2',
      'xhs-ark:items:m3',
      'xhs-miniapp:token:m2',
      'xhs-miniapp:product/batch_get:m2',
    ]);
  });

  it('counts calls against the merchant own rate limit', async () => {
    await sandboxAdmin(sandbox, '/rate-limits', { taobao: { limit: 2, windowMs: 60_000 }, 'xhs-ark': { limit: 1, windowMs: 60_000 } });
    for (let i = 0; i < 2; i++) expect((await clients.default.taobaoItems([EXAMPLE_IDS.taobao])).error_response).toBeUndefined();
    expect((await clients.default.taobaoItems([EXAMPLE_IDS.taobao])).error_response.code).toBe(7);
    for (let i = 0; i < 2; i++) expect((await clients.m2.taobaoItems([EXAMPLE_IDS.taobao])).error_response).toBeUndefined();
    expect((await clients.m2.taobaoItems([EXAMPLE_IDS.taobao])).error_response.code).toBe(7);
    expect((await clients.m3.taobaoItems([EXAMPLE_IDS.taobao])).error_response).toBeUndefined();
    expect((await clients.m3.arkItems()).success).toBe(true);
    expect((await clients.m3.arkItems()).success).toBe(false);
    expect((await clients.default.arkItems()).success).toBe(true);
  });
});

describe('Sandbox merchants: the default merchant is unchanged by the extras', () => {
  it('answers the default merchant the same bytes with or without extra merchants', async () => {
    const alone = await startSandbox({ port: 0, seed: SEED, size: SIZE, merchants: 1 });
    try {
      const [a, b] = [new MerchantClient(alone, SANDBOX_CREDENTIALS), clients.default];
      const dropRequestId = (body: Json) => JSON.stringify(body, (key, value: unknown) => (key === 'request_id' ? undefined : value));
      const reads = async (c: MerchantClient) => [
        dropRequestId(await c.taobaoItems([EXAMPLE_IDS.taobao, '520000000001', '520000000013'])),
        JSON.stringify(await c.xiaoeList({ page_size: 100 })),
        JSON.stringify(await c.xiaoeDetail([EXAMPLE_IDS.xiaoe])),
        JSON.stringify(await c.wechat('/product/spu/get_list', { status: 5, page: 1, page_size: 300 })),
        JSON.stringify(await c.arkItems({ page_size: '50' })),
        JSON.stringify(await c.miniappPage({ page_no: 0, page_size: 100 })),
      ];
      expect(await reads(b)).toEqual(await reads(a));
    } finally {
      await alone.close();
    }
  });
});

/** The Ark example hit as a merchant lists it (its update_time window holds only it). */
async function arkExample(client: MerchantClient): Promise<Json> {
  const body = await client.arkItems({ update_time_from: '1491827455', update_time_to: '1491827455' });
  const hit = (body.data.hits as Json[]).find((h) => h.item.id === EXAMPLE_IDS['xhs-ark']);
  if (!hit) throw new Error(`no Ark example in ${JSON.stringify(body).slice(0, 200)}`);
  return hit;
}

async function miniappExample(client: MerchantClient): Promise<Json> {
  const body = await client.miniappPage({ page_no: 0, page_size: 100, status: 0 });
  const product = (body.data.list as Json[]).find((p) => p.item_id === EXAMPLE_IDS['xhs-miniapp']);
  if (!product) throw new Error('no mini-program example');
  return product;
}
