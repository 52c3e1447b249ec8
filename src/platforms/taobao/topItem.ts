/**
 * The raw TOP `Item` as `taobao.miniapp.items.get` returns it (API page "响应参数"), with only the asked-for
 * fields present. Fields marked [assumption] are well-known TOP Item/Sku fields the page does not list.
 * Numbers are JSON numbers, prices yuan decimal strings, dates `yyyy-MM-dd HH:mm:ss` in GMT+8.
 */
export interface TopSku {
  sku_id?: number;
  properties?: string;
  /** `pid:vid:pid_name:vid_name;...` */
  properties_name?: string;
  price?: string;
  outer_id?: string;
  barcode?: string;
  promoted_price?: string;
  pic_url?: string;
  /** [assumption] stock of this SKU. */
  quantity?: number;
  /** [assumption] `normal` | `delete`. */
  status?: string;
  /** [assumption] */
  created?: string;
  /** [assumption] */
  modified?: string;
}

export interface TopItemImg {
  id?: number;
  url?: string;
  position?: number;
}

export interface TopPropImg {
  id?: number;
  url?: string;
  properties?: string;
  position?: number;
}

export interface TopVideo {
  id?: number;
  video_id?: number;
  url?: string;
  created?: string;
  modified?: string;
}

export interface TopItem {
  num_iid?: number;
  iid?: string;
  detail_url?: string;
  title?: string;
  nick?: string;
  type?: string;
  cid?: number;
  seller_cids?: string;
  props?: string;
  input_pids?: string;
  input_str?: string;
  pic_url?: string;
  stuff_status?: string;
  price?: string;
  /** `onsale` | `instock` */
  approve_status?: string;
  product_id?: number;
  auction_point?: number;
  property_alias?: string;
  item_imgs?: { item_img?: TopItemImg[] };
  prop_imgs?: { prop_img?: TopPropImg[] };
  skus?: { sku?: TopSku[] };
  videos?: { video?: TopVideo[] };
  second_kill?: string;
  /** `pid:vid:pid_name:vid_name;...`, with `:` and `;` inside names escaped as `#cln#` / `#scln#`. */
  props_name?: string;
  barcode?: string;
  promoted_price?: string;
  main_pic34?: string;
  upright_image_url?: string;
  outer_id?: string;
  is_virtual?: boolean;
  /** [assumption] stock for sale (sum over SKUs). */
  num?: number;
  /** [assumption] */
  created?: string;
  /** [assumption] */
  modified?: string;
  /** [assumption] */
  list_time?: string;
  /** [assumption] */
  delist_time?: string;
  /** [assumption] HTML description. */
  desc?: string;
  /** [assumption] */
  sub_title?: string;
}
