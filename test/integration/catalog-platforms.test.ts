import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack';

interface Node {
  id: string;
  platformProductId: string;
  title: string | null;
  status: string;
  rawStatus: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  stock: { available: number | null } | null;
}

const NODE_FIELDS = 'id platformProductId title status rawStatus createdAt updatedAt stock { available }';
const PAGE = `query($platform: PlatformCode, $filter: ProductFilter, $first: Int, $after: String) {
  catalog(platform: $platform, filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${NODE_FIELDS} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

let stack: Stack;

beforeAll(async () => {
  // Walks of WeChat with `stock` and first: 120 or 500 may cost 126 and 511 upstream calls (a SKU call
  // per product): over the default per-operation maximum, which is the point of it.
  stack = await startStack({ size: 150, seed: 11 }, { COST_MAX_CALLS: '1000' });
});
afterAll(() => stack.close());

async function page(variables: Record<string, unknown>) {
  const res = await stack.query(PAGE, variables);
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.catalog as {
    edges: Array<{ cursor: string; node: Node }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: number | null;
  };
}

/** Every node of a listing, page by page. */
async function walk(
  platform: string | undefined,
  first: number,
  filter?: Record<string, unknown>,
): Promise<{ nodes: Node[]; totals: Array<number | null> }> {
  const nodes: Node[] = [];
  const totals: Array<number | null> = [];
  let after: string | null = null;
  for (let guard = 0; guard < 1000; guard++) {
    const connection = await page({ platform, filter, first, after });
    nodes.push(...connection.edges.map((e) => e.node));
    totals.push(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return { nodes, totals };
    expect(connection.edges.length).toBe(first);
    after = connection.pageInfo.endCursor;
  }
  throw new Error('listing never ended');
}

const byUpdatedDesc = (a: Node, b: Node) =>
  (a.updatedAt ?? '') < (b.updatedAt ?? '')
    ? 1
    : (a.updatedAt ?? '') > (b.updatedAt ?? '')
      ? -1
      : a.platformProductId < b.platformProductId
        ? -1
        : 1;
const ORDERS: Record<string, (a: Node, b: Node) => number> = {
  XHS_ARK: byUpdatedDesc,
  XHS_MINIAPP: byUpdatedDesc,
  WECHAT_SHOP: (a, b) => a.platformProductId.length - b.platformProductId.length || (a.platformProductId < b.platformProductId ? -1 : 1),
  XIAOE: (a, b) => ((a.createdAt ?? '') < (b.createdAt ?? '') ? 1 : (a.createdAt ?? '') > (b.createdAt ?? '') ? -1 : 0),
};

function expectOrdered(nodes: Node[], compare: (a: Node, b: Node) => number): void {
  for (let i = 1; i < nodes.length; i++)
    expect(compare(nodes[i - 1]!, nodes[i]!), `${nodes[i - 1]!.id} before ${nodes[i]!.id}`).toBeLessThanOrEqual(0);
}

describe('catalog of one platform', () => {
  for (const platform of ['XHS_ARK', 'XHS_MINIAPP', 'WECHAT_SHOP', 'XIAOE']) {
    it(`walks the whole ${platform} catalog once, in order, with page sizes 7, 50 and 120`, async () => {
      const walks = await Promise.all([7, 50, 120].map((first) => walk(platform, first)));
      const ids = walks[0]!.nodes.map((n) => n.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBeGreaterThan(100);
      expect(walks[0]!.totals[0]).toBe(ids.length);
      for (const other of walks.slice(1)) expect(other.nodes.map((n) => n.id)).toEqual(ids);
      expectOrdered(walks[0]!.nodes, ORDERS[platform]!);
    });
  }

  it('asks Ark for 120 items as three pages of 40, as many calls as pages of 50 would take', async () => {
    const { calls, requests } = await stack.measure(() => page({ platform: 'XHS_ARK', first: 120 }));
    expect(calls).toEqual({ 'xhs-ark:items': 3 });
    expect(requests.map((r) => r.params.page_no).sort()).toEqual([1, 2, 3]);
    expect(requests.every((r) => r.params.page_size === 40)).toBe(true);
  });

  it('serves items 45-94 of Ark from two pages of 32, matching a plain walk', async () => {
    const all = await page({ platform: 'XHS_ARK', first: 100 });
    const head = await page({ platform: 'XHS_ARK', first: 45 });
    const { result, calls, requests } = await stack.measure(() => page({ platform: 'XHS_ARK', first: 50, after: head.pageInfo.endCursor }));
    expect(calls).toEqual({ 'xhs-ark:items': 2 });
    expect(requests.map((r) => `${r.params.page_no}@${r.params.page_size}`).sort()).toEqual(['2@32', '3@32']);
    expect(result.edges.map((e) => e.node.id)).toEqual(all.edges.slice(45, 95).map((e) => e.node.id));
  });

  it('lists 120 on-sale WeChat products with one get_list call, and every status but deleted with five', async () => {
    // No SKU field selected: the spus alone answer it.
    const ids =
      'query($filter: ProductFilter) { catalog(platform: WECHAT_SHOP, first: 120, filter: $filter) { edges { node { id title status } } } }';
    const onSale = await stack.measure(() => stack.query(ids, { filter: { status: ['ON_SALE'] } }));
    expect(onSale.calls).toEqual({ 'wechat:product/spu/get_list': 1 });
    const all = await stack.measure(() => stack.query(ids));
    expect(all.calls).toEqual({ 'wechat:product/spu/get_list': 5 });
    expect(
      all.requests
        .map((r) => (r.params.body as { status: number } | undefined)?.status ?? r.params.status)
        .sort((a, b) => Number(a) - Number(b)),
    ).toEqual([0, 5, 11, 12, 13]);
  });

  it('fetches WeChat SKU details only when selected, one sku/get_list per returned product', async () => {
    const query = `{ catalog(platform: WECHAT_SHOP, first: 10, filter: { status: [ON_SALE] }) { edges { node { id skus { price { amount } stock { available } } } } } }`;
    const { result, calls } = await stack.measure(() => stack.query(query));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': 10 });
    expect(result.data!.catalog.edges[0].node.skus[0].price.amount).toMatch(/^\d+\.\d{2}$/);
  });
});

describe('upstream reads by page size', () => {
  // One stream each, so every upstream page is a page of the walk.
  const listings: Array<{ platform: string; filter?: Record<string, unknown>; operation: string; maxPageSize: number }> = [
    { platform: 'XHS_ARK', operation: 'xhs-ark:items', maxPageSize: 50 },
    { platform: 'XHS_MINIAPP', operation: 'xhs-miniapp:product/batch_get', maxPageSize: 100 },
    { platform: 'WECHAT_SHOP', filter: { status: ['ON_SALE'] }, operation: 'wechat:product/spu/get_list', maxPageSize: 300 },
    { platform: 'XIAOE', operation: 'xiaoe:xe.goods.list.get', maxPageSize: 100 },
  ];
  for (const { platform, filter, operation, maxPageSize } of listings) {
    it(`walks ${platform} with first 1, 7, 50, 100 and its maximum reading each item once, in pages of first`, async () => {
      const sizes = [1, 7, 50, 100, maxPageSize].filter((n, i, all) => n <= maxPageSize && all.indexOf(n) === i);
      const bytes = new Map<number, number>();
      let reference: string[] | undefined;
      for (const first of sizes) {
        const { result, requests } = await stack.measure(() => walk(platform, first, filter));
        const ids = result.nodes.map((n) => n.id);
        reference ??= ids;
        expect(ids, `first: ${first}`).toEqual(reference);
        const listCalls = requests.filter((r) => `${r.platform}:${r.operation}` === operation);
        expect(listCalls.length, `first: ${first}`).toBe(Math.ceil(ids.length / first));
        expect(listCalls.every((r) => r.params.page_size === first)).toBe(true);
        bytes.set(
          first,
          listCalls.reduce((sum, r) => sum + r.bytes, 0),
        );
      }
      expect(reference!.length).toBeGreaterThan(50);
      // The same items, whatever the page size: only each call's envelope adds bytes (a page of the
      // maximum for every window read up to maxPageSize / first times as much).
      expect(bytes.get(7)!).toBeLessThan(1.5 * bytes.get(maxPageSize)!);
    });
  }

  it('reads a first page of 50 on-sale WeChat products as one get_list page of 50, not 300', async () => {
    const query = '{ catalog(platform: WECHAT_SHOP, first: 50, filter: { status: [ON_SALE] }) { edges { node { id } } } }';
    const { requests } = await stack.measure(() => stack.query(query));
    expect(requests.map((r) => [r.operation, r.params.page, r.params.page_size])).toEqual([['product/spu/get_list', 1, 50]]);
  });

  it('ends a listing on its last item without another call, from any window size', async () => {
    for (const first of [1, 7, 50]) {
      const everything = (await walk('XHS_MINIAPP', 100)).nodes;
      const tail = everything.length % first || first;
      const before = await page({ platform: 'XHS_MINIAPP', first: everything.length - tail });
      const { result, calls } = await stack.measure(() => page({ platform: 'XHS_MINIAPP', first, after: before.pageInfo.endCursor }));
      expect(result.edges.map((e) => e.node.id)).toEqual(everything.slice(-tail).map((n) => n.id));
      expect(result.pageInfo.hasNextPage).toBe(false);
      expect(calls).toEqual({ 'xhs-miniapp:product/batch_get': 1 });
    }
  });
});

describe('catalog filters', () => {
  const cases: Array<{ platform: string; filter: Record<string, unknown>; keep: (n: Node) => boolean }> = [
    { platform: 'XHS_ARK', filter: { buyable: true }, keep: (n) => n.rawStatus!.includes('buyable=true') },
    { platform: 'XHS_ARK', filter: { rawStatus: ['0', '2'] }, keep: (n) => /^status=[02],/.test(n.rawStatus!) },
    { platform: 'XHS_ARK', filter: { stock: { min: 1, max: 500 } }, keep: (n) => n.stock!.available! >= 1 && n.stock!.available! <= 500 },
    { platform: 'XHS_MINIAPP', filter: { status: ['DRAFT'] }, keep: (n) => n.status === 'DRAFT' },
    { platform: 'XHS_MINIAPP', filter: { rawStatus: ['2'] }, keep: (n) => n.rawStatus === '2' },
    { platform: 'WECHAT_SHOP', filter: { status: ['ON_SALE', 'OFF_SALE'] }, keep: (n) => ['ON_SALE', 'OFF_SALE'].includes(n.status) },
    { platform: 'WECHAT_SHOP', filter: { rawStatus: ['11'] }, keep: (n) => n.rawStatus === '11' },
    { platform: 'XIAOE', filter: { resourceType: 21 }, keep: (n) => n.platformProductId.startsWith('21:') },
    { platform: 'XIAOE', filter: { rawStatus: ['1'] }, keep: (n) => n.rawStatus!.startsWith('sale_status=1') },
  ];
  for (const { platform, filter, keep } of cases) {
    it(`${platform} ${JSON.stringify(filter)} returns what filtering the whole catalog returns`, async () => {
      const everything = (await walk(platform, 500)).nodes;
      const filtered = (await walk(platform, 37, filter)).nodes;
      expect(filtered.length).toBeGreaterThan(0);
      expect(filtered.map((n) => n.id)).toEqual(everything.filter(keep).map((n) => n.id));
    });
  }

  it('Ark updatedAt range keeps exactly the items updated within it', async () => {
    const everything = (await walk('XHS_ARK', 500)).nodes;
    const from = everything[60]!.updatedAt!;
    const to = everything[20]!.updatedAt!;
    const filtered = (await walk('XHS_ARK', 30, { updatedAt: { from, to } })).nodes;
    expect(filtered.map((n) => n.id)).toEqual(everything.filter((n) => n.updatedAt! >= from && n.updatedAt! <= to).map((n) => n.id));
  });

  it('Xiaoe nameContains keeps the goods whose name has the keyword', async () => {
    const everything = (await walk('XIAOE', 500)).nodes;
    const keyword = [...everything[3]!.title!].slice(0, 2).join('');
    const filtered = (await walk('XIAOE', 20, { nameContains: keyword })).nodes;
    expect(filtered.map((n) => n.id)).toEqual(everything.filter((n) => n.title!.includes(keyword)).map((n) => n.id));
  });

  it('Xiaoe createdAt over more than 15 days is read as consecutive 15-day windows, in order, without gaps', async () => {
    const everything = (await walk('XIAOE', 500)).nodes;
    const to = everything[5]!.createdAt!;
    const from = everything[30]!.createdAt!;
    const windowCount = Math.ceil((Date.parse(to) - Date.parse(from) + 1000) / ((15 * 86_400 + 1) * 1000));
    expect(windowCount).toBeGreaterThan(2);
    const { result, requests } = await stack.measure(() => walk('XIAOE', 7, { createdAt: { from, to } }));
    const expected = everything.filter((n) => n.createdAt! >= from && n.createdAt! <= to);
    expect(expected.length).toBeGreaterThan(7);
    expect(result.nodes.map((n) => n.id)).toEqual(expected.map((n) => n.id));
    const windows = new Set(
      requests.filter((r) => r.operation === 'xe.goods.list.get').map((r) => `${r.params.start_time}..${r.params.end_time}`),
    );
    expect(windows.size).toBe(windowCount);
  });

  it('Xiaoe status DELETED lists only deleted goods, which are otherwise left out', async () => {
    const deleted = (await walk('XIAOE', 100, { status: ['DELETED'] })).nodes;
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((n) => n.status === 'DELETED')).toBe(true);
    const everything = (await walk('XIAOE', 500)).nodes;
    expect(everything.some((n) => n.status === 'DELETED')).toBe(false);
  });

  const unsupported: Array<[string | undefined, Record<string, unknown>, string]> = [
    ['XHS_ARK', { status: ['ON_SALE'] }, 'status'],
    ['XHS_ARK', { nameContains: 'x' }, 'nameContains'],
    ['WECHAT_SHOP', { buyable: true }, 'buyable'],
    ['WECHAT_SHOP', { updatedAt: { from: '2024-01-01T00:00:00Z' } }, 'updatedAt'],
    ['XHS_MINIAPP', { createdAt: { from: '2024-01-01T00:00:00Z' } }, 'createdAt'],
    ['XIAOE', { status: ['ON_SALE'] }, 'status'],
    ['XIAOE', { stock: { min: 1 } }, 'stock'],
    [undefined, { stock: { min: 1 } }, 'stock'],
  ];
  for (const [platform, filter, name] of unsupported) {
    it(`refuses ${name} on ${platform ?? 'the merged catalog'} with UNSUPPORTED_FILTER`, async () => {
      const res = await stack.query(PAGE, { platform, filter, first: 5 });
      expect(res.data).toBeNull();
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'UNSUPPORTED_FILTER', filter: name });
      expect(res.errors![0]!.extensions!.platform).toBeTruthy();
    });
  }
});

describe('catalog arguments and cursors', () => {
  it('refuses first above 500, 0 and negative with BAD_USER_INPUT', async () => {
    for (const first of [501, 0, -3]) {
      const res = await stack.query(PAGE, { platform: 'XHS_ARK', first });
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a malformed cursor, and one from another platform or filter, with BAD_CURSOR', async () => {
    const ark = await page({ platform: 'XHS_ARK', first: 3 });
    const wechat = await page({ platform: 'WECHAT_SHOP', first: 3, filter: { status: ['ON_SALE'] } });
    const attempts = [
      { platform: 'XHS_ARK', first: 3, after: 'not a cursor' },
      { platform: 'XHS_ARK', first: 3, after: Buffer.from('{"b":1}').toString('base64url') },
      { platform: 'XHS_ARK', first: 3, after: wechat.pageInfo.endCursor },
      { platform: 'XHS_ARK', first: 3, after: ark.pageInfo.endCursor, filter: { buyable: true } },
      { platform: 'WECHAT_SHOP', first: 3, after: wechat.pageInfo.endCursor },
      { first: 3, after: ark.pageInfo.endCursor },
    ];
    for (const variables of attempts) {
      const res = await stack.query(PAGE, variables);
      expect(res.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_CURSOR');
    }
  });

  it('takes cursors issued while upstream pages were always of the maximum size: positions are item offsets', async () => {
    // Issued by the listing before page sizes followed the window: Ark, no filter, after item 45.
    const issuedBefore = 'eyJiIjoiVjdhUXp5WGpSTVNsYzN3dCIsInAiOls0NV19';
    const all = await page({ platform: 'XHS_ARK', first: 50 });
    const { result, requests } = await stack.measure(() => page({ platform: 'XHS_ARK', first: 5, after: issuedBefore }));
    expect(result.edges.map((e) => e.node.id)).toEqual(all.edges.slice(45, 50).map((e) => e.node.id));
    expect(requests.map((r) => `${r.params.page_no}@${r.params.page_size}`)).toEqual(['10@5']);
  });

  it('reports capabilities: filters and page size per platform', async () => {
    const res = await stack.query('{ platforms { code capabilities { listing filters maxPageSize listOrder } } }');
    const caps = Object.fromEntries(res.data!.platforms.map((p: any) => [p.code, p.capabilities]));
    expect(caps.XHS_ARK).toMatchObject({
      listing: true,
      maxPageSize: 50,
      filters: ['rawStatus', 'buyable', 'createdAt', 'updatedAt', 'stock'],
    });
    expect(caps.WECHAT_SHOP).toMatchObject({ maxPageSize: 300, filters: ['status', 'rawStatus', 'draft'] });
    expect(caps.TAOBAO).toMatchObject({ listing: false, filters: [], maxPageSize: null });
  });
});
