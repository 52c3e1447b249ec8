/**
 * GraphQL Mesh's JSON-schema source over the sandbox's Taobao and Xiaoe endpoints: one Query field
 * per upstream call, typed by hand-written JSON Schemas of the upstream envelopes (the subset of
 * fields the scenarios read). What Mesh cannot express declaratively (the TOP signature, Xiaoe's
 * access_token) is done by the custom fetch in upstreamFetch.ts.
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
      items: { type: 'object', title: 'XiaoeResources', properties: { type: { type: 'integer' }, ids: { type: 'array', items: { type: 'string' } } } },
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
];
