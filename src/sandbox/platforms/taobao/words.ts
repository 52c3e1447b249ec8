/**
 * Taobao-specific vocabulary for the generator: TOP property ids (pids) for the shared category words,
 * leaf category ids, shop nicks. 品牌 20000, 颜色分类 1627207, 尺码 20509 and 上市时间 30606 are TOP's
 * well-known pids (the API page's examples use 20000, 1627207 and 30606); the others are made up
 * [assumption], as are all value ids (vids), derived from the text so they are stable.
 */
import type { Rng } from '../../data/random';

export const BRAND_PID = 20000;
export const LAUNCH_YEAR_PID = 30606;

export const SALE_PROPERTY_PIDS: Readonly<Record<string, number>> = {
  颜色: 1627207,
  尺码: 20509,
  规格: 122216343,
  口味: 122216592,
  版本: 122216347,
  色号: 122216348,
  班型: 122216349,
  有效期: 122216350,
};

/** Leaf category id (`cid`) per vocabulary category name [assumption: plausible, not TOP's real tree]. */
export const CATEGORY_CIDS: Readonly<Record<string, number>> = {
  服装: 50000671,
  鞋靴: 50012906,
  食品: 50008055,
  数码: 50005050,
  美妆: 50010788,
  家居: 50008163,
  课程: 50025004,
};

export const SHOP_NICKS = ['tb旗舰店', '小店铺2019', '好物优选', '国潮馆', '居家百货铺', '数码先锋', '美妆集合店', '零食小铺'] as const;

export const IMAGE_HOST = 'img.alicdn.com';

/** A stable value id for a property value (FNV-1a over the text, kept to 9 digits). */
export function vidOf(pid: number, value: string): number {
  let h = (0x811c9dc5 ^ pid) >>> 0;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193) >>> 0;
  return 1_000_000 + (h % 900_000_000);
}

/** `pid:vid:name:value`, escaping `:` and `;` inside names as the API page describes (#cln#, #scln#). */
export function propsNameEntry(pid: number, name: string, value: string): string {
  return `${pid}:${vidOf(pid, value)}:${escapeName(name)}:${escapeName(value)}`;
}

function escapeName(text: string): string {
  return text.includes(':') || text.includes(';') ? text.replaceAll(':', '#cln#').replaceAll(';', '#scln#') : text;
}

const hexScratch = Buffer.alloc(64);

/**
 * Lowercase hex of `length` (at most 128) characters, 8 per PRNG draw, encoded natively. Used instead of
 * `Rng.hex` (one draw and one string concatenation per character), which dominated building 100,000 items.
 */
export function fastHex(rng: Rng, length: number): string {
  const bytes = Math.ceil(length / 2);
  for (let i = 0; i < bytes; i += 4) hexScratch.writeUInt32LE(Math.floor(rng.next() * 0x1_0000_0000), i);
  return hexScratch.toString('hex', 0, bytes).slice(0, length);
}

export function taobaoImageUrl(rng: Rng): string {
  return `https://${IMAGE_HOST}/imgextra/i${rng.int(1, 4)}/${fastHex(rng, 24)}.jpg`;
}
