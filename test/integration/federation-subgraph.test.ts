import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deriveSeed } from '../../src/sandbox/data/random';
import { buildTaobaoCatalog } from '../../src/sandbox/platforms/taobao/catalog';
import { startStack, type LoggedRequest, type Stack } from '../helpers/stack';

const SEED = 7;
const SIZE = 200;
/** Taobao `num_iid`s the stack's sandbox serves, in catalog order. */
const taobaoIds = [...buildTaobaoCatalog({ seed: deriveSeed(SEED, 'taobao'), size: SIZE }).items.keys()];
const productId = (platform: string, id: string) => Buffer.from(`Product:${platform}:${id}`).toString('base64url');

const ENTITIES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) { __typename ... on Product { id platform platformProductId title } }
}`;

const numIids = (r: LoggedRequest) => String(r.params.num_iids).split(',');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ size: SIZE, seed: SEED });
  // Warm the token caches, so the counts below are the references' own.
  await stack.query(`{ x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } }`);
});
afterAll(async () => stack.close());

describe('the Federation v2 subgraph schema', () => {
  it('publishes its SDL with the Federation v2 link and both Product keys and the Sku key', async () => {
    const { data } = await stack.query<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    const sdl = data!._service.sdl;
    expect(sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key", "@shareable"])');
    expect(sdl).toMatch(/type Product implements Node\s+@key\(fields: "id"\)\s+@key\(fields: "platform platformProductId"\)/);
    expect(sdl).toMatch(/type Sku\s+@key\(fields: "id"\)/);
  });
});

describe('_entities: references resolved through the request loaders', () => {
  it('resolves 60 Taobao references, by either key, in order, with two items.get calls of 50 and 10', async () => {
    const ids = taobaoIds.slice(0, 60);
    const representations = ids.map((id, i) =>
      i % 2 === 0
        ? { __typename: 'Product', id: productId('TAOBAO', id) }
        : { __typename: 'Product', platform: 'TAOBAO', platformProductId: id },
    );
    const { result, calls, requests } = await stack.measure(() => stack.query(ENTITIES, { representations }));
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as Array<{ __typename: string; platformProductId: string; id: string; title: string }>;
    expect(entities.map((e) => e.platformProductId)).toEqual(ids);
    expect(entities.every((e, i) => e.__typename === 'Product' && e.id === productId('TAOBAO', ids[i]!) && e.title)).toBe(true);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 2 });
    expect(requests.map((r) => numIids(r).length).sort((a, b) => a - b)).toEqual([10, 50]);
  });

  it('answers null with NOT_FOUND at the index of an unknown key, and the neighbours intact', async () => {
    const representations = [
      { __typename: 'Product', platform: 'TAOBAO', platformProductId: taobaoIds[0] },
      { __typename: 'Product', platform: 'TAOBAO', platformProductId: '1' },
      { __typename: 'Product', id: productId('XIAOE', '2:a_619fba7ae4b03f3fb99c7809') },
    ];
    const { result, calls } = await stack.measure(() => stack.query(ENTITIES, { representations }));
    const entities = result.data!._entities as Array<{ platformProductId: string } | null>;
    expect(entities[0]?.platformProductId).toBe(taobaoIds[0]);
    expect(entities[1]).toBeNull();
    expect(entities[2]?.platformProductId).toBe('2:a_619fba7ae4b03f3fb99c7809');
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 1], extensions: { code: 'NOT_FOUND', platform: 'TAOBAO', id: '1' } }),
    ]);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1, 'xiaoe:xe.goods.detail.get': 1 });
  });

  it('answers null with UNSUPPORTED_OPERATION for a platform that only lists, without any upstream call', async () => {
    const representations = [{ __typename: 'Product', platform: 'XHS_ARK', platformProductId: 'abc' }];
    const { result, calls } = await stack.measure(() => stack.query(ENTITIES, { representations }));
    expect(result.data!._entities).toEqual([null]);
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 0], extensions: expect.objectContaining({ code: 'UNSUPPORTED_OPERATION' }) }),
    ]);
    expect(calls).toEqual({});
  });

  it('refuses each malformed representation with BAD_USER_INPUT at its index, without any upstream call', async () => {
    const representations = [
      { __typename: 'Product', id: 'not-a-global-id' },
      { __typename: 'Product', id: 42 },
      { __typename: 'Product', platform: 'EBAY', platformProductId: '1' },
      { __typename: 'Product', platform: 'TAOBAO' },
      { __typename: 'Product', platform: 'TAOBAO', platformProductId: 'abc' },
      { __typename: 'Order', id: '1' },
      'Product',
      { __typename: 'Sku', id: productId('TAOBAO', '1') },
      {},
    ];
    const { result, calls } = await stack.measure(() => stack.query(ENTITIES, { representations }));
    expect(result.status).toBe(200);
    expect(result.data!._entities).toEqual(representations.map(() => null));
    const byIndex = new Map(result.errors!.map((e) => [e.path![1], e.extensions!.code]));
    expect([...byIndex.keys()].sort()).toEqual(representations.map((_, i) => i));
    expect(new Set(byIndex.values())).toEqual(new Set(['BAD_USER_INPUT']));
    expect(calls).toEqual({});
  });

  it('batches references with product and products of the same platform in one operation', async () => {
    const [a, b, c] = taobaoIds;
    const { result, calls } = await stack.measure(() =>
      stack.query(
        `query($representations: [_Any!]!) {
           _entities(representations: $representations) { ... on Product { title } }
           product(platform: TAOBAO, id: "${b}") { title }
           products(platform: TAOBAO, ids: ["${c}"]) { title }
         }`,
        { representations: [{ __typename: 'Product', platform: 'TAOBAO', platformProductId: a }] },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
  });

  it("pushes down only the Product fragment's fields for product references", async () => {
    const { result, requests } = await stack.measure(() =>
      stack.query(
        `query($representations: [_Any!]!) {
           _entities(representations: $representations) { ... on Product { title } ... on Sku { barcode } }
         }`,
        { representations: [{ __typename: 'Product', platform: 'TAOBAO', platformProductId: taobaoIds[1] }] },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(String(requests[0]!.params.fields).split(',').sort()).toEqual(['num_iid', 'title']);
  });

  it('resolves a Sku by its global id with one lookup of its product', async () => {
    const first = await stack.query(`{ product(platform: TAOBAO, id: "1489161932") { skus { id platformSkuId price { amount } } } }`);
    const sku = first.data!.product.skus[0] as { id: string; platformSkuId: string; price: { amount: string } };
    const { result, calls } = await stack.measure(() =>
      stack.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Sku { id platformSkuId price { amount } } } }`, {
        r: [
          { __typename: 'Sku', id: sku.id },
          { __typename: 'Sku', id: Buffer.from('Sku:TAOBAO:1489161932:999').toString('base64url') },
        ],
      }),
    );
    expect(result.data!._entities).toEqual([sku, null]);
    expect(result.errors).toEqual([
      expect.objectContaining({ path: ['_entities', 1], extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }),
    ]);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
  });
});

describe('FEDERATION=off', () => {
  let plain: Stack;
  beforeAll(async () => {
    plain = await startStack({ size: 10, seed: SEED }, { FEDERATION: 'off' });
  });
  afterAll(async () => plain.close());

  it('serves the same API without _service and _entities', async () => {
    const service = await plain.query(`{ _service { sdl } }`);
    expect(service.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const entities = await plain.query(ENTITIES, { representations: [] });
    expect(entities.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const product = await plain.query(`{ product(platform: TAOBAO, id: "1489161932") { title } }`);
    expect(product.data).toEqual({ product: { title: 'Google test item' } });
  });
});
