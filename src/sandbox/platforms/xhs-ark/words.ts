/** Ark-specific words and ids for the catalog generator. */
import { createHash } from 'node:crypto';
import type { ArkAttribute, ArkImage } from '../../../platforms/xhs-ark/types';
import type { Rng } from '../../data/random';
import type { CategoryWords } from '../../data/vocabulary';

export const CATEGORY_ENAMES: Readonly<Record<string, string>> = {
  服装: 'Apparel',
  鞋靴: 'Shoes',
  食品: 'Food',
  数码: 'Electronics',
  美妆: 'Beauty',
  家居: 'Home',
  课程: 'Courses',
};

/** Product parameters (产品参数) per category, as `spl_item.attributes` carries them. */
const ATTRIBUTES: Readonly<Record<string, ReadonlyArray<readonly [string, readonly string[]]>>> = {
  服装: [
    ['材质', ['纯棉', '涤纶', '羊毛', '真丝']],
    ['版型', ['修身', '宽松', '直筒']],
  ],
  鞋靴: [
    ['材质', ['丝绒,羊里皮', '头层牛皮', '帆布']],
    ['鞋跟高', ['平跟', '30mm', '70mm']],
  ],
  食品: [
    ['保质期', ['180天', '365天']],
    ['储存方式', ['常温', '冷藏']],
  ],
  数码: [
    ['保修期', ['1年', '2年']],
    ['接口', ['Type-C', 'Lightning']],
  ],
  美妆: [
    ['功效', ['保湿', '美白', '修护']],
    ['适用肤质', ['任何肤质', '干性', '油性']],
  ],
  家居: [
    ['材质', ['全棉', '不锈钢', '聚丙烯']],
    ['风格', ['北欧', '日式', '简约']],
  ],
  课程: [
    ['授课方式', ['录播', '直播']],
    ['适合人群', ['零基础', '进阶']],
  ],
};

const ORIGINS = ['中国', '日本', '韩国', '法国', '意大利'] as const;

/**
 * A MongoDB-style object id, as Ark's ids are: 4 bytes of unix seconds, 5 random bytes, and a 3-byte
 * counter that makes ids unique by construction (no retry on collision, so an SPU regenerated on
 * demand gets the same ids as at build time).
 */
export function objectId(rng: Rng, unixSeconds: number, counter: number): string {
  const time = unixSeconds.toString(16).padStart(8, '0').slice(-8);
  return time + rng.hex(10) + (counter % 0x1000000).toString(16).padStart(6, '0');
}

/** A 24-hex id that is a pure function of its label (brands, categories, variants, parameters). */
export function stableId(label: string): string {
  let id = stableIds.get(label);
  if (id === undefined) {
    id = createHash('md5').update(label, 'utf8').digest('hex').slice(0, 24);
    stableIds.set(label, id);
  }
  return id;
}

/** Labels are few (brands, categories, variant values, parameter names), so the cache stays small. */
const stableIds = new Map<string, string>();

export function arkAttributes(rng: Rng, category: CategoryWords): ArkAttribute[] {
  const pairs = [...(ATTRIBUTES[category.name] ?? []), ['产地', ORIGINS] as const];
  return pairs
    .filter(() => rng.chance(0.8))
    .map(([name, values]) => ({
      ename: null,
      name,
      image: null,
      value: rng.pick(values),
      image_url: null,
      property_id: stableId(`property:${name}`),
    }));
}

export function arkImages(rng: Rng): ArkImage[] {
  return Array.from({ length: rng.int(1, 5) }, () => {
    const path = `items/${rng.hex(32)}`;
    return { name: null, extension: '.jpg', height: 1200, width: 1200, link: `http://img.xiaohongshu.com/${path}`, path };
  });
}

/** How many distinct sale-property combinations a category offers. */
export function combinationCount(category: CategoryWords): number {
  return category.properties.slice(0, 2).reduce((n, p) => n * p.values.length, 1);
}

/** `count` distinct combinations of the category's first two sale properties (partial shuffle). */
export function pickCombos(rng: Rng, category: CategoryWords, count: number): Array<Array<{ name: string; value: string }>> {
  const [first, second] = category.properties;
  const all: Array<Array<{ name: string; value: string }>> = [[]];
  for (const property of [first, second]) {
    if (!property) continue;
    const grown = all.flatMap((combo) => property.values.map((value) => [...combo, { name: property.name, value }]));
    all.splice(0, all.length, ...grown);
  }
  for (let i = 0; i < count && i < all.length - 1; i++) {
    const j = rng.int(i, all.length - 1);
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count);
}
