/**
 * One bad upstream value spoils nothing else (issue 15, item 3): the gateway over real HTTP, its real
 * Taobao and mini-program adapters and clients pointed at a stand-in host that answers with records the
 * sandbox never generates (a price beyond Money, an impossible date, a negative stock, a fractional fen).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { startGatewayServer, type RunningGateway } from '../../src/server/httpServer';

const GOOD = { num_iid: 1001, title: 'good', approve_status: 'onsale', num: 5, price: '5.00', created: '2021-11-26 00:31:54' };
const BAD = {
  num_iid: 1002,
  title: 'bad price and date',
  approve_status: 'onsale',
  num: -3,
  price: '5.00',
  created: '2021-02-30 00:00:00',
  skus: {
    sku: [
      { sku_id: 1, price: '99999999999999999.99', status: 'normal', quantity: 2 },
      { sku_id: 2, price: '12.50', status: 'normal', quantity: 1 },
    ],
  },
};

const DEALS = [
  { item_id: 'd1', name: 'fine deal', status: 2, biz_create_time: 1_700_000_000, skus: [{ sku_id: 's1', sale_price: 1990, status: 1 }] },
  { item_id: 'd2', name: 'odd deal', status: 2, biz_create_time: 5, skus: [{ sku_id: 's2', sale_price: 989.9999999999999, status: 1 }] },
];

let topCalls = 0;
let upstream: Server;
let gateway: RunningGateway;

async function query(text: string): Promise<{ data?: any; errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }> }> {
  const res = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text }) });
  return (await res.json()) as never;
}

beforeAll(async () => {
  upstream = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      if (path === '/api/rmp/token') return res.end(JSON.stringify({ data: { access_token: 't', expire_in: 7200 }, success: true, msg: 'success', code: 0 }));
      if (path === '/api/rmp/mp/deal/product/batch_get') return res.end(JSON.stringify({ data: { list: DEALS, total: 2 }, success: true, msg: 'success', code: 0 }));
      topCalls++;
      res.end(JSON.stringify({ miniapp_items_get_response: { items: { item: [GOOD, BAD] }, request_id: 'r1' } }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  const env = {
    PORT: '0',
    XHS_MINIAPP_APP_ID: 'a',
    XHS_MINIAPP_APP_SECRET: 's',
    XHS_MINIAPP_BASE_URL: base,
    SANDBOX: 'off',
    TAOBAO_APP_KEY: 'k',
    TAOBAO_APP_SECRET: 's',
    TAOBAO_SESSION: 'sess',
    TAOBAO_BASE_URL: base,
    TAOBAO_RETRY_ATTEMPTS: '1',
  };
  const config = loadConfig(env);
  gateway = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0 });
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

describe('a value a field cannot be mapped from', () => {
  it('nulls only that field, with an UPSTREAM_BAD_VALUE error at its path, in one upstream call', async () => {
    topCalls = 0;
    const result = await query(`{ products(platform: TAOBAO, ids: ["1001", "1002"]) {
      title createdAt stock { available } price { min { amount } max { amount } }
      skus { platformSkuId price { amount } status }
    } }`);
    expect(topCalls).toBe(1);
    const [good, bad] = result.data.products;
    expect(good).toMatchObject({ title: 'good', createdAt: '2021-11-25T16:31:54.000Z', stock: { available: 5 }, price: { min: { amount: '5.00' } } });
    expect(bad).toMatchObject({ title: 'bad price and date', createdAt: null, stock: null, price: null });
    expect(bad.skus).toEqual([
      { platformSkuId: '1', price: null, status: 'ON_SALE' },
      { platformSkuId: '2', price: { amount: '12.50' }, status: 'ON_SALE' },
    ]);
    const located = (result.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]).sort();
    expect(located).toEqual([
      ['products.1.createdAt', 'UPSTREAM_BAD_VALUE'],
      ['products.1.price', 'UPSTREAM_BAD_VALUE'],
      ['products.1.skus.0.price', 'UPSTREAM_BAD_VALUE'],
      ['products.1.stock', 'UPSTREAM_BAD_VALUE'],
    ]);
    const skuPrice = result.errors!.find((e) => e.path?.join('.') === 'products.1.skus.0.price')!;
    expect(skuPrice.message).toContain('99999999999999999.99');
    expect(result.errors!.find((e) => e.path?.join('.') === 'products.1.createdAt')?.extensions).toMatchObject({ platform: 'TAOBAO', field: 'createdAt' });
  });

  it('follows aliases and fragments, and reports nothing for a field left out by @skip', async () => {
    const result = await query(`query($no: Boolean = true) { p: product(platform: TAOBAO, id: "1002") { ...F when: createdAt @skip(if: $no) } }
      fragment F on Product { title cost: price { min { amount } } lines: skus { ... on Sku { id p: price { amount } } } }`);
    expect(result.data.p).toMatchObject({ title: 'bad price and date', cost: null });
    expect(result.data.p.when).toBeUndefined();
    expect((result.errors ?? []).map((e) => e.path?.join('.')).sort()).toEqual(['p.cost', 'p.lines.0.p']);
  });

  it('reports a bad value of a listed product at its edge in the catalog, the other edges whole', async () => {
    const result = await query('{ catalog(platform: XHS_MINIAPP, first: 10) { edges { node { title createdAt price { min { amount } } } } } }');
    const nodes = result.data.catalog.edges.map((e: { node: unknown }) => e.node);
    expect(nodes).toEqual([
      { title: 'fine deal', createdAt: '2023-11-14T22:13:20.000Z', price: { min: { amount: '19.90' } } },
      { title: 'odd deal', createdAt: null, price: null },
    ]);
    expect((result.errors ?? []).map((e) => [e.path?.join('.'), e.extensions?.code]).sort()).toEqual([
      ['catalog.edges.1.node.createdAt', 'UPSTREAM_BAD_VALUE'],
      ['catalog.edges.1.node.price', 'UPSTREAM_BAD_VALUE'],
    ]);
  });

  it('reports nothing when the bad fields are not selected', async () => {
    const result = await query('{ product(platform: TAOBAO, id: "1002") { title status } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.product).toEqual({ title: 'bad price and date', status: 'ON_SALE' });
  });
});
