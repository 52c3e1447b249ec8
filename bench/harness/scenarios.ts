/**
 * The scenarios, as each target is asked them. The gateway gets the GraphQL documents of issue 6; Mesh
 * serves the upstream shapes, so its documents select the same upstream fields under Mesh's schema
 * (same upstream calls, same data, no mapping); the baseline gets one REST call per scenario.
 */
export type TargetName = 'gateway' | 'baseline' | 'mesh';

export const TARGETS: readonly TargetName[] = ['gateway', 'baseline', 'mesh'];

export interface BenchIds {
  taobao: readonly string[];
  xiaoe: readonly string[];
  /** WeChat product_ids of the first get_list page of status 5 (on sale), in list order. */
  wechatOnSale: readonly string[];
}

export interface ScenarioRequest {
  path: string;
  body: string;
  /**
   * A hot set: the bodies the load cycles through, `body` first (autocannon's `requests`; the sequential
   * client and the call count cycle the same way). Absent: `body` alone.
   */
  bodies?: readonly string[];
  /** Default `application/json`. */
  contentType?: string;
  /** Products the answer must hold, all non-null (checked once per target before timing). */
  expectedProducts: number;
}

export interface Scenario {
  name: string;
  description: string;
  /** Fewest upstream business calls per request the APIs allow, by sandbox operation. */
  minimumCalls: Record<string, number>;
  /**
   * Saturation connections per mode, when the settings' would overload the run: a request that fans
   * out to many upstream calls saturates a server with far fewer connections.
   */
  connections?: { A: number; B: number };
  /** Shortest timed run (and warm-up), seconds: slow requests need more than BENCH_QUICK's 1 s to finish. */
  minimumSeconds?: number;
  /**
   * Served from caches: the gateway with its entity cache on and Mesh with its response cache (their own
   * processes, run.ts), no baseline; upstream calls are counted after the warm-up, which fills the caches.
   */
  cached?: boolean;
  request(target: TargetName, ids: BenchIds): ScenarioRequest;
}

const S1_GATEWAY = `query S1($id: ID!) { product(platform: TAOBAO, id: $id) { id title rawStatus outerId createdAt } }`;
const S2_GATEWAY = `query S2($ids: [ID!]!) { products(platform: TAOBAO, ids: $ids) {
  id title price { min { amount currency } max { amount currency } }
  skus { id price { amount currency } stock { available } } } }`;
const S3_GATEWAY = `query S3($tb: [ID!]!, $xe: [ID!]!) {
  tb: products(platform: TAOBAO, ids: $tb) { id title price { min { amount } } }
  xe: products(platform: XIAOE, ids: $xe) { id title price { min { amount } } } }`;

export const TOP_FIELD_S1 = 'num_iid,title,approve_status,outer_id,created';
const TOP_FIELD_S2 = 'num_iid,title,price,sku.sku_id,sku.price,sku.quantity';
const TOP_FIELD_S3 = 'num_iid,title,price';
const S1_MESH = `query S1($ids: String!) { taobaoItems(num_iids: $ids, fields: "${TOP_FIELD_S1}") {
  error_response { code } miniapp_items_get_response { items { item { num_iid title approve_status outer_id created } } } } }`;
const S2_MESH = `query S2($ids: String!) { taobaoItems(num_iids: $ids, fields: "${TOP_FIELD_S2}") {
  error_response { code } miniapp_items_get_response { items { item { num_iid title price skus { sku { sku_id price quantity } } } } } } }`;
const TOP_S3 = `error_response { code } miniapp_items_get_response { items { item { num_iid title price } } }`;
// Mesh neither chunks nor batches ids across fields: the client splits the 120 ids into 3 calls itself.
const S3_MESH = `query S3($t1: String!, $t2: String!, $t3: String!, $xe: [XiaoeResources_Input]!) {
  t1: taobaoItems(num_iids: $t1, fields: "${TOP_FIELD_S3}") { ${TOP_S3} }
  t2: taobaoItems(num_iids: $t2, fields: "${TOP_FIELD_S3}") { ${TOP_S3} }
  t3: taobaoItems(num_iids: $t3, fields: "${TOP_FIELD_S3}") { ${TOP_S3} }
  xe: xiaoeGoodsDetail(input: { resources: $xe }) { code data { resource_id resource_type goods_name price_low } } }`;

