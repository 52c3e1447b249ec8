/**
 * One bad upstream value spoils nothing else (issue 15, item 3): the gateway over real HTTP against the
 * sandbox, whose records are patched (PATCH /__sandbox/products) with values the generators never make:
 * a price beyond Money, an impossible date, a negative stock, a fractional fen, a time before 2000.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack';

const EXAMPLE_ITEM = '1489161932';
const EXAMPLE_DEAL = 'string';

let stack: Stack;
/** A live generated item: the sandbox numbers its items from 520000000000, some deleted (unknown). */
let OTHER_ITEM: string;

async function patch(path: string, body: unknown): Promise<void> {
  const res = await fetch(`${stack.sandboxUrl}/__sandbox/products/${path}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`patch ${path}: HTTP ${res.status} ${await res.text()}`);
}

function located(
  errors: Array<{ path?: Array<string | number>; extensions?: Record<string, unknown> }> | undefined,
): Array<[string | undefined, unknown]> {
  return (errors ?? []).map((e): [string | undefined, unknown] => [e.path?.join('.'), e.extensions?.code]).sort();
}

beforeAll(async () => {
  stack = await startStack({ size: 40, seed: 15 });
  const ids = Array.from({ length: 100 }, (_, i) => String(520_000_000_000 + i));
  const probe = await stack.query(`{ products(platform: TAOBAO, ids: ${JSON.stringify(ids)}) { platformProductId } }`);
  OTHER_ITEM = (probe.data!.products as Array<{ platformProductId: string } | null>).find((p) => p !== null)!.platformProductId;
  await patch(`taobao/${EXAMPLE_ITEM}`, {
    approve_status: 'onsale',
    num: -3,
    created: '2021-02-30 00:00:00',
    skus: {
      sku: [
        { sku_id: 1, price: '99999999999999999.99', status: 'normal', quantity: 2 },
        { sku_id: 2, price: '12.50', status: 'normal', quantity: 1 },
      ],
    },
  });
  await patch(`xhs-miniapp/${EXAMPLE_DEAL}`, {
    status: 2,
    biz_create_time: 5,
    skus: [{ sku_id: 's2', sale_price: 989.9999999999999, status: 1 }],
  });
});

afterAll(() => stack?.close());

describe('a value a field cannot be mapped from', () => {
  it('nulls only that field, with an UPSTREAM_BAD_VALUE error at its path; the batch is one call and the other product whole', async () => {
    const { result, calls } = await stack.measure(() =>
      stack.query(`{ products(platform: TAOBAO, ids: ["${OTHER_ITEM}", "${EXAMPLE_ITEM}"]) {
        title createdAt stock { available } price { min { amount } max { amount } }
        skus { platformSkuId price { amount } status }
      } }`),
    );
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
    const [other, bad] = result.data!.products;
    expect(other.title).toEqual(expect.any(String));
    expect(other.price.min.amount).toMatch(/^\d+\.\d\d$/);
    expect(bad).toMatchObject({ title: 'Google test item', createdAt: null, stock: null, price: null });
    expect(bad.skus).toEqual([
      { platformSkuId: '1', price: null, status: 'ON_SALE' },
      { platformSkuId: '2', price: { amount: '12.50' }, status: 'ON_SALE' },
    ]);
    expect(located(result.errors)).toEqual([
      ['products.1.createdAt', 'UPSTREAM_BAD_VALUE'],
      ['products.1.price', 'UPSTREAM_BAD_VALUE'],
      ['products.1.skus.0.price', 'UPSTREAM_BAD_VALUE'],
      ['products.1.stock', 'UPSTREAM_BAD_VALUE'],
    ]);
    const skuPrice = result.errors!.find((e) => e.path?.join('.') === 'products.1.skus.0.price')!;
    expect(skuPrice.message).toContain('99999999999999999.99');
    expect(result.errors!.find((e) => e.path?.join('.') === 'products.1.createdAt')?.extensions).toMatchObject({
      platform: 'TAOBAO',
      field: 'createdAt',
    });
  });

  it('follows aliases and fragments, and reports nothing for a field left out by @skip', async () => {
    const result =
      await stack.query(`query($no: Boolean = true) { p: product(platform: TAOBAO, id: "${EXAMPLE_ITEM}") { ...F when: createdAt @skip(if: $no) } }
      fragment F on Product { title cost: price { min { amount } } lines: skus { ... on Sku { id p: price { amount } } } }`);
    expect(result.data!.p).toMatchObject({ title: 'Google test item', cost: null });
    expect(result.data!.p.when).toBeUndefined();
    expect(located(result.errors).map(([path]) => path)).toEqual(['p.cost', 'p.lines.0.p']);
  });

  it('reports nothing when the bad fields are not selected', async () => {
    const result = await stack.query(`{ product(platform: TAOBAO, id: "${EXAMPLE_ITEM}") { title status } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.product).toEqual({ title: 'Google test item', status: 'ON_SALE' });
  });

  it("reports a bad value of an _entities entry at its index, walking only that type's fragments", async () => {
    const result = await stack.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { title createdAt } ... on Sku { id } } }`,
      {
        r: [
          { __typename: 'Product', platform: 'TAOBAO', platformProductId: OTHER_ITEM },
          { __typename: 'Product', platform: 'TAOBAO', platformProductId: EXAMPLE_ITEM },
        ],
      },
    );
    expect(result.data!._entities[0].createdAt).toEqual(expect.any(String));
    expect(result.data!._entities[1]).toEqual({ title: 'Google test item', createdAt: null });
    expect(located(result.errors)).toEqual([['_entities.1.createdAt', 'UPSTREAM_BAD_VALUE']]);
  });

  it('reports a bad value of a Sku entity at its index', async () => {
    const probe = await stack.query(`{ product(platform: TAOBAO, id: "${EXAMPLE_ITEM}") { skus { id } } }`);
    const skuId: string = probe.data!.product.skus[0].id;
    const result = await stack.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { title } ... on Sku { price { amount } } } }`,
      {
        r: [{ __typename: 'Sku', id: skuId }],
      },
    );
    expect(result.data!._entities).toEqual([{ price: null }]);
    expect(located(result.errors)).toEqual([['_entities.0.price', 'UPSTREAM_BAD_VALUE']]);
  });

  it('reports a bad value of a listed product at its edge of the catalog, every other edge whole', async () => {
    const result = await stack.query(
      '{ catalog(platform: XHS_MINIAPP, first: 100) { edges { node { platformProductId createdAt price { min { amount } } } } } }',
    );
    const edges: Array<{ node: { platformProductId: string; createdAt: string | null; price: unknown } }> = result.data!.catalog.edges;
    const at = edges.findIndex((edge) => edge.node.platformProductId === EXAMPLE_DEAL);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(edges[at]!.node).toMatchObject({ createdAt: null, price: null });
    expect(edges.filter((edge, i) => i !== at && edge.node.createdAt === null)).toEqual([]);
    expect(located(result.errors)).toEqual([
      [`catalog.edges.${at}.node.createdAt`, 'UPSTREAM_BAD_VALUE'],
      [`catalog.edges.${at}.node.price`, 'UPSTREAM_BAD_VALUE'],
    ]);
  });
});
