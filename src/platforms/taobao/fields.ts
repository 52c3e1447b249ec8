/**
 * ProductSelection -> TOP `fields`: only what the selected Product fields need, plus `num_iid` (the
 * gateway matches items to ids by it). Sub-objects are asked for field by field (`sku.price`), which the
 * API page documents ("如果想返回子对象里面的某个字段,那字段设为某个值,如itemimg.url"). `raw` asks for every
 * Item field. The result is sorted, so the same selection always sends the same text.
 */
import type { ProductSelection } from '../types';

/** Every Item field the page documents as returned, whole sub-objects by their singular name, plus the
 * [assumption] fields (`num`, `created`, `modified`, `list_time`, `delist_time`, `desc`, `sub_title`).
 * `item_weight`, `item_size`, `sold_quantity` are documented as not returned, so never asked for. */
export const ALL_ITEM_FIELDS: readonly string[] = [
  'approve_status',
  'auction_point',
  'barcode',
  'cid',
  'created',
  'delist_time',
  'desc',
  'detail_url',
  'iid',
  'input_pids',
  'input_str',
  'is_virtual',
  'item_img',
  'list_time',
  'main_pic34',
  'modified',
  'nick',
  'num',
  'num_iid',
  'outer_id',
  'pic_url',
  'price',
  'product_id',
  'promoted_price',
  'prop_img',
  'property_alias',
  'props',
  'props_name',
  'second_kill',
  'seller_cids',
  'sku',
  'stuff_status',
  'sub_title',
  'title',
  'type',
  'upright_image_url',
  'video',
];

/** Product field -> the TOP fields its mapping (mapper.ts) reads. */
export const PRODUCT_FIELD_SOURCES: Readonly<Record<string, readonly string[]>> = {
  id: [],
  platform: [],
  platformProductId: [],
  outerId: ['outer_id'],
  title: ['title'],
  subtitle: ['sub_title'],
  description: ['desc'],
  images: ['item_img.position', 'item_img.url', 'pic_url'],
  brand: ['props_name'],
  categoryIds: ['cid'],
  status: ['approve_status', 'num'],
  rawStatus: ['approve_status'],
  // Deleted SKUs are left out of the range, so their status is read too.
  price: ['price', 'sku.price', 'sku.status'],
  skus: ['sku.sku_id'],
  stock: ['num'],
  audit: [],
  attributes: ['props_name'],
  createdAt: ['created'],
  updatedAt: ['modified'],
};

/** Sku field -> the TOP `sku.*` fields its mapping reads. */
export const SKU_FIELD_SOURCES: Readonly<Record<string, readonly string[]>> = {
  id: [],
  platformSkuId: [],
  outerId: ['sku.outer_id'],
  name: ['sku.properties_name'],
  image: ['sku.pic_url'],
  price: ['sku.price'],
  originalPrice: [],
  // A SKU is never more available than its item (skuRules.ts), so the item's status is read too.
  status: ['approve_status', 'num', 'sku.quantity', 'sku.status'],
  rawStatus: ['sku.status'],
  properties: ['sku.properties_name'],
  barcode: ['sku.barcode'],
  stock: ['sku.quantity'],
};

/** Per selection object: a field's selection is one object for the life of its document (src/loaders/selection.ts). */
const fieldsBySelection = new WeakMap<ProductSelection, string>();

/** The TOP `fields` text for a selection. A path this table does not know fetches everything, so a
 * field added to the schema before its mapping here is never silently left empty. */
export function toTopFields(selection: ProductSelection): string {
  let fields = fieldsBySelection.get(selection);
  if (fields === undefined) fieldsBySelection.set(selection, (fields = topFieldsOf(selection)));
  return fields;
}

function topFieldsOf(selection: ProductSelection): string {
  const fields = new Set<string>(['num_iid']);
  for (const path of selection) {
    const sources = sourcesOf(path);
    if (sources === undefined) return ALL_ITEM_FIELDS.join(',');
    for (const field of sources) fields.add(field);
  }
  return [...fields].sort().join(',');
}

function sourcesOf(path: string): readonly string[] | undefined {
  const [top = '', sub] = path.split('.', 2);
  if (top === 'raw') return undefined;
  if (top === 'skus' && sub !== undefined) return SKU_FIELD_SOURCES[sub];
  return PRODUCT_FIELD_SOURCES[top];
}
