/**
 * The TOP `Item` fields `taobao.miniapp.items.get` knows, for `fields` parsing and projection (API
 * page "响应参数"). [assumption] marks well-known TOP Item/Sku fields the page does not list.
 * Reading of the page's flattened list: `second_kill`, `props_name`, `barcode`, `promoted_price`,
 * `main_pic34`, `upright_image_url`, the second `outer_id` ("商家外部编码") and `is_virtual` follow the
 * `videos` block but describe the item, as in TOP's Item struct; the first `outer_id`, `barcode`,
 * `promoted_price` ("商品SKU优惠价格") and `pic_url` ("SKU图片") belong to Sku.
 */

/** Scalar Item fields, by name. */
export const ITEM_SCALAR_FIELDS: ReadonlySet<string> = new Set([
  'iid',
  'detail_url',
  'num_iid',
  'title',
  'nick',
  'type',
  'cid',
  'seller_cids',
  'props',
  'input_pids',
  'input_str',
  'pic_url',
  'stuff_status',
  'price',
  'approve_status',
  'product_id',
  'auction_point',
  'property_alias',
  'second_kill',
  'props_name',
  'barcode',
  'promoted_price',
  'main_pic34',
  'upright_image_url',
  'outer_id',
  'is_virtual',
  // [assumption] not on the page:
  'num',
  'created',
  'modified',
  'list_time',
  'delist_time',
  'desc',
  'sub_title',
]);

export interface SubObjectField {
  /** The list wrapper's key on the item, e.g. `skus` for `sku`. */
  container: string;
  /** Fields `sku.<field>` may name. */
  fields: ReadonlySet<string>;
}

/** Sub-objects, by the singular name `fields` uses (`sku`, `item_img`, ...). */
export const ITEM_SUB_OBJECTS: ReadonlyMap<string, SubObjectField> = new Map([
  ['item_img', { container: 'item_imgs', fields: new Set(['id', 'url', 'position']) }],
  ['prop_img', { container: 'prop_imgs', fields: new Set(['id', 'url', 'properties', 'position']) }],
  [
    'sku',
    {
      container: 'skus',
      fields: new Set([
        'sku_id',
        'properties',
        'properties_name',
        'price',
        'outer_id',
        'barcode',
        'promoted_price',
        'pic_url',
        // [assumption] not on the page:
        'quantity',
        'status',
        'created',
        'modified',
      ]),
    },
  ],
  // `id` and `video_id` are named in the page's text ("video.id、video.video_id"), not in its table.
  ['video', { container: 'videos', fields: new Set(['id', 'video_id', 'url', 'created', 'modified']) }],
]);

/** Documented as accepted but not returned ("其中item_weight,item_size,sold_quantity暂未返回"). */
export const NOT_RETURNED_FIELDS: ReadonlySet<string> = new Set(['item_weight', 'item_size', 'sold_quantity']);
