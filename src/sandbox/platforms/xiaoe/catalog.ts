/**
 * The Xiaoe catalog: `size` generated goods (deterministic from the seed) plus the detail page's example
 * record, indexed by `<resource_type>:<resource_id>` for the detail call and pre-sorted for the list call.
 * Only the indexed fields are kept per goods; a full record is built from its own random window when a
 * call needs it (same bytes every time), and its JSON text, per combination of blocks, is kept in a
 * bounded cache. Flat strings rather than object trees keep the cache cheap for the garbage collector,
 * and a reply is the cached texts joined, serialized once.
 */
import { withBlocks } from './blocks';
import { EXAMPLE_GOODS_RECORD } from './exampleRecord';
import { generateGoodsHead, type GoodsHead } from './goodsHead';
import { generateGoodsRecord } from './goodsGenerator';
import { parseShanghaiTime } from './localTime';
import { MAX_RECORDS, bodyRng, headRng } from './recordStreams';

export interface XiaoeGoods {
  /** `<resource_type>:<resource_id>`: the detail call addresses goods by both. */
  key: string;
  resourceType: number;
  goodsName: string;
  createdMs: number;
  saleStatus: number;
  isDeleted: boolean;
  isForbid: boolean;
  /** Generated goods: what their record is built from. The example record is kept whole instead. */
  head?: GoodsHead;
  fixed?: Readonly<Record<string, unknown>>;
}

export interface XiaoeCatalog {
  byKey: ReadonlyMap<string, XiaoeGoods>;
  /** Newest `created_at` first (ties by key): the list call's order. */
  newestFirst: readonly XiaoeGoods[];
  /** `newestFirst` split by resource_type. */
  byType: ReadonlyMap<number, readonly XiaoeGoods[]>;
  /** The full upstream record, `stock`/`sku`/`attr` blocks included (built anew for generated goods). */
  recordOf(goods: XiaoeGoods): Readonly<Record<string, unknown>>;
  /** The record's JSON text with only the named blocks (see blocks.ts), cached. */
  jsonOf(goods: XiaoeGoods, blocks: ReadonlySet<string>): string;
}

/** JSON texts kept (about 2-5 KB each). */
const JSON_CACHE_SIZE = 10_000;

export function buildXiaoeCatalog(seed: number, size: number): XiaoeCatalog {
  if (!Number.isInteger(size) || size < 0 || size > MAX_RECORDS) throw new RangeError(`xiaoe catalog size must be 0..${MAX_RECORDS}, got ${size}`);
  const goods: XiaoeGoods[] = [exampleGoods()];
  const usedKeys = new Set<string>([goods[0]!.key]);
  for (let seq = 0; seq < size; seq++) {
    const head = generateGoodsHead(headRng(seed, seq), seq);
    // 96-bit random ids never collide in practice; if one did, a suffix keeps keys unique and stable.
    if (usedKeys.has(`${head.kind.type}:${head.resourceId}`)) head.resourceId += `_${seq}`;
    const entry = fromHead(head);
    usedKeys.add(entry.key);
    goods.push(entry);
  }
  const recordOf = (g: XiaoeGoods) => g.fixed ?? generateGoodsRecord(g.head!, bodyRng(seed, g.head!.seq));
  return { ...indexGoods(goods), recordOf, jsonOf: createJsonCache(recordOf) };
}

function exampleGoods(): XiaoeGoods {
  const record = EXAMPLE_GOODS_RECORD;
  return {
    key: `${String(record.resource_type)}:${String(record.resource_id)}`,
    resourceType: record.resource_type as number,
    goodsName: String(record.goods_name),
    createdMs: parseShanghaiTime(String(record.created_at)) ?? 0,
    saleStatus: record.sale_status as number,
    isDeleted: record.is_deleted === 1,
    isForbid: record.is_forbid === 1,
    fixed: record,
  };
}

function fromHead(head: GoodsHead): XiaoeGoods {
  return {
    key: `${head.kind.type}:${head.resourceId}`,
    resourceType: head.kind.type,
    goodsName: head.goodsName,
    createdMs: head.createdMs,
    saleStatus: head.saleStatus,
    isDeleted: head.isDeleted,
    isForbid: head.isForbid,
    head,
  };
}

function indexGoods(goods: XiaoeGoods[]): Pick<XiaoeCatalog, 'byKey' | 'newestFirst' | 'byType'> {
  const byKey = new Map(goods.map((g) => [g.key, g] as const));
  const newestFirst = [...goods].sort((a, b) => b.createdMs - a.createdMs || (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  const byType = new Map<number, XiaoeGoods[]>();
  for (const g of newestFirst) {
    const list = byType.get(g.resourceType);
    if (list) list.push(g);
    else byType.set(g.resourceType, [g]);
  }
  return { byKey, newestFirst, byType };
}

/** Least-recently-used cache of record texts by blocks and key (a Map keeps insertion order). */
function createJsonCache(recordOf: XiaoeCatalog['recordOf']): XiaoeCatalog['jsonOf'] {
  const cache = new Map<string, string>();
  return (goods, blocks) => {
    const cacheKey = `${[...blocks].sort().join(',')}|${goods.key}`;
    const cached = cache.get(cacheKey);
    if (cached !== undefined) {
      cache.delete(cacheKey);
      cache.set(cacheKey, cached);
      return cached;
    }
    const json = JSON.stringify(withBlocks(recordOf(goods), blocks));
    cache.set(cacheKey, json);
    if (cache.size > JSON_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return json;
  };
}
