/**
 * The documented example of the spu/get_list page (the Nintendo Switch, product_id 12345), verbatim,
 * in both versions (the page shows it for `need_edit_spu: 1`, the spu/get page for the same record).
 * The page lists only its sku ids 1001 and 1002; their details follow the product/sku/get page's example
 * (选择颜色/选择套装, `sku_code` A24525252, barcode 13251454), with sale prices consistent with
 * `min_price` 100 and sku 1002 out of stock.
 */
import { merchantNumber } from '../../merchantNames';
import type { WechatProductEntry, WechatSkuEntry, WechatSkuRecord, WechatSpuRecord } from './records';

const EXAMPLE_IMAGE = 'http://img10.360buyimg.com/n1/s450x450_jfs/t1/85865/39/13611/488083/5e590a40E4bdf69c0/55c9bf645ea2b727.jpg';
const EXAMPLE_SKU_IMAGE = 'http://img10.360buyimg.com/n1/s450x450_jfs/t1/100778/17/13648/424215/5e590a40E2d68e774/e171d222a0c9b763.jpg';

export const EXAMPLE_PRODUCT_ID = 12345;

export function exampleSpu(): WechatSpuRecord {
  return {
    title: '任天堂 Nintendo Switch 国行续航增强版 NS家用体感游戏机掌机 便携掌上游戏机 红蓝主机',
    sub_title: 'JD自营更放心】【国行Switch,更安心的保修服务,更快的国行服务器】一台主机三种模式,游戏掌机,随时随地,一起趣玩。',
    head_img: [EXAMPLE_IMAGE],
    desc_info: { imgs: [EXAMPLE_IMAGE] },
    out_product_id: '1234566',
    product_id: EXAMPLE_PRODUCT_ID,
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
}

function exampleSku(
  sku_id: number,
  out_sku_id: string,
  sale_price: number,
  stock_num: number,
  color: string,
  suit: string,
): WechatSkuRecord {
  return {
    product_id: EXAMPLE_PRODUCT_ID,
    out_product_id: '1234566',
    sku_id,
    out_sku_id,
    thumb_img: EXAMPLE_SKU_IMAGE,
    sale_price,
    market_price: 1500,
    stock_num,
    sku_code: 'A24525252',
    barcode: '13251454',
    status: 5,
    sku_attrs: [
      { attr_key: '选择颜色', attr_value: color },
      { attr_key: '选择套装', attr_value: suit },
    ],
  };
}

export function exampleProduct(): WechatProductEntry {
  const spu = exampleSpu();
  const skus: WechatSkuEntry[] = [
    exampleSku(1001, '1024', 100, 100, '红蓝主机', '主机+保护套'),
    exampleSku(1002, '1025', 1300, 0, '灰色主机', '单主机'),
  ].map((sku) => ({ online: sku, draft: sku, realStock: sku.stock_num }));
  return { online: spu, draft: spu, skus };
}

/**
 * The example as an extra merchant's catalog holds it: the same ids, its own title (`... (m2)`) and
 * prices (`n - 1` yuan more, in fen, for `m<n>`).
 */
export function merchantExampleProduct(merchant: string): WechatProductEntry {
  const raise = (merchantNumber(merchant) - 1) * 100;
  const base = exampleProduct();
  const spu = { ...base.online, title: `${base.online.title} (${merchant})`, min_price: base.online.min_price + raise };
  const skus = base.skus.map(({ online, realStock }) => {
    const sku = { ...online, sale_price: online.sale_price + raise };
    return { online: sku, draft: sku, realStock };
  });
  return { online: spu, draft: spu, skus };
}
