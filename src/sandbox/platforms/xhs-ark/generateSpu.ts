/**
 * One generated Ark SPU, from its own seeded stream. The stream first draws the facts the listing
 * indexes need (category, times, each item's id, status, buyable, frozen, stock), then the content
 * (titles, prices, blocks). The catalog keeps only the facts and regenerates the hits of an SPU when a
 * page needs them: same stream, same draws, same bytes.
 *
 * Ark's model: an SPU (product, brand, category path) has SPL colour lines (`spl.variants`); each item
 * is one sellable unit with its size (`spv.non_desc_variants`). Items of a line share `spl` and
 * `spl_item`, items of an SPU share `spu`.
 */
import type { ArkHit, ArkItem, ArkSpl, ArkSplItem, ArkSpu, ArkSpv, ArkVariant } from '../../../platforms/xhs-ark/types';
import { deriveSeed, Rng } from '../../data/random';
import { BRANDS, CATEGORIES, productTitle, type CategoryWords } from '../../data/vocabulary';
import { makeArkPrices } from './prices';
import { arkAttributes, arkImages, CATEGORY_ENAMES, combinationCount, objectId, pickCombos, stableId } from './words';

/** Generated times end at 2024-06-01T00:00:00Z and reach two years back. */
export const ARK_CATALOG_END = 1_717_200_000;
const TWO_YEARS = 2 * 365 * 86_400;
/** Object-id counter slots per SPU: items 0-5, their SPVs 8-13, the SPU 16, lines 17-22, line items 24-29. */
const SLOTS = 32;

export interface ArkItemFacts {
  id: string;
  status: number;
  frozen: boolean;
  buyable: boolean;
  stock: number;
  updateTime: number;
}

export interface ArkSpuFacts {
  category: CategoryWords;
  createTime: number;
  items: ArkItemFacts[];
}

export function spuStream(seed: number, spuIndex: number): Rng {
  return new Rng(deriveSeed(seed, `ark-spu:${spuIndex}`));
}

/** The first draws of an SPU's stream. */
export function drawSpuFacts(rng: Rng, spuIndex: number): ArkSpuFacts {
  const category = rng.pick(CATEGORIES);
  const createTime = ARK_CATALOG_END - rng.int(0, TWO_YEARS);
  const spuUpdate = createTime + rng.int(0, Math.min(300 * 86_400, ARK_CATALOG_END - createTime));
  const count = rng.int(1, Math.min(6, combinationCount(category)));
  const items = Array.from({ length: count }, (_, position) => drawItemFacts(rng, createTime, spuUpdate, spuIndex * SLOTS + position));
  return { category, createTime, items };
}

/** Statuses 0/1/2; only approved, unfrozen items can be on shelf; stock 0 and very large both occur. */
function drawItemFacts(rng: Rng, createTime: number, spuUpdate: number, counter: number): ArkItemFacts {
  const status = rng.weighted<number>([
    [2, 75],
    [0, 15],
    [1, 10],
  ]);
  const frozen = status === 2 && rng.chance(0.05);
  const buyable = status === 2 && !frozen && rng.chance(0.8);
  // Half the items keep their SPU's update time, so equal update times (ties broken by id) are common.
  const updateTime = rng.chance(0.5) ? spuUpdate : createTime + rng.int(0, Math.min(400 * 86_400, ARK_CATALOG_END - createTime));
  const kind = rng.weighted<'zero' | 'normal' | 'large'>([
    ['zero', 15],
    ['normal', 78],
    ['large', 7],
  ]);
  const stock = kind === 'zero' ? 0 : kind === 'normal' ? rng.int(1, 5000) : rng.int(10_000_000, 999_999_999);
  return { id: objectId(rng, createTime, counter), status, frozen, buyable, stock, updateTime };
}

/** Every hit of SPU `spuIndex`, regenerated from the seed. */
export function generateSpuHits(seed: number, spuIndex: number): ArkHit[] {
  const rng = spuStream(seed, spuIndex);
  const facts = drawSpuFacts(rng, spuIndex);
  const base = spuIndex * SLOTS;
  const brand = rng.pick(BRANDS);
  const title = productTitle(rng, facts.category, brand);
  const spu = makeSpu(rng, facts, brand, title, base + 16);
  const combos = pickCombos(rng, facts.category, facts.items.length);
  const lines = new Map<string, { spl: ArkSpl; splItem: ArkSplItem }>();
  return facts.items.map((itemFacts, position) => {
    const [line, unit] = combos[position] ?? [];
    const key = line?.value ?? '';
    let block = lines.get(key);
    if (!block) {
      block = makeLine(rng, facts, spu, title, line, base + 17 + lines.size);
      lines.set(key, block);
    }
    const spv = makeSpv(rng, facts, spu, block.spl, unit, itemFacts.status, base + 8 + position);
    return {
      item: makeItem(rng, facts, itemFacts, { spu, spl: block.spl, spv, title, unit }),
      spl: block.spl,
      spu,
      spv,
      spl_item: block.splItem,
    };
  });
}

