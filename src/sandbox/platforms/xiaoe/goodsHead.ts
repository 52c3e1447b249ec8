/** The indexed part of a generated goods record, drawn first and kept in memory for every record. */
import type { Rng } from '../../data/random';
import { BRANDS, CATEGORIES, productTitle, type CategoryWords } from '../../data/vocabulary';
import { RESOURCE_KIND_CHOICES, type ResourceKind } from './resourceKinds';
import { randomAlnum } from './skuGenerator';

export interface GoodsHead {
  seq: number;
  kind: ResourceKind;
  resourceId: string;
  category: CategoryWords;
  brand: string;
  goodsName: string;
  saleStatus: 0 | 1 | 2;
  createdMs: number;
  isDeleted: boolean;
  isForbid: boolean;
}

const COURSE_CATEGORY = CATEGORIES.find((c) => c.name === '课程')!;
const PHYSICAL_CATEGORIES = CATEGORIES.filter((c) => c !== COURSE_CATEGORY);
const COURSE_PREFIXES = ['', '【2024新版】', '【限时特惠】', '零基础·', '名师带你学 '] as const;
const COURSE_SUFFIXES = ['', '（第1期）', '（第3期）', ' 全集', ' 精华版'] as const;
/** 2019-01-01 00:00:00 in Asia/Shanghai; generated goods are created over the six years after it. */
const CATALOG_START_MS = Date.UTC(2018, 11, 31, 16, 0, 0);
const CATALOG_SPAN_SECONDS = 6 * 365 * 86_400;

export function generateGoodsHead(rng: Rng, seq: number): GoodsHead {
  const kind = rng.weighted(RESOURCE_KIND_CHOICES);
  const resourceId = formatResourceId(rng, kind);
  const category = kind.physical ? rng.pick(PHYSICAL_CATEGORIES) : COURSE_CATEGORY;
  const brand = rng.pick(BRANDS);
  const goodsName = kind.physical
    ? productTitle(rng, category, brand)
    : `${rng.pick(COURSE_PREFIXES)}${rng.pick(category.nouns)}${rng.pick(COURSE_SUFFIXES)}`;
  return {
    seq,
    kind,
    resourceId,
    category,
    brand,
    goodsName,
    saleStatus: rng.weighted<0 | 1 | 2>([
      [1, 70],
      [0, 15],
      [2, 15],
    ]),
    createdMs: CATALOG_START_MS + rng.int(0, CATALOG_SPAN_SECONDS) * 1000,
    isDeleted: rng.chance(0.04),
    isForbid: rng.chance(0.03),
  };
}

/** A `resource_id` in the platform's style: `a_` + 24 hex digits; physical goods `g_<13 hex>_<10 alnum>`. */
function formatResourceId(rng: Rng, kind: ResourceKind): string {
  return kind.physical ? `g_${rng.hex(13)}_${randomAlnum(rng, 10)}` : `${kind.prefix}${rng.hex(24)}`;
}
