/**
 * Raw WeChat mini shop records, in the platform's own field names and units (prices in fen), as
 * `product/spu/get_list` and `product/spu/get` (spu) and `product/sku/get` / `product/sku/get_list`
 * (sku) send them. See the spu/get_list API page and docs/platforms.md, "WeChat mini shop: tokens and the envelope".
 */

export interface WechatAttr {
  attr_key: string;
  attr_value: string;
}

/**
 * Not on the spu/get_list page: borrowed from the sibling transaction-component `shop/spu/get`, which
 * carries the review outcome (`yyyy-MM-dd HH:mm:ss`, Asia/Shanghai). [assumption] The sandbox puts it on
 * every generated spu that was ever submitted for review; the documented Switch example has none.
 */
export interface WechatAuditInfo {
  submit_time: string;
  audit_time?: string;
  reject_reason?: string;
}

export interface WechatSpuRecord {
  title: string;
  sub_title: string;
  head_img: string[];
  desc_info: { imgs: string[]; desc?: string };
  out_product_id: string;
  product_id: number;
  brand_id: number;
  status: number;
  edit_status: number;
  min_price: number;
  path: string;
  cats: Array<{ cat_id: number; level: number }>;
  attrs: WechatAttr[];
  model: string;
  shopcat: Array<{ shopcat_id: number }>;
  /** The spu endpoints list SKU ids only; details come from product/sku/*. */
  skus: Array<{ sku_id: number }>;
  audit_info?: WechatAuditInfo;
  /** [assumption] As on `shop/spu/get`: `yyyy-MM-dd HH:mm:ss`, Asia/Shanghai. */
  create_time?: string;
  update_time?: string;
}

export interface WechatSkuRecord {
  product_id: number;
  out_product_id: string;
  sku_id: number;
  out_sku_id: string;
  thumb_img: string;
  sale_price: number;
  market_price: number;
  stock_num: number;
  sku_code: string;
  barcode: string;
  status: number;
  sku_attrs: WechatAttr[];
}

/** One SKU in its two versions (`need_edit_sku` 0 and 1) plus its live stock (`need_real_stock` 1). */
export interface WechatSkuEntry {
  online: WechatSkuRecord;
  draft: WechatSkuRecord;
  /** The live ("real") online stock; `stock_num` of the records is the stock set by the last edit. */
  realStock: number;
}

/** One product in its two versions (`need_edit_spu` 0 and 1); the same object when nothing is pending. */
export interface WechatProductEntry {
  online: WechatSpuRecord;
  draft: WechatSpuRecord;
  skus: WechatSkuEntry[];
}

/** `status` enumeration of the spu/get_list page. */
export const WECHAT_SPU_STATUSES = [0, 5, 6, 9, 11, 12, 13] as const;
/** `edit_status` enumeration of the spu/get_list page. */
export const WECHAT_EDIT_STATUSES = [0, 1, 2, 3, 4] as const;
