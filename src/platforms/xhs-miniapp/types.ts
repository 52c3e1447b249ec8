/**
 * The wire shapes of the Xiaohongshu mini-program local-deal API ("[交易组件]商品-批量获取信息",
 * POST /api/rmp/mp/deal/product/batch_get), with the page's field names. Optional to the reader:
 * the mapper checks types at run time.
 */

export interface MiniappSku {
  out_sku_id?: string | null;
  name?: string | null;
  /** 已废弃 (deprecated) per the page. */
  short_title?: string | null;
  sku_image?: string | null;
  /** int64, unit not stated: read as fen [assumption]. */
  origin_price?: number | null;
  /** int64, unit not stated: read as fen [assumption]. */
  sale_price?: number | null;
  status?: number;
  sku_id?: string | null;
}

export interface MiniappAuditInfo {
  /** int64 unix time, unit not stated: seconds or milliseconds by magnitude [assumption]. */
  submit_time?: number | null;
  audit_time?: number | null;
  reject_reason?: string | null;
}

export interface MiniappProduct {
  /** 小红书内部商品id: the gateway's platform product id. */
  item_id: string;
  out_product_id?: string | null;
  name?: string | null;
  /** "小红书用户openId" per the page; perhaps a copy slip, but never shown as the description [assumption]. */
  desc?: string | null;
  /** The mini-program page of the product (商品详情). */
  path?: string | null;
  top_image?: string | null;
  category_id?: string | null;
  category_id_v2?: string | null;
  /** int64 unix time, unit not stated: seconds or milliseconds by magnitude [assumption]. */
  biz_create_time?: number | null;
  biz_update_time?: number | null;
  skus?: MiniappSku[] | null;
  /** int32; the page lists no values [assumption: mapper.ts tables]. */
  status?: number;
  short_title?: string | null;
  audit_info?: MiniappAuditInfo | null;
  /** 1 团购, 2 酒旅预售券, 3 酒旅日历商品. */
  product_type?: number;
  /** 1 总店结算, 2 门店结算, 3 区域结算. */
  settle_type?: number;
}

/** `data` of a successful batch_get. */
export interface MiniappProductsPage {
  list: MiniappProduct[];
  total: number;
}
