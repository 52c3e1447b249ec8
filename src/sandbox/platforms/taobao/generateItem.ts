/**
 * One generated TOP Item, deterministic from the PRNG, in TOP's own names and formats (yuan strings,
 * `yyyy-MM-dd HH:mm:ss` GMT+8). The first indexes cover every case the gateway must handle: sold out,
 * the documented maximum price 100000000.00, very large stock, instock, deleted, auction/second-hand,
 * virtual with video. Fields not on the API page are [assumption]s (see itemFields.ts).
 */
import type { TopItem, TopSku } from '../../../platforms/taobao/topItem';
import type { Rng } from '../../data/random';
import { BRANDS, CATEGORIES, productTitle, skuPropertyCombinations, type CategoryWords } from '../../data/vocabulary';
import { formatShanghaiTime } from '../../shanghaiTime';
import {
  BRAND_PID,
  CATEGORY_CIDS,
  LAUNCH_YEAR_PID,
  SALE_PROPERTY_PIDS,
  SHOP_NICKS,
  fastHex,
  propsNameEntry,
  taobaoImageUrl,
  vidOf,
} from './words';

export interface GeneratedItem {
  item: TopItem;
  /** Deleted items are kept out of the index: TOP answers as if they never existed. */
  deleted: boolean;
}

const NUM_IID_BASE = 520_000_000_000;
const SKU_ID_BASE = 5_000_000_000_000;
/** API page: sku price "取值范围:0-100000000". */
export const MAX_PRICE_FEN = 10_000_000_000;
const VERY_LARGE_STOCK = 999_999_999;
/** 2024-06-01 00:00:00 GMT+8: every generated time is before it, so the catalog does not depend on the clock. */
const EPOCH_MS = Date.UTC(2024, 4, 31, 16, 0, 0);
const DAY_MS = 86_400_000;

type EdgeCase = 'sold-out' | 'max-price' | 'huge-stock' | 'instock' | 'deleted' | 'auction' | 'virtual' | undefined;
const EDGE_CASES: readonly EdgeCase[] = ['sold-out', 'max-price', 'huge-stock', 'instock', 'deleted', 'auction', 'virtual'];

export function generateItem(rng: Rng, index: number): GeneratedItem {
  const edge = EDGE_CASES[index];
  const category = edge === 'virtual' ? CATEGORIES.find((c) => c.name === '课程')! : rng.pick(CATEGORIES);
  const numIid = NUM_IID_BASE + index * 10 + rng.int(0, 9);
  const combos = skuPropertyCombinations(rng, category).slice(0, edge === 'max-price' ? 1 : undefined);
  const skus = generateSkus(rng, category, index, edge, combos);
  // Built by assignment, not spreads, from cached property texts: 100,000 items build in a few seconds.
  const item = describeItem(rng, category, numIid, edge, combos);
  item.price = yuanText(Math.min(...skus.map((s) => fenOf(s.price ?? '0'))));
  item.approve_status = approveStatus(rng, edge);
  addMedia(rng, item, category, skus, edge);
  addExtras(rng, item, category, edge);
  addTimes(rng, item);
  item.num = skus.reduce((sum, sku) => sum + (sku.quantity ?? 0), 0);
  item.desc = `<p>${item.title}</p><p><img src="${taobaoImageUrl(rng)}"/></p>`;
  if (rng.chance(0.6))
    item.sub_title = `${category.name}${rng.pick(['好物', '热卖', '新品'])} ${rng.pick(['包邮', '七天无理由', '正品保障'])}`;
  return { item, deleted: edge === 'deleted' || (edge === undefined && rng.chance(0.03)) };
}