// ON_SALE is WeChat status 5 alone: one get_list stream, so one get_list call, then one
// sku/get_list per product returned.
const S4_GATEWAY = `query S4 { catalog(platform: WECHAT_SHOP, filter: { status: [ON_SALE] }, first: 50) {
  edges { node { id title price { min { amount } } skus { id price { amount } stock { available } } } } } }`;
const S4_PAGE_SIZE = 50;
const WECHAT_ON_SALE = 5;

/**
 * Mesh cannot feed one field's result (the page's product_ids) into another field's arguments with
 * this handler, so the client carries the SKU lists itself: the page and one aliased sku/get_list
 * field per product, ids known in advance. A real client does not know them: `meshListingAsClient`
 * is S4 as one must run it against Mesh (the page, then the SKU lists of the ids it returned).
 */
const S4_MESH_PAGE = `page: wechatSpuList(input: { status: ${WECHAT_ON_SALE}, page: 1, page_size: ${S4_PAGE_SIZE}, need_edit_spu: 0 }) {
    errcode spus { product_id title min_price skus { sku_id } } }`;

function s4MeshSkuLists(productIds: readonly string[]): string {
  return productIds
    .map(
      (id, i) =>
        `s${i}: wechatSkuList(input: { product_id: ${id}, need_edit_sku: 0, need_real_stock: 1 }) { errcode skus { sku_id sale_price stock_num } }`,
    )
    .join('\n  ');
}

function s4MeshDocument(productIds: readonly string[]): string {
  return `query S4 {\n  ${S4_MESH_PAGE}\n  ${s4MeshSkuLists(productIds)} }`;
}

type Send = (request: ScenarioRequest) => Promise<{ status: number; body: string }>;

/** S4 against Mesh without the ids in advance: two round trips, timed as one answer (the second's body). */
export async function meshListingAsClient(send: Send): Promise<{ status: number; body: string }> {
  const page = await send(graphql(`query S4Page {\n  ${S4_MESH_PAGE} }`, {}, S4_PAGE_SIZE));
  if (page.status !== 200 || !answerIsClean(page.body)) return page;
  // Read from the text: WeChat's product ids may exceed 2^53, which JSON.parse would round.
  const ids = [...page.body.matchAll(/"product_id":(\d+)/g)].map((m) => m[1]!);
  const skus = await send(graphql(`query S4Skus {\n  ${s4MeshSkuLists(ids)} }`, {}, 0));
  return { status: skus.status, body: ids.length === S4_PAGE_SIZE ? skus.body : '{"errors":["page short"]}' };
}

// S5: the product view of bench:capacity (capacity.ts), one product a request, over a hot set of ids.
const S5_GATEWAY = `query S5($id: ID!) { product(platform: TAOBAO, id: $id) { id title price { min { amount currency } } stock { available } } }`;
const S5_MESH = `query S5($ids: String!) { taobaoItems(num_iids: $ids, fields: "num_iid,title,price,num") {
  error_response { code } miniapp_items_get_response { items { item { num_iid title price num } } } } }`;
/** Products in S5's hot set: each request asks for the next one, round robin. */
export const S5_HOT_SET = 50;

