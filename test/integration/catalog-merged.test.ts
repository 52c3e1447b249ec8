import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack';

interface Node {
  id: string;
  platform: string;
  platformProductId: string;
  updatedAt: string | null;
}
interface Connection {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number | null;
}

const PAGE = `query($platform: PlatformCode, $first: Int, $after: String) {
  catalog(platform: $platform, first: $first, after: $after) {
    edges { cursor node { id platform platformProductId updatedAt } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const LISTING = ['XIAOE', 'WECHAT_SHOP', 'XHS_ARK', 'XHS_MINIAPP'];

async function walk(stack: Stack, platform: string | undefined, first: number): Promise<{ nodes: Node[]; total: number | null }> {
  const nodes: Node[] = [];
  let after: string | null = null;
  let total: number | null = null;
  for (;;) {
    const res = await stack.query(PAGE, { platform, first, after });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const connection = res.data!.catalog as Connection;
    total ??= connection.totalCount;
    nodes.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) return { nodes, total };
    after = connection.pageInfo.endCursor;
  }
}

describe('merged catalog', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ size: 120, seed: 5 });
  });
  afterAll(() => stack.close());

  it('lists every product of the four listing platforms once, each platform in its own order', async () => {
    const merged = await walk(stack, undefined, 70);
    const own = await Promise.all(LISTING.map((p) => walk(stack, p, 500)));
    const ids = merged.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(own.reduce((sum, w) => sum + w.nodes.length, 0));
    expect(merged.total).toBe(ids.length);
    LISTING.forEach((platform, i) => {
      expect(merged.nodes.filter((n) => n.platform === platform).map((n) => n.id)).toEqual(own[i]!.nodes.map((n) => n.id));
    });
  });

  it('orders the platforms that list by update time by updatedAt descending across platforms', async () => {
    const merged = await walk(stack, undefined, 50);
    const timed = merged.nodes.filter((n) => n.platform === 'XHS_ARK' || n.platform === 'XHS_MINIAPP');
    expect(new Set(timed.map((n) => n.platform)).size).toBe(2);
    for (let i = 1; i < timed.length; i++) expect((timed[i - 1]!.updatedAt ?? '') >= (timed[i]!.updatedAt ?? '')).toBe(true);
  });

  it('makes one list call per platform stream for a first page of 50, each a page of 50', async () => {
    await stack.query(PAGE, { first: 1 }); // tokens
    const { calls, result, requests } = await stack.measure(() => stack.query(PAGE, { first: 50 }));
    expect(requests.map((r) => r.params.page_size)).toEqual(requests.map(() => 50));
    expect(result.data!.catalog.edges).toHaveLength(50);
    expect(calls).toEqual({
      'xiaoe:xe.goods.list.get': 1,
      'wechat:product/spu/get_list': 5,
      'xhs-ark:items': 1,
      'xhs-miniapp:product/batch_get': 1,
    });
  });
});

describe('listed products prime lookups', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ size: 60, seed: 3 });
  });
  afterAll(() => stack.close());

  it('answers node() and product() for a listed WeChat product without another call', async () => {
    const first = await stack.query(
      '{ catalog(platform: WECHAT_SHOP, first: 3, filter: { status: [ON_SALE] }) { edges { node { id platformProductId } } } }',
    );
    const { id, platformProductId } = first.data!.catalog.edges[1].node;
    const query = `query($id: ID!, $pid: ID!) {
      n: node(id: $id) { ... on Product { title status } }
      catalog(platform: WECHAT_SHOP, first: 3, filter: { status: [ON_SALE] }) { edges { node { id title } } }
      p: product(platform: WECHAT_SHOP, id: $pid) { id title }
    }`;
    const { result, calls } = await stack.measure(() => stack.query(query, { id, pid: platformProductId }));
    expect(result.errors).toBeUndefined();
    expect(result.data!.n.title).toBe(result.data!.catalog.edges[1].node.title);
    expect(result.data!.p.id).toBe(id);
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1 });
  });

  it('still looks up what the listed record does not cover (WeChat SKU details)', async () => {
    const first = await stack.query(
      '{ catalog(platform: WECHAT_SHOP, first: 1, filter: { status: [ON_SALE] }) { edges { node { id } } } }',
    );
    const id = first.data!.catalog.edges[0].node.id;
    const query = `query($id: ID!) {
      catalog(platform: WECHAT_SHOP, first: 1, filter: { status: [ON_SALE] }) { edges { node { id } } }
      node(id: $id) { ... on Product { skus { price { amount } } } }
    }`;
    const { calls } = await stack.measure(() => stack.query(query, { id }));
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/spu/get': 1, 'wechat:product/sku/get_list': 1 });
  });

  it('answers node() for a listed Ark product, which has no lookup of its own', async () => {
    const first = await stack.query('{ catalog(platform: XHS_ARK, first: 2) { edges { node { id } } } }');
    const id = first.data!.catalog.edges[1].node.id;
    const res = await stack.query(
      `query($id: ID!) { catalog(platform: XHS_ARK, first: 2) { edges { node { id } } } node(id: $id) { id } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.node.id).toBe(id);
  });
});

describe('merged catalog with a failing platform', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ size: 60, seed: 9 });
  });
  afterAll(() => stack.close());

  it('returns the other platforms, names the failing one, and resumes it on the next page', async () => {
    await stack.setFaults([{ platform: 'xiaoe', operation: 'xe.goods.list.get', kind: 'http', status: 400 }]);
    const res = await stack.query(PAGE, { first: 30 });
    const connection = res.data!.catalog as Connection;
    expect(connection.edges).toHaveLength(30);
    expect(connection.edges.some((e) => e.node.platform === 'XIAOE')).toBe(false);
    expect(connection.pageInfo.hasNextPage).toBe(true);
    expect(connection.totalCount).toBeNull();
    expect(res.errors?.map((e) => e.extensions?.platform)).toEqual(['XIAOE']);
    expect(res.errors![0]!.path).toEqual(['catalog']);

    await stack.setFaults([]);
    const next = await stack.query(PAGE, { first: 30, after: connection.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
    expect((next.data!.catalog as Connection).edges.some((e) => e.node.platform === 'XIAOE')).toBe(true);
  });
});
