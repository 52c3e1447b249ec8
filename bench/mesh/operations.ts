/**
 * GraphQL Mesh's JSON-schema source over the sandbox's Taobao, Xiaoe and WeChat endpoints: one Query
 * field per upstream call, typed by hand-written JSON Schemas of the upstream envelopes (the subset of
 * fields the scenarios read). What Mesh cannot express declaratively (the TOP signature, the Xiaoe and
 * WeChat access_tokens) is done by the custom fetch in upstreamFetch.ts.
 */
const TOP_SKU = {
  type: 'object',
  title: 'TopSku',
  properties: { sku_id: { type: 'number' }, price: { type: 'string' }, quantity: { type: 'number' }, properties_name: { type: 'string' } },
};

const TOP_ITEM = {
  type: 'object',
  title: 'TopItem',
  properties: {
    // TOP ids are longs; a JSON Schema `integer` would be a 32-bit GraphQL Int.
    num_iid: { type: 'number' },
    title: { type: 'string' },
    approve_status: { type: 'string' },
    outer_id: { type: 'string' },
    created: { type: 'string' },
    price: { type: 'string' },
    num: { type: 'number' },
    skus: { type: 'object', title: 'TopSkus', properties: { sku: { type: 'array', items: TOP_SKU } } },
  },
};

const TOP_ITEMS_RESPONSE = {
  type: 'object',
  title: 'TopItemsGetAnswer',
  properties: {
    miniapp_items_get_response: {
      type: 'object',
      title: 'TopItemsGetResponse',
      properties: {
        items: { type: 'object', title: 'TopItems', properties: { item: { type: 'array', items: TOP_ITEM } } },
        request_id: { type: 'string' },
      },
    },
    error_response: {
      type: 'object',
      title: 'TopErrorResponse',
      properties: { code: { type: 'number' }, msg: { type: 'string' }, sub_code: { type: 'string' }, sub_msg: { type: 'string' } },
    },
  },
};

const XIAOE_GOODS = {
  type: 'object',
  title: 'XiaoeGoods',
  properties: {
    resource_id: { type: 'string' },
    resource_type: { type: 'integer' },
    goods_name: { type: 'string' },
    price_low: { type: 'integer' },
    price_high: { type: 'integer' },
  },
};

const XIAOE_DETAIL_REQUEST = {
  type: 'object',
  title: 'XiaoeDetailInput',
  properties: {
    resources: {
      type: 'array',
      items: {
        type: 'object',
        title: 'XiaoeResources',
        properties: { type: { type: 'integer' }, ids: { type: 'array', items: { type: 'string' } } },
      },
    },
    body: { type: 'string' },
  },
  required: ['resources'],
};

const XIAOE_DETAIL_RESPONSE = {
  type: 'object',
  title: 'XiaoeDetailAnswer',
  properties: { code: { type: 'integer' }, msg: { type: 'string' }, data: { type: 'array', items: XIAOE_GOODS } },
};

// WeChat product/spu/get_list and product/sku/get_list (their API pages; docs/platforms.md,
// "WeChat mini shop: tokens and the envelope"). Ids are uint64 JSON numbers: a GraphQL Float, exact for the sandbox's 14-digit ids only
// (Mesh parses answers with JSON.parse; the gateway quotes long ids first, wireJson.ts).
const WECHAT_SPU = {
  type: 'object',
  title: 'WechatSpu',
  properties: {
    product_id: { type: 'number' },
    out_product_id: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    min_price: { type: 'number' },
    skus: { type: 'array', items: { type: 'object', title: 'WechatSpuSku', properties: { sku_id: { type: 'number' } } } },
  },
};

const WECHAT_SPU_LIST_REQUEST = {
  type: 'object',
  title: 'WechatSpuListInput',
  properties: {
    status: { type: 'integer' },
    page: { type: 'integer' },
    page_size: { type: 'integer' },
    need_edit_spu: { type: 'integer' },
  },
  required: ['status', 'page', 'page_size'],
};

const WECHAT_SPU_LIST_RESPONSE = {
  type: 'object',
  title: 'WechatSpuListAnswer',
  properties: {
    errcode: { type: 'integer' },
    errmsg: { type: 'string' },
    total_num: { type: 'integer' },
    spus: { type: 'array', items: WECHAT_SPU },
  },
};

const WECHAT_SKU = {
  type: 'object',
  title: 'WechatSku',
  properties: {
    product_id: { type: 'number' },
    sku_id: { type: 'number' },
    out_sku_id: { type: 'string' },
    sale_price: { type: 'number' },
    market_price: { type: 'number' },
    stock_num: { type: 'number' },
    status: { type: 'integer' },
  },
};

const WECHAT_SKU_LIST_REQUEST = {
  type: 'object',
  title: 'WechatSkuListInput',
  properties: { product_id: { type: 'number' }, need_edit_sku: { type: 'integer' }, need_real_stock: { type: 'integer' } },
  required: ['product_id'],
};

const WECHAT_SKU_LIST_RESPONSE = {
  type: 'object',
  title: 'WechatSkuListAnswer',
  properties: { errcode: { type: 'integer' }, errmsg: { type: 'string' }, skus: { type: 'array', items: WECHAT_SKU } },
};

export const MESH_OPERATIONS = [
  {
    type: 'Query',
    field: 'taobaoItems',
    description: 'taobao.miniapp.items.get: at most 50 num_iids (comma-separated) and the TOP `fields` list.',
    method: 'POST',
    path: '/taobao/router/rest',
    argTypeMap: { num_iids: { type: 'string' }, fields: { type: 'string' } },
    requiredArgs: ['num_iids', 'fields'],
    queryParamArgMap: { num_iids: 'num_iids', fields: 'fields' },
    responseSchema: TOP_ITEMS_RESPONSE,
  },
  {
    type: 'Query',
    field: 'xiaoeGoodsDetail',
    description: 'xe.goods.detail.get/4.0.0: goods by resource type and ids.',
    method: 'POST',
    path: '/xiaoe/xe.goods.detail.get/4.0.0',
    requestSchema: XIAOE_DETAIL_REQUEST,
    responseSchema: XIAOE_DETAIL_RESPONSE,
  },
  {
    type: 'Query',
    field: 'wechatSpuList',
    description: 'WeChat product/spu/get_list: one page (page from 1, page_size at most 300) of one status.',
    method: 'POST',
    path: '/wechat/product/spu/get_list',
    requestSchema: WECHAT_SPU_LIST_REQUEST,
    responseSchema: WECHAT_SPU_LIST_RESPONSE,
  },
  {
    type: 'Query',
    field: 'wechatSkuList',
    description: 'WeChat product/sku/get_list: every SKU of one product.',
    method: 'POST',
    path: '/wechat/product/sku/get_list',
    requestSchema: WECHAT_SKU_LIST_REQUEST,
    responseSchema: WECHAT_SKU_LIST_RESPONSE,
  },
];
