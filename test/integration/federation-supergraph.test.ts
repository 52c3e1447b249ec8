import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrdersSubgraph, type Order } from '../../examples/supergraph/orders';
import { startReviewsSubgraph, type Review } from '../../examples/supergraph/reviews';
import type { RunningSubgraph } from '../../examples/supergraph/startSubgraph';
import {
  composeSupergraph,
  startSupergraphGateway,
  type RunningSupergraph,
  type SubgraphEndpoint,
} from '../../examples/supergraph/supergraph';
import { deriveSeed } from '../../src/sandbox/data/random';
import { buildTaobaoCatalog } from '../../src/sandbox/platforms/taobao/catalog';
import { startStack, type Stack } from '../helpers/stack';

const SEED = 11;
const SIZE = 120;
const taobaoIds = [...buildTaobaoCatalog({ seed: deriveSeed(SEED, 'taobao'), size: SIZE }).items.keys()];
const productId = (platform: string, id: string) => Buffer.from(`Product:${platform}:${id}`).toString('base64url');

const orders: Order[] = [
  // 60 Taobao lines: the catalog gets them as one _entities fetch of 60 references.
  { id: 'big', lines: taobaoIds.slice(0, 60).map((id, i) => ({ quantity: i + 1, platform: 'TAOBAO', platformProductId: id })) },
  {
    id: 'mixed',
    lines: [
      { quantity: 1, platform: 'XIAOE', platformProductId: '2:a_619fba7ae4b03f3fb99c7809' },
      { quantity: 2, platform: 'TAOBAO', platformProductId: '1489161932' },
      { quantity: 3, platform: 'TAOBAO', platformProductId: '1' },
    ],
  },
];
const reviews: Review[] = taobaoIds.slice(60, 65).map((id, i) => ({ id: `r${i}`, rating: 5 - i, productId: productId('TAOBAO', id) }));

let stack: Stack;
let ordersSubgraph: RunningSubgraph;
let reviewsSubgraph: RunningSubgraph;
let supergraphSdl: string;
let supergraph: RunningSupergraph;
let subgraphs: SubgraphEndpoint[];

async function query(
  text: string,
  url = supergraph.url,
): Promise<{ data?: any; errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: text }) });
  return (await res.json()) as never;
}

beforeAll(async () => {
  stack = await startStack({ size: SIZE, seed: SEED });
  ordersSubgraph = await startOrdersSubgraph(orders);
  reviewsSubgraph = await startReviewsSubgraph(reviews);
  subgraphs = [
    { name: 'catalog', url: `${stack.gateway.url}/graphql` },
    { name: 'orders', url: ordersSubgraph.url },
    { name: 'reviews', url: reviewsSubgraph.url },
  ];
  supergraphSdl = await composeSupergraph(subgraphs, 'apollo');
  supergraph = await startSupergraphGateway(supergraphSdl);
  // Warm the token caches, so the counts below are the queries' own.
  await stack.query(`{ x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } }`);
});
afterAll(async () => {
  await supergraph?.close();
  await ordersSubgraph?.close();
  await reviewsSubgraph?.close();
  await stack?.close();
});

describe('the catalog in a composed supergraph', () => {
  it('composes with subgraphs that reference Product by either key', () => {
    expect(supergraphSdl).toContain('@join__type(graph: CATALOG, key: "id")');
    expect(supergraphSdl).toContain('@join__type(graph: CATALOG, key: "platform platformProductId")');
    expect(supergraphSdl).toContain('@join__type(graph: ORDERS, key: "platform platformProductId", resolvable: false)');
    expect(supergraphSdl).toContain('@join__type(graph: REVIEWS, key: "id", resolvable: false)');
  });

  it('answers 60 Taobao order lines with their catalog products from 2 items.get calls', async () => {
    const { result, calls, requests } = await stack.measure(() =>
      query(`{ order(id: "big") { lines { quantity product { platformProductId title price { min { amount currency } } } } } }`),
    );
    expect(result.errors).toBeUndefined();
    const lines = result.data.order.lines as Array<{
      quantity: number;
      product: { platformProductId: string; title: string; price: unknown };
    }>;
    expect(lines.map((l) => l.product.platformProductId)).toEqual(taobaoIds.slice(0, 60));
    expect(lines.map((l) => l.quantity)).toEqual(orders[0]!.lines.map((l) => l.quantity));
    expect(lines.every((l) => typeof l.product.title === 'string' && l.product.title.length > 0)).toBe(true);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 2 });
    expect(requests.map((r) => String(r.params.num_iids).split(',').length).sort((a, b) => a - b)).toEqual([10, 50]);
  });

  it('answers mixed platforms with one call each, and null with NOT_FOUND for an unknown product', async () => {
    const { result, calls } = await stack.measure(() => query(`{ order(id: "mixed") { lines { quantity product { platform title } } } }`));
    const lines = result.data.order.lines as Array<{ quantity: number; product: { platform: string; title: string } | null }>;
    expect(lines[0]!.product).toEqual({ platform: 'XIAOE', title: '呜呜' });
    expect(lines[1]!.product).toEqual({ platform: 'TAOBAO', title: 'Google test item' });
    // The key fields come from orders; the catalog's own fields of an unknown product are null, and the error says why.
    expect(lines[2]!.product).toEqual({ platform: 'TAOBAO', title: null });
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: 'TAOBAO has no product with id "1"',
        path: ['order', 'lines', 2, 'product'],
        extensions: expect.objectContaining({ code: 'NOT_FOUND', serviceName: 'catalog' }),
      }),
    ]);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1, 'xiaoe:xe.goods.detail.get': 1 });
  });

  it('resolves references by global id from another subgraph in the same query', async () => {
    const { result, calls } = await stack.measure(() =>
      query(`{ reviews { rating product { id platformProductId title } } order(id: "mixed") { lines { product { title } } } }`),
    );
    const got = result.data.reviews as Array<{ rating: number; product: { id: string; platformProductId: string; title: string } }>;
    expect(got.map((r) => r.product.platformProductId)).toEqual(taobaoIds.slice(60, 65));
    expect(got.map((r) => r.product.id)).toEqual(reviews.map((r) => r.productId));
    // The gateway sends one _entities request per referencing subgraph: each is one Taobao batch.
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 2, 'xiaoe:xe.goods.detail.get': 1 });
  });

  it("composes with Hive's composition too, and that supergraph answers the same", async () => {
    const hiveSdl = await composeSupergraph(subgraphs, 'hive');
    expect(hiveSdl).toContain('@join__type(graph: CATALOG, key: "platform platformProductId")');
    const hive = await startSupergraphGateway(hiveSdl);
    try {
      const text = `{ order(id: "mixed") { lines { quantity product { platformProductId title } } } reviews { product { title } } }`;
      const [viaApollo, viaHive] = [await query(text), await query(text, hive.url)];
      expect(viaHive.data).toEqual(viaApollo.data);
      expect(viaHive.data.reviews).toHaveLength(reviews.length);
    } finally {
      await hive.close();
    }
  });
});