function describeItem(rng: Rng, category: CategoryWords, numIid: number, edge: EdgeCase, combos: Combo[]): TopItem {
  const brand = rng.pick(BRANDS);
  const cid = CATEGORY_CIDS[category.name] ?? 50000000;
  // `props` (and `props_name`, its names) hold the key properties and every sale property value of the SKUs.
  const parts = new Set<PropertyPart>([
    propertyPart(BRAND_PID, '品牌', brand),
    propertyPart(LAUNCH_YEAR_PID, '上市时间', `${rng.int(2019, 2024)}年`),
  ]);
  for (const combo of combos) for (const p of combo) parts.add(propertyPart(pidOf(p.name), p.name, p.value));
  const props: string[] = [];
  const propsName: string[] = [];
  for (const part of parts) {
    props.push(part.part);
    propsName.push(part.namePart);
  }
  return {
    iid: fastHex(rng, 32),
    detail_url: `https://item.taobao.com/item.htm?id=${numIid}`,
    num_iid: numIid,
    title: productTitle(rng, category, brand),
    nick: rng.pick(SHOP_NICKS),
    type: edge === 'auction' ? 'auction' : 'fixed',
    cid,
    seller_cids: Array.from({ length: rng.int(1, 3) }, () => rng.int(1_000_000, 9_999_999)).join(','),
    props: props.join(';'),
    stuff_status:
      edge === 'auction'
        ? 'second'
        : rng.weighted([
            ['new', 95],
            ['unused', 3],
            ['second', 2],
          ] as const),
    props_name: propsName.join(';'),
  };
}

function generateSkus(rng: Rng, category: CategoryWords, index: number, edge: EdgeCase, combos: Combo[]): TopSku[] {
  const [minFen, maxFen] = category.priceFen;
  const basePrice = rng.int(Math.ceil(minFen / 100), Math.floor(maxFen / 100)) * 100 - (rng.chance(0.5) ? 1 : 0);
  return combos.map((combo, k): TopSku => {
    const fen = edge === 'max-price' ? MAX_PRICE_FEN : Math.max(0, basePrice + (rng.chance(0.4) ? rng.int(0, 20) * 100 : 0));
    const sku: TopSku = {
      sku_id: SKU_ID_BASE + index * 8 + k,
      ...skuPropertyTexts(combo),
      price: yuanText(fen),
      quantity: stockOf(rng, edge),
      status: 'normal',
    };
    if (rng.chance(0.7)) sku.outer_id = `SKU-${numberText(index)}-${k + 1}`;
    if (rng.chance(0.3)) sku.barcode = ean13(rng);
    if (rng.chance(0.2)) sku.promoted_price = yuanText(Math.floor((fen * 9) / 1000) * 100);
    return sku;
  });
}

type Combo = Array<{ name: string; value: string }>;

interface PropertyPart {
  /** `pid:vid` */
  part: string;
  /** `pid:vid:name:value` */
  namePart: string;
}

/**
 * The vocabulary yields a few hundred property values and combinations, so their texts are built once
 * and shared by every item and SKU that has them.
 */
const partCache = new Map<string, PropertyPart>();
function propertyPart(pid: number, name: string, value: string): PropertyPart {
  const key = `${pid}\0${value}`;
  let part = partCache.get(key);
  if (!part) {
    part = { part: `${pid}:${vidOf(pid, value)}`, namePart: propsNameEntry(pid, name, value) };
    partCache.set(key, part);
  }
  return part;
}

const comboCache = new Map<string, { properties: string; properties_name: string }>();
/** `properties` and `properties_name` of a SKU's property combination. */
function skuPropertyTexts(combo: Combo): { properties: string; properties_name: string } {
  const key = combo.map((p) => `${p.name}\0${p.value}`).join('\0');
  let texts = comboCache.get(key);
  if (!texts) {
    const parts = combo.map((p) => propertyPart(pidOf(p.name), p.name, p.value));
    texts = { properties: parts.map((p) => p.part).join(';'), properties_name: parts.map((p) => p.namePart).join(';') };
    comboCache.set(key, texts);
  }
  return texts;
}

function stockOf(rng: Rng, edge: EdgeCase): number {
  if (edge === 'sold-out') return 0;
  if (edge === 'huge-stock') return VERY_LARGE_STOCK;
  return rng.weighted([
    [0, 10],
    [rng.int(1, 500), 85],
    [rng.int(10_000, VERY_LARGE_STOCK), 5],
  ] as const);
}

/**
 * API page: "onsale出售中,instock库中". The stock and price edge cases stay on sale so they show. Item
 * `price` is the lowest SKU price, as Taobao shows it.
 */
