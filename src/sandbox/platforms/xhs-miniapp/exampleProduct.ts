import type { MiniappProduct } from '../../../platforms/xhs-miniapp/types';

/**
 * The response example of "[交易组件]商品-批量获取信息" (POST /api/rmp/mp/deal/product/batch_get), field
 * for field. Its values are the page's placeholders ("string", 0): the catalog carries it as one record,
 * so clients meet exactly what the page shows (status 0, times 0, a reject_reason on a draft).
 */
export const MINIAPP_EXAMPLE_PRODUCT: MiniappProduct = {
  out_product_id: 'string',
  name: 'string',
  desc: 'string',
  path: 'string',
  top_image: 'string',
  category_id: 'string',
  biz_create_time: 0,
  biz_update_time: 0,
  skus: [
    {
      out_sku_id: 'string',
      name: 'string',
      short_title: 'string',
      sku_image: 'string',
      origin_price: 0,
      sale_price: 0,
      status: 0,
      sku_id: 'string',
    },
  ],
  status: 0,
  short_title: 'string',
  audit_info: {
    submit_time: 0,
    audit_time: 0,
    reject_reason: 'string',
  },
  product_type: 0,
  settle_type: 0,
  category_id_v2: 'string',
  item_id: 'string',
};