function makeSpu(rng: Rng, facts: ArkSpuFacts, brand: string, title: string, counter: number): ArkSpu {
  const { category } = facts;
  const brandId = stableId(`brand:${brand}`);
  const noun = title.split(' ').pop() ?? category.name;
  const categories = [
    { ename: CATEGORY_ENAMES[category.name] ?? '', id: stableId(`category:${category.name}`), name: category.name },
    { ename: '', id: stableId(`category:${category.name}/${noun}`), name: noun },
  ];
  return {
    pending_changes: null,
    ename: '',
    name: title,
    short_name: rng.chance(0.5) ? noun : '',
    brand: { ename: '', id: brandId, name: brand },
    brand_id: brandId,
    category_id: categories[1]!.id,
    id: objectId(rng, facts.createTime, counter),
    categories,
  };
}

function makeLine(
  rng: Rng,
  facts: ArkSpuFacts,
  spu: ArkSpu,
  title: string,
  line: { name: string; value: string } | undefined,
  counter: number,
): { spl: ArkSpl; splItem: ArkSplItem } {
  const splId = objectId(rng, facts.createTime, counter);
  const spl: ArkSpl = { spu_id: spu.id, status: 2, id: splId, state: 1, variants: line ? [variant(line)] : [], pending_change: null };
  const splItem: ArkSplItem = {
    spu_id: spu.id,
    status: 3,
    videos: null,
    spl_id: splId,
    feature: rng.pick(['新品上市', '爆款热卖', '正品保障', '限时特惠', '']),
    image_urls: [],
    faqs: rng.chance(0.3) ? [{ answer: '下单后48小时内发货', question: '什么时候发货?' }] : [],
    state: 1,
    pending_changes: null,
    user_guide: null,
    image_desc: null,
    images: arkImages(rng),
    attributes: arkAttributes(rng, facts.category),
    id: objectId(rng, facts.createTime, counter + 7),
    desc: rng.chance(0.7) ? `${title},${rng.pick(['品质之选', '送礼佳品', '日常必备', '小红书同款'])}` : '',
  };
  return { spl, splItem };
}

function makeSpv(
  rng: Rng,
  facts: ArkSpuFacts,
  spu: ArkSpu,
  spl: ArkSpl,
  unit: { name: string; value: string } | undefined,
  status: number,
  counter: number,
): ArkSpv {
  const barcode = `69${String(rng.int(0, 99_999_999_999)).padStart(11, '0')}`;
  return {
    spu_id: spu.id,
    pending_changes: null,
    import_cost: null,
    net_weight: rng.int(50, 2000),
    qty: 1,
    spl_id: spl.id,
    id: objectId(rng, facts.createTime, counter),
    unit: facts.category.name === '鞋靴' ? '双' : '件',
    barcode_type: 'upc',
    non_desc_variants: unit ? [variant(unit)] : [],
    state: 1,
    usage: '',
    shelf_life: facts.category.name === '食品' ? rng.pick([180, 365]) : null,
    ingredient: '',
    status,
    customs_photos_urls: [],
    barcode,
    gross_weight: rng.int(2000, 3000),
    customs_photos: [],
    manufacturer: '',
    customs_specification: '',
    country: '中国',
  };
}

interface ItemBlocks {
  spu: ArkSpu;
  spl: ArkSpl;
  spv: ArkSpv;
  title: string;
  unit: { name: string; value: string } | undefined;
}

/** The item block, keys in the API page's order. */
function makeItem(rng: Rng, facts: ArkSpuFacts, item: ArkItemFacts, blocks: ItemBlocks): ArkItem {
  const barcode = blocks.spv.barcode ?? null;
  return {
    spu_id: blocks.spu.id ?? '',
    update_time: item.updateTime,
    ename: null,
    name: blocks.unit ? `${blocks.title} ${blocks.unit.value}` : blocks.title,
    logistics: 'auto',
    skucode: String(rng.int(1_000_000_000, 9_999_999_999)),
    ...makeArkPrices(rng, facts.category),
    barcode,
    available: item.status === 2 && !item.frozen,
    buyable: item.buyable,
    spv_id: blocks.spv.id ?? '',
    state: 1,
    create_time: facts.createTime,
    pending_changes: null,
    status: item.status,
    spl_id: blocks.spl.id ?? '',
    top_image: rng.chance(0.5) ? `http://img.xiaohongshu.com/items/${rng.hex(32)}` : null,
    barcode_type: 'upc',
    id: item.id,
    stock: item.stock,
    is_frozen: item.frozen,
  };
}

function variant(property: { name: string; value: string }): ArkVariant {
  return { ename: null, id: stableId(`variant:${property.name}:${property.value}`), value: property.value, name: property.name };
}
