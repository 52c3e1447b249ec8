import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type LoggedRequest, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  // Warm the token caches, so the counts below are the lookups' own.
  await stack.query(
    `{ x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } w: product(platform: WECHAT_SHOP, id: "12345") { title } }`,
  );
});
afterAll(async () => stack.close());

const taobaoIds = (n: number, from: number) => Array.from({ length: n }, (_, i) => String(from + i));
const ofOperation = (requests: LoggedRequest[], operation: string) => requests.filter((r) => r.operation === operation);
const fieldsOf = (r: LoggedRequest) => String(r.params.fields).split(',').sort();

function numIids(params: Record<string, unknown>): string[] {
  const value = params.num_iids;
  return Array.isArray(value) ? value.map(String) : String(value).split(',');
}

describe('batching lookups into the fewest upstream calls', () => {
  it('sends 121 distinct ids spread over two fields as three Taobao calls of at most 50', async () => {
    const { result, calls, requests } = await stack.measure(() =>
      stack.query(
        `query($ids: [ID!]!) { a: products(platform: TAOBAO, ids: $ids) { title } b: product(platform: TAOBAO, id: "1000007") { title } }`,
        { ids: taobaoIds(120, 2000001) },
      ),
    );
    expect(result.status).toBe(200);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 3 });
    const sent = ofOperation(requests, 'taobao.miniapp.items.get').map((r) => numIids(r.params));
    expect(sent.map((ids) => ids.length).sort((x, y) => x - y)).toEqual([21, 50, 50]);
    expect(new Set(sent.flat()).size).toBe(121);
  });

  it('fetches duplicates once, across aliases, fragments and node()', async () => {
    const { result, calls } = await stack.measure(() =>
      stack.query(
        `query($node: ID!) {
           a: product(platform: TAOBAO, id: "1489161932") { ...T }
           b: products(platform: TAOBAO, ids: ["1489161932", "1489161932"]) { title }
           c: node(id: $node) { ... on Product { title } }
         }
         fragment T on Product { title }`,
        { node: Buffer.from('Product:TAOBAO:1489161932').toString('base64url') },
      ),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.a.title).toBe('Google test item');
    expect(result.data?.b).toEqual([{ title: 'Google test item' }, { title: 'Google test item' }]);
    expect(result.data?.c.title).toBe('Google test item');
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
  });

  it('batches Xiaoe ids of several resource types into one call', async () => {
    const { result, calls, requests } = await stack.measure(() =>
      stack.query(`{
        a: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title }
        b: products(platform: XIAOE, ids: ["21:p_missing", "3:v_missing"]) { title }
      }`),
    );
    expect(result.data?.a.title).toBe('呜呜');
    expect(result.data?.b).toEqual([null, null]);
    expect(calls).toEqual({ 'xiaoe:xe.goods.detail.get': 1 });
    const resources = ofOperation(requests, 'xe.goods.detail.get')[0]!.params.resources as Array<{ type: number; ids: string[] }>;
    expect(resources.map((r) => r.type).sort((x, y) => x - y)).toEqual([2, 3, 21]);
  });

  it('calls WeChat spu/get once per distinct id, and sku/get_list only when SKU details are selected', async () => {
    const ids = await stack.measure(() =>
      stack.query(
        `{ a: product(platform: WECHAT_SHOP, id: "12345") { title skus { id platformSkuId } } b: product(platform: WECHAT_SHOP, id: "12345") { title } }`,
      ),
    );
    expect(ids.result.data?.a.skus.map((s: { platformSkuId: string }) => s.platformSkuId)).toEqual(['1001', '1002']);
    expect(ids.calls).toEqual({ 'wechat:product/spu/get': 1 });
    const prices = await stack.measure(() => stack.query(`{ product(platform: WECHAT_SHOP, id: "12345") { skus { price { amount } } } }`));
    expect(prices.calls).toEqual({ 'wechat:product/spu/get': 1, 'wechat:product/sku/get_list': 1 });
  });
});

describe('pushing the selection upstream', () => {
  const taobaoFields = async (query: string) => {
    const { requests } = await stack.measure(() => stack.query(query));
    return ofOperation(requests, 'taobao.miniapp.items.get').map(fieldsOf);
  };

  it('asks Taobao only for the fields a title-only query needs', async () => {
    expect(await taobaoFields(`{ product(platform: TAOBAO, id: "1489161932") { title } }`)).toEqual([['num_iid', 'title']]);
  });

  it('adds only the SKU price fields when SKU prices are selected', async () => {
    const [fields] = await taobaoFields(`{ product(platform: TAOBAO, id: "1489161932") { title skus { price { amount } } } }`);
    expect(fields).toContain('title');
    expect(fields!.some((f) => f === 'sku' || f === 'sku.price')).toBe(true);
    expect(fields!.some((f) => f.startsWith('item_img'))).toBe(false);
  });

  it('asks for every field when raw is selected', async () => {
    const [fields] = await taobaoFields(`{ product(platform: TAOBAO, id: "1489161932") { raw } }`);
    expect(fields!.length).toBeGreaterThan(20);
    expect(fields).toEqual(expect.arrayContaining(['num_iid', 'title', 'price', 'sku', 'item_img', 'approve_status']));
  });

  it('sends the union of the fields when the same product is selected twice differently', async () => {
    const { result, calls } = await stack.measure(() =>
      stack.query(`{
        a: product(platform: TAOBAO, id: "1489161932") { title }
        b: product(platform: TAOBAO, id: "1489161932") { price { min { amount } } }
      }`),
    );
    expect(result.data?.a.title).toBe('Google test item');
    expect(result.data?.b.price.min.amount).toMatch(/^\d+\.\d\d$/);
    expect(calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
  });

  it('sends Xiaoe a body only with the blocks the selection needs', async () => {
    const body = async (selection: string) => {
      const { requests } = await stack.measure(() =>
        stack.query(`{ product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { ${selection} } }`),
      );
      return ofOperation(requests, 'xe.goods.detail.get')[0]!.params.body;
    };
    expect(await body('title')).toBeUndefined();
    expect(await body('stock { available }')).toBe('stock,sku');
    expect(await body('skus { name } attributes { name }')).toBe('sku,attr');
    expect(await body('raw')).toBe('stock,sku,attr');
  });
});
