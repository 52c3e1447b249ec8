/**
 * One generated WeChat mini shop product (spu in both versions, 1-6 SKUs), deterministic from the
 * catalog seed and its index alone (ids: catalogIds.ts).
 */
import { Rng } from '../../data/random';
import { ADJECTIVES, BRANDS, CATEGORIES, REJECT_REASONS, skuPropertyCombinations } from '../../data/vocabulary';
import { formatShanghaiTime } from '../../shanghaiTime';
import type { WechatAuditInfo, WechatProductEntry, WechatSkuEntry, WechatSkuRecord, WechatSpuRecord } from './records';
import { WECHAT_EDIT_STATUSES, WECHAT_SPU_STATUSES } from './records';
import { PRODUCT_ID_BASE, PRODUCT_ID_STRIDE, outProductIdAt, outSkuIdOf, productSeed, skuIdAt } from './catalogIds';

/** Brand id the transaction component uses for "no brand" (无品牌). */
const NO_BRAND_ID = 2_100_000_000;
/** 2023-01-01 00:00:00 Asia/Shanghai: generated times are after it, so the catalog does not depend on the clock. */
const EPOCH_MS = Date.UTC(2022, 11, 31, 16, 0, 0);
const VERY_LARGE_STOCKS = [999_999_999, 4_294_967_295] as const;

const STATUS_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [5, 60],
  [0, 5],
  [6, 5],
  [9, 5],
  [11, 10],
  [12, 8],
  [13, 7],
];
const EDIT_STATUS_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [4, 60],
  [0, 5],
  [1, 10],
  [2, 10],
  [3, 15],
];

/** The index-th generated product. The first indexes cover every status, edit_status and stock extreme. */
export function generateProduct(catalogSeed: number, index: number): WechatProductEntry {
  const rng = new Rng(productSeed(catalogSeed, index));
  const status = drawStatus(rng, index);
  const editStatus =
    index < WECHAT_EDIT_STATUSES.length
      ? WECHAT_EDIT_STATUSES[(index + 3) % WECHAT_EDIT_STATUSES.length]!
      : rng.weighted(EDIT_STATUS_WEIGHTS);
  const productId = PRODUCT_ID_BASE + index * PRODUCT_ID_STRIDE + rng.int(0, PRODUCT_ID_STRIDE - 1);
  const online = generateSpu(rng, index, productId, status, editStatus);
  const skus = generateSkus(rng, index, online);
  online.skus = skus.map((s) => ({ sku_id: s.online.sku_id }));
  online.min_price = minPrice(skus.map((s) => s.online));
  const pending = editStatus === 1 || editStatus === 2 || editStatus === 3;
  if (!pending) return { online, draft: online, skus };
  const draftSkus = skus.map((s) => ({ ...s, draft: { ...s.online, sale_price: Math.floor((s.online.sale_price * 9) / 1000) * 100 } }));
  const draft: WechatSpuRecord = { ...online, title: `${online.title}（新版）`, min_price: minPrice(draftSkus.map((s) => s.draft)) };
  return { online, draft, skus: draftSkus };
}

/** The `status` of the index-th product, without generating the rest of it (for the get_list indexes). */
export function statusAt(catalogSeed: number, index: number): number {
  return drawStatus(new Rng(productSeed(catalogSeed, index)), index);
}

/** The first draw of a product's PRNG, so statusAt and generateProduct agree. */
function drawStatus(rng: Rng, index: number): number {
  const drawn = rng.weighted(STATUS_WEIGHTS);
  return index < WECHAT_SPU_STATUSES.length ? WECHAT_SPU_STATUSES[index]! : drawn;
}

function generateSpu(rng: Rng, index: number, productId: number, status: number, editStatus: number): WechatSpuRecord {
  const categoryIndex = rng.int(0, CATEGORIES.length - 1);
  const category = CATEGORIES[categoryIndex]!;
  const nounIndex = rng.int(0, category.nouns.length - 1);
  const noun = category.nouns[nounIndex]!;
  const branded = rng.chance(0.9);
  const brandIndex = rng.int(0, BRANDS.length - 1);
  const brand = branded ? BRANDS[brandIndex]! : '无品牌';
  const createdMs = EPOCH_MS + rng.int(0, 600 * 86_400) * 1000;
  const updatedMs = createdMs + rng.int(0, 90 * 86_400) * 1000;
  const spu: WechatSpuRecord = {
    title: `${brand === '无品牌' ? '' : `${brand} `}${rng.pick(ADJECTIVES)} ${noun}`,
    sub_title: `${category.name}好物 ${rng.pick(ADJECTIVES)}${noun}，${rng.pick(['包邮', '七天无理由退换', '正品保障', '顺丰发货'])}`,
    head_img: Array.from({ length: rng.int(1, 5) }, () => imageUrl(rng)),
    desc_info: { imgs: Array.from({ length: rng.int(1, 4) }, () => imageUrl(rng)) },
    out_product_id: rng.chance(0.95) ? outProductIdAt(index) : '',
    product_id: productId,
    brand_id: branded ? 10_000 + brandIndex : NO_BRAND_ID,
    status,
    edit_status: editStatus,
    min_price: 0,
    path: `plugin-private://wx34345ae5855f892d/pages/productDetail/productDetail?productId=${productId}`,
    cats: categoryPath(rng, categoryIndex, nounIndex),
    attrs: [
      { attr_key: '品牌', attr_value: brand },
      { attr_key: '商品产地', attr_value: rng.pick(['中国大陆', '浙江', '广东', '福建', '江苏']) },
      { attr_key: '商品毛重', attr_value: `${rng.int(50, 5000)}g` },
    ],
    model: `${noun}-${rng.hex(4).toUpperCase()}`,
    shopcat: [{ shopcat_id: rng.int(1, 20) }],
    skus: [],
  };
  const audit = auditInfo(rng, editStatus, updatedMs);
  if (audit) spu.audit_info = audit;
  spu.create_time = formatShanghaiTime(createdMs);
  spu.update_time = formatShanghaiTime(updatedMs);
  return spu;
}

