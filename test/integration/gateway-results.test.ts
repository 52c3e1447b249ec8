import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());
beforeEach(async () => {
  await stack.reset();
  await stack.setFaults([]);
});

describe('the documented example records, normalized', () => {
  it('Taobao item 1489161932', async () => {
    const res = await stack.query(`{ product(platform: TAOBAO, id: "1489161932") {
      id platform platformProductId title status rawStatus images price { min { amount currency minorUnits } }
      skus { platformSkuId price { amount minorUnits } } } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data!.product;
    expect(p).toMatchObject({
      platform: 'TAOBAO',
      platformProductId: '1489161932',
      title: 'Google test item',
      status: 'ON_SALE',
      rawStatus: 'onsale',
    });
    // The page's example item costs "5.00" while its one SKU costs "200.07": the range follows the SKUs.
    expect(p.price.min).toEqual({ amount: '200.07', currency: 'CNY', minorUnits: 20007 });
    expect(p.skus).toContainEqual({ platformSkuId: '123', price: { amount: '200.07', minorUnits: 20007 } });
    expect(p.images).toContain('http://img03.taobao.net/bao/uploaded/i3/T1HXdXXgPSt0JxZ2.8_070458.jpg');
  });

  it('Xiaoe goods 2:a_619fba7ae4b03f3fb99c7809', async () => {
    const res = await stack.query(`{ product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") {
      platformProductId title status price { min { amount minorUnits } } createdAt updatedAt
      stock { available sold } skus { platformSkuId name price { amount } } audit { state } } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data!.product;
    expect(p).toMatchObject({ platformProductId: '2:a_619fba7ae4b03f3fb99c7809', title: '呜呜', status: 'ON_SALE' });
    expect(p.price.min).toEqual({ amount: '0.02', minorUnits: 2 });
    expect(p.createdAt).toBe('2021-11-25T16:31:54.000Z');
    expect(p.updatedAt).toBe('2021-11-29T16:36:01.000Z');
    expect(p.stock).toEqual({ available: 999999997, sold: 2 });
    expect(p.skus).toEqual([{ platformSkuId: 'SKU_ADO_6378579149295pIEPP38', name: '呜呜', price: { amount: '0.02' } }]);
  });

  it('WeChat Switch 12345', async () => {
    const res = await stack.query(`{ product(platform: WECHAT_SHOP, id: "12345") {
      platformProductId outerId title subtitle status rawStatus brand categoryIds attributes { name value }
      price { min { amount } } skus { platformSkuId } audit { state rawState } } }`);
    expect(res.errors).toBeUndefined();
    const p = res.data!.product;
    expect(p).toMatchObject({ platformProductId: '12345', outerId: '1234566', status: 'ON_SALE', rawStatus: '5', brand: '2352' });
    expect(p.title).toMatch(/^任天堂 Nintendo Switch/);
    expect(p.categoryIds).toEqual(['1', '2', '3']);
    expect(p.attributes).toContainEqual({ name: '商品毛重', value: '380g' });
    expect(p.price.min.amount).toBe('1.00');
    expect(p.skus.map((s: { platformSkuId: string }) => s.platformSkuId)).toEqual(['1001', '1002']);
    expect(p.audit.state).toBe('PENDING');
  });

  it('Ark item 58e5a8e4c9d7597de8649ab5, through the catalog (Ark has no lookup by id)', async () => {
    const res = await stack.query(`{ catalog(platform: XHS_ARK, filter: { updatedAt: { to: "2017-04-11T00:00:00Z" } }) {
      totalCount edges { node { platformProductId title brand status audit { state } price { min { amount minorUnits } } updatedAt skus { properties { name value } } } } } }`);
    expect(res.errors).toBeUndefined();
    const [edge] = res.data!.catalog.edges;
    expect(res.data!.catalog.totalCount).toBe(1);
    expect(edge.node).toMatchObject({
      platformProductId: '58e5a8e4c9d7597de8649ab5',
      brand: 'RED',
      status: 'SOLD_OUT',
      audit: { state: 'APPROVED' },
      price: { min: { amount: '252.70', minorUnits: 25270 } },
      updatedAt: '2017-04-10T12:30:55.000Z',
    });
    expect(edge.node.skus[0].properties).toEqual(
      expect.arrayContaining([
        { name: '颜色', value: '灰色' },
        { name: '尺码', value: '39' },
      ]),
    );
  });

  it('gives back the upstream record as raw only when asked', async () => {
    const res = await stack.query(`{ product(platform: TAOBAO, id: "1489161932") { raw } }`);
    expect((res.data!.product.raw as Record<string, unknown>).num_iid).toBe(1489161932);
  });

  it('takes a product back by its global id', async () => {
    const first = await stack.query(`{ product(platform: WECHAT_SHOP, id: "12345") { id } }`);
    const res = await stack.query(`query($id: ID!) { node(id: $id) { id ... on Product { platform platformProductId } } }`, {
      id: first.data!.product.id,
    });
    expect(res.data!.node).toEqual({ id: first.data!.product.id, platform: 'WECHAT_SHOP', platformProductId: '12345' });
  });
});

describe('partial failures', () => {
  it('answers one entry per id, in order, null with a located NOT_FOUND error for an absent id', async () => {
    const res = await stack.query(`{ products(platform: TAOBAO, ids: ["1489161932", "999999999999", "1489161932"]) { title } }`);
    expect(res.data!.products).toEqual([{ title: 'Google test item' }, null, { title: 'Google test item' }]);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({
      path: ['products', 1],
      extensions: { code: 'NOT_FOUND', platform: 'TAOBAO', id: '999999999999' },
    });
  });

  it('keeps the other platforms when one platform fails', async () => {
    await stack.setFaults([{ platform: 'taobao', kind: 'http', status: 503 }]);
    const res = await stack.query(`{
      t: product(platform: TAOBAO, id: "1489161932") { title }
      w: product(platform: WECHAT_SHOP, id: "12345") { platformProductId }
      x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title }
    }`);
    expect(res.data).toEqual({ t: null, w: { platformProductId: '12345' }, x: { title: '呜呜' } });
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['t'], extensions: { code: 'UPSTREAM_UNAVAILABLE', platform: 'TAOBAO' } });
  });

  it('shows an upstream error envelope as a typed error without secrets or stack traces', async () => {
    await stack.setFaults([{ platform: 'wechat', operation: 'product/spu/get', kind: 'error', code: 48001 }]);
    const res = await stack.query(`{ product(platform: WECHAT_SHOP, id: "12345") { title } }`);
    const error = res.errors![0]!;
    expect(error.extensions).toMatchObject({ code: 'UPSTREAM_AUTH', platform: 'WECHAT_SHOP', upstreamCode: '48001' });
    const text = JSON.stringify(res);
    expect(text).not.toMatch(/sandbox-wechat-secret|access_token=|stacktrace|at .*\.ts:/);
  });

  it('answers a body that is not JSON as UPSTREAM_BAD_RESPONSE', async () => {
    await stack.setFaults([{ platform: 'xiaoe', operation: 'xe.goods.detail.get', kind: 'html' }]);
    const res = await stack.query(`{ product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } }`);
    expect(res.errors![0]!.extensions!.code).toMatch(/UPSTREAM_(BAD_RESPONSE|UNAVAILABLE)/);
  });
});