function approveStatus(rng: Rng, edge: EdgeCase): 'onsale' | 'instock' {
  if (edge === 'instock') return 'instock';
  if (edge !== undefined) return 'onsale';
  return rng.chance(0.25) ? 'instock' : 'onsale';
}

function addMedia(rng: Rng, media: TopItem, category: CategoryWords, skus: TopSku[], edge: EdgeCase): void {
  const images = Array.from({ length: rng.int(1, 5) }, (_, i) => ({ id: rng.int(1e9, 9e9), url: taobaoImageUrl(rng), position: i + 1 }));
  media.pic_url = images[0]!.url;
  media.item_imgs = { item_img: images };
  const colorPid = SALE_PROPERTY_PIDS[category.properties[0]?.name ?? ''];
  if (colorPid === SALE_PROPERTY_PIDS['颜色'] && rng.chance(0.5)) {
    const colors = [...new Set(skus.map((s) => s.properties?.split(';')[0] ?? ''))];
    media.prop_imgs = {
      prop_img: colors.map((properties, i) => ({ id: rng.int(1e9, 9e9), url: taobaoImageUrl(rng), properties, position: i + 1 })),
    };
    for (const sku of skus) sku.pic_url = media.prop_imgs.prop_img![colors.indexOf(sku.properties?.split(';')[0] ?? '')]!.url;
  }
  media.skus = { sku: skus };
  if (edge === 'virtual' || rng.chance(0.1)) {
    const at = formatShanghaiTime(EPOCH_MS - rng.int(1, 365) * DAY_MS);
    media.videos = {
      video: [
        {
          id: rng.int(1e6, 9e6),
          video_id: rng.int(1e8, 9e8),
          url: `https://cloud.video.taobao.com/play/u/${rng.int(1e8, 9e8)}/p/1/e/6/t/1/${rng.int(1e8, 9e8)}.mp4`,
          created: at,
          modified: at,
        },
      ],
    };
  }
}

function addExtras(rng: Rng, extras: TopItem, category: CategoryWords, edge: EdgeCase): void {
  if (rng.chance(0.3)) extras.product_id = rng.int(10_000_000, 999_999_999);
  if (rng.chance(0.2)) extras.auction_point = rng.pick([5, 10, 15]);
  if (edge === 'auction' || rng.chance(0.03)) extras.second_kill = rng.pick(['web_only', 'wap_only', 'web_and_wap']);
  if (rng.chance(0.3)) extras.barcode = ean13(rng);
  if (rng.chance(0.2)) {
    extras.main_pic34 = taobaoImageUrl(rng);
    extras.upright_image_url = taobaoImageUrl(rng);
  }
  if (rng.chance(0.8)) extras.outer_id = `SPU-${fastHex(rng, 8).toUpperCase()}`;
  extras.is_virtual = category.name === '课程';
}

/** [assumption] created <= list_time <= modified; delist_time 7 days after listing (TOP's listing cycle). */
function addTimes(rng: Rng, item: TopItem): void {
  const created = EPOCH_MS - rng.int(30, 1000) * DAY_MS - rng.int(0, 86_399) * 1000;
  const listed = created + rng.int(0, 20) * DAY_MS;
  const modified = listed + rng.int(0, 10) * DAY_MS + rng.int(0, 86_399) * 1000;
  item.created = formatShanghaiTime(created);
  item.modified = formatShanghaiTime(modified);
  if (item.approve_status === 'onsale') {
    item.list_time = formatShanghaiTime(listed);
    item.delist_time = formatShanghaiTime(listed + 7 * DAY_MS);
  }
}

function pidOf(propertyName: string): number {
  return SALE_PROPERTY_PIDS[propertyName] ?? 122216399;
}

function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

function fenOf(yuan: string): number {
  const [whole = '0', frac = '00'] = yuan.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

function numberText(index: number): string {
  return String(index + 1).padStart(6, '0');
}

/** A 13-digit EAN with a valid check digit, Chinese prefix 69. */
function ean13(rng: Rng): string {
  let digits = '69';
  while (digits.length < 12) digits += String(rng.int(0, 9));
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return digits + String((10 - (sum % 10)) % 10);
}
