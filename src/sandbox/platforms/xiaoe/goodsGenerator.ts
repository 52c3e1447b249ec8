/**
 * A generated goods record in the detail page's exact field names, units (fen) and time format
 * (`yyyy-MM-dd HH:mm:ss`, `0000-00-00 00:00:00` for "none"), `stock`/`sku`/`attr` blocks included (the
 * handlers strip the blocks a call did not ask for). Keys follow the page's example (alphabetical).
 */
import type { Rng } from '../../data/random';
import { imageUrl } from '../../data/vocabulary';
import { XIAOE_CREDENTIALS } from './credentials';
import type { GoodsHead } from './goodsHead';
import { NO_TIME } from './localTime';
import { generateSaleTimes, type SaleTimes } from './saleTimes';
import { generateSkus, type GeneratedSkus } from './skuGenerator';

const IMAGE_HOST = 'wechatapppro-1252524126.file.myqcloud.com';
const TEACHERS = ['王老师', '李教授', '陈博士', '张三丰', '刘晓燕', '周杰'] as const;
const SELLING_POINTS = ['品质保证', '七天无理由退换', '名师授课', '随时随地学习'] as const;
/** The auto-increment primary key (`id`) of generated records starts above the example's 3458475. */
const FIRST_ROW_ID = 4_000_000;

/** The whole record for `head`, drawing everything else from `rng` (the record's body stream); `appId` is the shop's. */
export function generateGoodsRecord(head: GoodsHead, rng: Rng, appId: string = XIAOE_CREDENTIALS.appId): Record<string, unknown> {
  const { kind, goodsName: name } = head;
  const images = Array.from({ length: rng.int(1, 3) }, () => imageUrl(rng, IMAGE_HOST));
  const isFree = !kind.physical && rng.chance(0.08);
  const skus = generateSkus(rng, kind, head.category, name, images[0]!, isFree);
  const times = generateSaleTimes(rng, head.saleStatus, head.createdMs);
  return {
    app_id: appId,
    appraise_num: rng.int(0, 500),
    attach_count: 0,
    attr: productAttributes(rng, head),
    can_sold_end: NO_TIME,
    can_sold_start: NO_TIME,
    created_at: times.createdAt,
    custom_cover: '',
    detail_cos_url: rng.chance(0.5) ? `https://${IMAGE_HOST}/detail/${rng.hex(16)}.html` : '',
    distribution_pattern: kind.physical ? 1 : 0,
    extend: { sell_num: sumOf(skus.stock, 'sell_num'), stock: sumOf(skus.stock, 'left_num') },
    freight: kind.physical ? rng.pick([0, 0, 600, 1000]) : 0,
    freight_template_id: 0,
    goods_brief_text: rng.chance(0.7) ? `${head.category.name}精选 · ${name}` : '',
    goods_category_id: rng.chance(0.8) ? `cat_${rng.int(1000, 1099)}` : '',
    goods_detail_text: rng.chance(0.6) ? `<p>${name}，${rng.pick(SELLING_POINTS)}</p>` : '',
    goods_img: images,
    goods_name: name,
    goods_sn: kind.physical && rng.chance(0.8) ? `SN${rng.int(10_000_000, 99_999_999)}` : '',
    goods_tag: rng.chance(0.2) ? rng.pick(['新品', '热卖', '限时']) : '',
    goods_tag_is_show: 1,
    has_distribute: rng.chance(0.3) ? 1 : 0,
    id: FIRST_ROW_ID + head.seq,
    img_url_compressed: images[0],
    ...flags(rng, head, isFree, times),
    limit_purchase: 0,
    period: kind.physical ? -1 : rng.pick([-1, -1, 365, 730]),
    period_type: 0,
    period_value: '0',
    ...prices(skus),
    pv: rng.int(0, 100_000),
    resource_id: head.resourceId,
    resource_type: kind.type,
    sale_at: times.saleAt,
    sale_status: head.saleStatus,
    sell_mode: 1,
    sell_type: 1,
    show_stock: rng.chance(0.5) ? 1 : 0,
    sku: skus.sku,
    sku_cost_price: 0,
    sku_spec_code: '',
    sku_volume: '',
    sku_weight: '',
    spu_id: head.resourceId,
    spu_type: kind.spuType,
    spu_type_name: kind.spuTypeName,
    stock: skus.stock,
    stock_deduct_mode: kind.physical ? rng.int(0, 1) : 0,
    timing_off: times.timingOff,
    timing_offtime: times.timingOfftime,
    timing_sale: times.timingSale,
    updated_at: times.updatedAt,
    uv: rng.int(0, 20_000),
    video_img_url: '',
    visit_num: rng.int(0, 100_000),
    wx_goods_category_id: '',
  };
}

/** The `is_*` flags, in the page's alphabetical order: deleted, banned and stopped goods included. */
function flags(rng: Rng, head: GoodsHead, isFree: boolean, times: SaleTimes): Record<string, number> {
  const bit = (p: number) => (rng.chance(p) ? 1 : 0);
  return {
    is_best: bit(0.1),
    is_deleted: head.isDeleted ? 1 : 0,
    is_display: bit(0.95),
    is_forbid: head.isForbid ? 1 : 0,
    is_free: isFree ? 1 : 0,
    is_goods_package: 0,
    is_hot: bit(0.1),
    is_ignore: 0,
    is_new: bit(0.1),
    is_password: bit(0.02),
    is_public: bit(0.95),
    is_recom: bit(0.1),
    is_single: 1,
    is_stop_sell: head.saleStatus === 1 ? bit(0.03) : 0,
    is_timing_off: times.isTimingOff ? 1 : 0,
    is_timing_sale: times.isTimingSale ? 1 : 0,
    is_uniform_freight: 1,
  };
}

/**
 * price_low: the lowest SKU price; price_line: that SKU's crossed-out price (detail page). price_high is
 * documented as "商品高价": the sandbox gives the highest SKU price.
 */
function prices(skus: GeneratedSkus): { price_high: number; price_line: number; price_low: number } {
  const first = skus.prices[0] ?? { price: 0, linePrice: 0 };
  const low = skus.prices.reduce((best, p) => (p.price < best.price ? p : best), first);
  const high = skus.prices.reduce((max, p) => Math.max(max, p.price), low.price);
  return { price_high: high, price_line: low.linePrice, price_low: low.price };
}

function productAttributes(rng: Rng, head: GoodsHead): Array<Record<string, string>> {
  if (head.kind.physical) {
    const attrs = [
      { attr_name: '品牌', attr_value: head.brand },
      { attr_name: '类目', attr_value: head.category.name },
    ];
    if (rng.chance(0.5)) attrs.push({ attr_name: '产地', attr_value: rng.pick(['浙江杭州', '广东深圳', '福建泉州', '上海']) });
    return attrs;
  }
  return rng.chance(0.5) ? [{ attr_name: '讲师', attr_value: rng.pick(TEACHERS) }] : [];
}

function sumOf(rows: ReadonlyArray<Record<string, unknown>>, field: string): number {
  return rows.reduce((sum, row) => sum + (row[field] as number), 0);
}