const graphql = (query: string, variables: Record<string, unknown>, expectedProducts: number): ScenarioRequest => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
  expectedProducts,
});

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'S1',
    description: 'one Taobao product, 5 scalar fields',
    minimumCalls: { 'taobao:taobao.miniapp.items.get': 1 },
    request(target, ids) {
      const id = ids.taobao.slice(0, 1);
      if (target === 'gateway') return graphql(S1_GATEWAY, { id: id[0] }, 1);
      if (target === 'mesh') return graphql(S1_MESH, { ids: id.join(',') }, 1);
      return { path: '/s1', body: JSON.stringify({ taobao: id }), expectedProducts: 1 };
    },
  },
  {
    name: 'S2',
    description: '50 Taobao products with SKUs and prices',
    minimumCalls: { 'taobao:taobao.miniapp.items.get': 1 },
    request(target, ids) {
      const tb = ids.taobao.slice(0, 50);
      if (target === 'gateway') return graphql(S2_GATEWAY, { ids: tb }, 50);
      if (target === 'mesh') return graphql(S2_MESH, { ids: tb.join(',') }, 50);
      return { path: '/s2', body: JSON.stringify({ taobao: tb }), expectedProducts: 50 };
    },
  },
  {
    name: 'S3',
    description: 'one operation: 120 Taobao ids + 30 Xiaoe ids',
    minimumCalls: { 'taobao:taobao.miniapp.items.get': 3, 'xiaoe:xe.goods.detail.get': 1 },
    request(target, ids) {
      const tb = ids.taobao.slice(0, 120);
      const xe = ids.xiaoe.slice(0, 30);
      if (target === 'gateway') return graphql(S3_GATEWAY, { tb, xe }, 150);
      if (target === 'mesh') {
        const part = (from: number): string => tb.slice(from, from + 40).join(',');
        return graphql(S3_MESH, { t1: part(0), t2: part(40), t3: part(80), xe: xiaoeResources(xe) }, 150);
      }
      return { path: '/s3', body: JSON.stringify({ taobao: tb, xiaoe: xe }), expectedProducts: 150 };
    },
  },
  {
    name: 'S4',
    description: 'a WeChat listing page of 50 (on sale) with SKU details',
    minimumCalls: { 'wechat:product/spu/get_list': 1, 'wechat:product/sku/get_list': S4_PAGE_SIZE },
    // 51 upstream calls a request: 4 and 8 connections already keep the servers busy; 16 and 64 queued
    // each request for 2-3 s, so runs of a few seconds ended with most requests unanswered.
    connections: { A: 4, B: 8 },
    minimumSeconds: 3,
    request(target, ids) {
      if (target === 'gateway') return graphql(S4_GATEWAY, {}, S4_PAGE_SIZE);
      if (target === 'mesh') return graphql(s4MeshDocument(ids.wechatOnSale.slice(0, S4_PAGE_SIZE)), {}, S4_PAGE_SIZE);
      return { path: '/s4', body: JSON.stringify({ first: S4_PAGE_SIZE }), expectedProducts: S4_PAGE_SIZE };
    },
  },
  {
    name: 'S5',
    description: `a hot set of ${S5_HOT_SET} Taobao products, one a request, from the cache`,
    // Once the caches hold the hot set (the warm-up), nothing goes upstream.
    minimumCalls: {},
    cached: true,
    request(target, ids) {
      if (target === 'baseline') throw new Error('S5 has no baseline: the baseline has no cache');
      const hot = ids.taobao.slice(0, S5_HOT_SET);
      const bodies = hot.map((id) =>
        target === 'gateway'
          ? JSON.stringify({ query: S5_GATEWAY, variables: { id } })
          : JSON.stringify({ query: S5_MESH, variables: { ids: id } }),
      );
      return { path: '/graphql', body: bodies[0]!, bodies, expectedProducts: 1 };
    },
  },
];

/** The body of the `i`th request of a run (a hot set's bodies in turn). */
export const bodyAt = (request: ScenarioRequest, i: number): string => request.bodies?.[i % request.bodies.length] ?? request.body;

/** Xiaoe's detail call groups ids by resource type: `[{type, ids}]` (`<type>:<id>` keys split). */
function xiaoeResources(keys: readonly string[]): Array<{ type: number; ids: string[] }> {
  const groups = new Map<number, string[]>();
  for (const key of keys) {
    const [type, id] = [Number(key.slice(0, key.indexOf(':'))), key.slice(key.indexOf(':') + 1)];
    groups.set(type, [...(groups.get(type) ?? []), id]);
  }
  return [...groups].map(([type, groupIds]) => ({ type, ids: groupIds }));
}

/**
 * Cheap check of every timed answer (autocannon's verifyBody): no GraphQL `errors`, and for Mesh,
 * which passes upstream envelopes through, no TOP `error_response`, no non-zero Xiaoe `code` and no
 * non-zero WeChat `errcode`.
 */
export function answerIsClean(body: string): boolean {
  return !body.includes('"errors"') && !body.includes('"error_response":{') && !/"(?:err)?code":[1-9-]/.test(body);
}

/** Non-null products in an answer, whatever the target's shape (`edges`: a connection; `spus`: Mesh's WeChat page). */
export function countProducts(answer: unknown): number {
  let count = 0;
  const visit = (value: unknown, key: string): void => {
    if (Array.isArray(value)) {
      for (const v of value)
        if (['products', 'tb', 'xe', 'item', 'data', 'edges', 'spus'].includes(key) && v !== null && typeof v === 'object') count++;
      value.forEach((v) => visit(v, ''));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if (k === 'product' && v !== null && !Array.isArray(v)) count++;
        visit(v, k);
      }
    }
  };
  visit((answer as { data?: unknown }).data, 'root');
  return count;
}
