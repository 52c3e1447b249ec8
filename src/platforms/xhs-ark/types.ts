/**
 * The wire shape of one Ark `GET /ark/open_api/v1/items` hit, as the API page's example shows it
 * (field names and nulls as documented). Every field is optional to the reader: the mapper checks
 * types at run time and never trusts the upstream to send all of them.
 */

export interface ArkVariant {
  id?: string;
  name?: string | null;
  ename?: string | null;
  value?: string | null;
}

export interface ArkItem {
  id: string;
  spu_id?: string;
  spl_id?: string;
  spv_id?: string;
  name?: string | null;
  ename?: string | null;
  /** Unix seconds. */
  create_time?: number;
  update_time?: number;
  /** Yuan as a JSON float (`252.69999999999999`): after-tax price. */
  price?: number | null;
  original_price?: number | null;
  pre_tax_price?: number | null;
  tax?: number | null;
  tax_rate?: number | null;
  stock?: number | null;
  /** The real on-shelf state. */
  buyable?: boolean;
  available?: boolean;
  is_frozen?: boolean;
  /** 0 editing, 1 awaiting review, 2 approved: typed String in the response table, a number in the example. */
  status?: number | string;
  state?: number;
  barcode?: string | null;
  barcode_type?: string | null;
  skucode?: string | null;
  logistics?: string | null;
  top_image?: string | null;
  pending_changes?: unknown;
}

export interface ArkNamed {
  id?: string;
  name?: string | null;
  ename?: string | null;
}

export interface ArkSpu {
  id?: string;
  name?: string | null;
  ename?: string | null;
  short_name?: string | null;
  brand?: ArkNamed | null;
  brand_id?: string | null;
  /** The leaf category. */
  category_id?: string | null;
  /** Root to leaf. */
  categories?: ArkNamed[] | null;
  pending_changes?: unknown;
}

export interface ArkSpl {
  id?: string;
  spu_id?: string;
  status?: number;
  state?: number;
  variants?: ArkVariant[] | null;
  pending_change?: unknown;
}

export interface ArkSpv {
  id?: string;
  spu_id?: string;
  spl_id?: string;
  non_desc_variants?: ArkVariant[] | null;
  barcode?: string | null;
  barcode_type?: string | null;
  [field: string]: unknown;
}

export interface ArkImage {
  name?: string | null;
  extension?: string | null;
  height?: number;
  width?: number;
  link?: string | null;
  path?: string | null;
}

export interface ArkAttribute {
  name?: string | null;
  ename?: string | null;
  value?: string | null;
  image?: string | null;
  image_url?: string | null;
  property_id?: string;
}

export interface ArkSplItem {
  id?: string;
  spu_id?: string;
  spl_id?: string;
  status?: number;
  state?: number;
  feature?: string | null;
  desc?: string | null;
  image_urls?: string[] | null;
  images?: ArkImage[] | null;
  attributes?: ArkAttribute[] | null;
  faqs?: Array<{ question?: string; answer?: string }> | null;
  [field: string]: unknown;
}

export interface ArkHit {
  item: ArkItem;
  spl?: ArkSpl | null;
  spu?: ArkSpu | null;
  spv?: ArkSpv | null;
  spl_item?: ArkSplItem | null;
}

/** `data` of a successful items call. */
export interface ArkItemsPage {
  current_page: number;
  page_size: number;
  total: number;
  hits: ArkHit[];
}

/** The query parameters of the items call, by their upstream names (all optional, as documented). */
export interface ArkItemsQuery {
  /** 0 editing, 1 awaiting review, 2 approved. */
  status?: 0 | 1 | 2;
  /** From 1 (default 1). */
  page_no?: number;
  /** Default 50, at most 50. */
  page_size?: number;
  buyable?: boolean;
  create_time_from?: number;
  create_time_to?: number;
  update_time_from?: number;
  update_time_to?: number;
  stock_gte?: number;
  stock_lte?: number;
}