/** Three levels, the category (level 1), its noun (level 2) and a leaf below it (level 3). */
function categoryPath(rng: Rng, categoryIndex: number, nounIndex: number): WechatSpuRecord['cats'] {
  return [
    { cat_id: 100 + categoryIndex, level: 1 },
    { cat_id: 1_000 + categoryIndex * 10 + nounIndex, level: 2 },
    { cat_id: 100_000 + categoryIndex * 1_000 + nounIndex * 10 + rng.int(0, 9), level: 3 },
  ];
}

/** Review outcome by edit_status: none before a submission (0) or while editing (1). */
function auditInfo(rng: Rng, editStatus: number, updatedMs: number): WechatAuditInfo | undefined {
  if (editStatus !== 2 && editStatus !== 3 && editStatus !== 4) return undefined;
  const submitted = formatShanghaiTime(updatedMs);
  if (editStatus === 2) return { submit_time: submitted };
  const audited = formatShanghaiTime(updatedMs + rng.int(60, 2 * 86_400) * 1000);
  return editStatus === 3
    ? { submit_time: submitted, audit_time: audited, reject_reason: rng.pick(REJECT_REASONS) }
    : { submit_time: submitted, audit_time: audited };
}

function generateSkus(rng: Rng, index: number, spu: WechatSpuRecord): WechatSkuEntry[] {
  const category = CATEGORIES[spu.cats[0]!.cat_id - 100]!;
  const [lowFen, highFen] = category.priceFen;
  return skuPropertyCombinations(rng, category).map((combo, k) => {
    // Whole yuan within the category's range: WeChat prices are integer fen (9.9 * 100 is not).
    const saleBase = rng.int(Math.ceil(lowFen / 100), Math.floor(highFen / 100)) * 100;
    const sale = Math.max(0, saleBase - (rng.chance(0.3) ? 10 : 0));
    const stock = spu.status === 12 ? 0 : skuStock(rng, index, k);
    const record: WechatSkuRecord = {
      product_id: spu.product_id,
      out_product_id: spu.out_product_id,
      sku_id: skuIdAt(index, k),
      out_sku_id: spu.out_product_id ? outSkuIdOf(spu.out_product_id, k) : '',
      thumb_img: imageUrl(rng),
      sale_price: sale,
      market_price: rng.chance(0.2) ? 0 : sale + Math.ceil(sale / 500) * 100,
      stock_num: stock,
      sku_code: `A${rng.int(10_000_000, 99_999_999)}`,
      barcode: rng.chance(0.8) ? `69${String(rng.int(0, 99_999_999_999)).padStart(11, '0')}` : '',
      status: spu.status,
      sku_attrs: combo.map((p) => ({ attr_key: p.name, attr_value: p.value })),
    };
    const sold = stock > 0 && stock < VERY_LARGE_STOCKS[0] ? rng.int(0, Math.min(stock, 20)) : 0;
    return { online: record, draft: record, realStock: stock - sold };
  });
}

/** Stock set by the merchant: 0 and very large values included (forced on the first products). */
function skuStock(rng: Rng, index: number, k: number): number {
  if (k === 0 && index === 1) return 0;
  if (k === 0 && index === 2) return VERY_LARGE_STOCKS[1];
  const kind = rng.weighted<'zero' | 'large' | 'normal'>([
    ['zero', 12],
    ['large', 3],
    ['normal', 85],
  ]);
  if (kind === 'zero') return 0;
  if (kind === 'large') return rng.pick(VERY_LARGE_STOCKS);
  return rng.int(1, 5_000);
}

function minPrice(skus: readonly WechatSkuRecord[]): number {
  return skus.reduce((min, s) => Math.min(min, s.sale_price), Number.POSITIVE_INFINITY);
}

/**
 * An image URL in the style of WeChat's image CDN. Built from three 32-bit words rather than the shared
 * helper's 24 one-character appends, which leave each string as a 24-piece rope: over 100,000 products
 * (about a million URLs) that alone tripled the catalog's build time and memory.
 */
function imageUrl(rng: Rng): string {
  const word = () =>
    Math.floor(rng.next() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return `https://mmecimage.cn/p/${word()}${word()}${word()}.jpg`;
}