describe('bad input and unsupported operations', () => {
  it('says clearly that Xiaohongshu platforms have no lookup by id', async () => {
    const res = await stack.query(
      `{ a: product(platform: XHS_ARK, id: "58e5a8e4c9d7597de8649ab5") { title } b: products(platform: XHS_MINIAPP, ids: ["1"]) { title } }`,
    );
    expect(res.data).toEqual({ a: null, b: [null] });
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [['a'], 'UNSUPPORTED_OPERATION'],
      [['b', 0], 'UNSUPPORTED_OPERATION'],
    ]);
    expect(Object.keys(await stack.calls())).toHaveLength(0);
  });

  it('rejects malformed ids per entry before any upstream call', async () => {
    const res = await stack.query(
      `{ products(platform: TAOBAO, ids: ["abc", "1489161932"]) { title } x: product(platform: XIAOE, id: "no-type") { title } }`,
    );
    expect(res.data!.products).toEqual([null, { title: 'Google test item' }]);
    expect(res.errors!.map((e) => [e.path, e.extensions!.code])).toEqual([
      [['products', 0], 'BAD_USER_INPUT'],
      [['x'], 'BAD_USER_INPUT'],
    ]);
  });

  it('refuses more than 500 ids in one field, and a global id it did not issue', async () => {
    const ids = Array.from({ length: 501 }, (_, i) => String(i + 1));
    const res = await stack.query(`query($ids: [ID!]!) { products(platform: TAOBAO, ids: $ids) { title } }`, { ids });
    expect(res.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    const node = await stack.query(`{ node(id: "bm9wZQ") { id } }`);
    expect(node.data).toEqual({ node: null });
    expect(node.errors!.map((e) => e.extensions!.code)).toEqual(['BAD_USER_INPUT']);
    expect((await stack.calls())['taobao:taobao.miniapp.items.get'] ?? 0).toBe(0);
  });

  it('answers an unknown platform code and a broken query with GraphQL request errors', async () => {
    const a = await stack.query(`{ product(platform: EBAY, id: "1") { title } }`);
    expect(a.errors![0]!.extensions!.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const b = await stack.query(`{ product(platform: TAOBAO`);
    expect(b.errors![0]!.extensions!.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses a malformed DateTime or an out-of-range SafeInt as bad input, not an internal error', async () => {
    const q = `query($from: DateTime, $min: SafeInt) { catalog(platform: XHS_ARK, filter: { createdAt: { from: $from }, stock: { min: $min } }) { totalCount } }`;
    const a = await stack.query(q, { from: 'yesterday' });
    expect(a.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    const b = await stack.query(q, { min: 2 ** 60 });
    expect(b.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('answers a body over 1 MiB with 413 and BAD_REQUEST, calls nothing upstream, and keeps serving', async () => {
    const { result: res, calls } = await stack.measure(() =>
      fetch(`${stack.gateway.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ platforms { code } }', variables: { pad: 'x'.repeat(2 ** 20) } }),
      }),
    );
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(calls).toEqual({});
    const next = await stack.query(`{ platforms { code } }`);
    expect(next.errors).toBeUndefined();
    expect(next.data!.platforms).toHaveLength(5);
  });

  it('lists the platforms with their capabilities', async () => {
    const res = await stack.query(`{ platforms { code configured sandbox capabilities { lookupByIds maxIdsPerCall listing } } }`);
    expect(res.data!.platforms).toEqual([
      { code: 'TAOBAO', configured: true, sandbox: true, capabilities: { lookupByIds: true, maxIdsPerCall: 50, listing: false } },
      { code: 'XIAOE', configured: true, sandbox: true, capabilities: { lookupByIds: true, maxIdsPerCall: 50, listing: true } },
      { code: 'WECHAT_SHOP', configured: true, sandbox: true, capabilities: { lookupByIds: true, maxIdsPerCall: 1, listing: true } },
      { code: 'XHS_ARK', configured: true, sandbox: true, capabilities: { lookupByIds: false, maxIdsPerCall: null, listing: true } },
      { code: 'XHS_MINIAPP', configured: true, sandbox: true, capabilities: { lookupByIds: false, maxIdsPerCall: null, listing: true } },
    ]);
  });
});
