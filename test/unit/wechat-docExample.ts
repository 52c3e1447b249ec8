/**
 * The WeChat mini shop API pages' own examples, copied as published: the spu of the
 * `product/spu/get_list` page (the Nintendo Switch) and the `data` of the `product/sku/get` page.
 */

export const DOC_SPU = {
  title: '任天堂 Nintendo Switch 国行续航增强版 NS家用体感游戏机掌机 便携掌上游戏机 红蓝主机',
  sub_title: 'JD自营更放心】【国行Switch,更安心的保修服务,更快的国行服务器】一台主机三种模式,游戏掌机,随时随地,一起趣玩。',
  head_img: ['http://img10.360buyimg.com/n1/s450x450_jfs/t1/85865/39/13611/488083/5e590a40E4bdf69c0/55c9bf645ea2b727.jpg'],
  desc_info: { imgs: ['http://img10.360buyimg.com/n1/s450x450_jfs/t1/85865/39/13611/488083/5e590a40E4bdf69c0/55c9bf645ea2b727.jpg'] },
  out_product_id: '1234566',
  product_id: 12345,
  brand_id: 2352,
  status: 5,
  edit_status: 2,
  min_price: 100,
  path: 'plugin-private://wx34345ae5855f892d/pages/productDetail/productDetail?productId=12345',
  cats: [
    { cat_id: 1, level: 1 },
    { cat_id: 2, level: 2 },
    { cat_id: 3, level: 3 },
  ],
  attrs: [
    { attr_key: '商品毛重', attr_value: '380g' },
    { attr_key: '商品产地', attr_value: '中国大陆' },
  ],
  model: '国行续航增强版',
  shopcat: [{ shopcat_id: 1 }, { shopcat_id: 2 }],
  skus: [{ sku_id: 1001 }, { sku_id: 1002 }],
};

/** The page's top-level response fields. */
export const DOC_LIST_FIELDS = ['errcode', 'errmsg', 'spus', 'total_num'];

/**
 * The product/sku/get page's response example, as text: its `product_id` (23423523452345235) is beyond
 * JavaScript's exact integers, and its `barcode` a JSON number although the field table says string.
 */
export const DOC_SKU_GET_BODY = `{
    "errcode": 0,
    "errmsg":"ok",
    "data":
    {
       "product_id": 23423523452345235,
       "out_product_id": "1234566",
       "out_sku_id": "1024",
       "sku_id": 2352525,
       "thumb_img": "http://img10.360buyimg.com/n1/s450x450_jfs/t1/100778/17/13648/424215/5e590a40E2d68e774/e171d222a0c9b763.jpg",
       "sale_price": 1300,
       "market_price": 1500,
       "stock_num": 100,
       "sku_code": "A24525252",
       "barcode": 13251454,
       "status": 5,
       "sku_attrs":
       [
           {
               "attr_key": "选择颜色",
               "attr_value": "红蓝主机"
           },
           {
               "attr_key": "选择套装",
               "attr_value": "主机+保护套"
           }
       ]
    }
}`;

/** The sku/get field list of docs/platforms.md, "WeChat mini shop: tokens and the envelope". */
export const DOC_SKU_FIELDS = [
  'barcode',
  'market_price',
  'out_product_id',
  'out_sku_id',
  'product_id',
  'sale_price',
  'sku_attrs',
  'sku_code',
  'sku_id',
  'status',
  'stock_num',
  'thumb_img',
];
