/**
 * The Xiaoe catalog: `size` generated goods (deterministic from the seed) plus the detail page's example
 * record, indexed by `<resource_type>:<resource_id>` for the detail call and pre-sorted for the list call.
 * Only the indexed fields are kept per goods; a full record is built from its own random window when a
 * call needs it (same bytes every time) and kept in a bounded cache, so 100,000 goods build in about a
 * second and stay small in memory, and a benchmark's working set is answered without rebuilding.
 */
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
  /** The full upstream record, `stock`/`sku`/`attr` blocks included. Callers must not mutate it. */
  recordOf(goods: XiaoeGoods): Readonly<Record<string, unknown>>;
}

/** Built records kept (a few KB each); a 50-id detail call or a 100-item page touches at most 100. */
const RECORD_CACHE_SIZE = 5_000;

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
  return { ...indexGoods(goods), recordOf: createRecordCache(seed) };
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

function indexGoods(goods: XiaoeGoods[]): Omit<XiaoeCatalog, 'recordOf'> {
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

/** Least-recently-used cache of built records (a Map keeps insertion order). */
function createRecordCache(seed: number): XiaoeCatalog['recordOf'] {
  const cache = new Map<string, Readonly<Record<string, unknown>>>();
  return (goods) => {
    if (goods.fixed) return goods.fixed;
    const cached = cache.get(goods.key);
    if (cached) {
      cache.delete(goods.key);
      cache.set(goods.key, cached);
      return cached;
    }
    const head = goods.head!;
    const record = generateGoodsRecord(head, bodyRng(seed, head.seq));
    cache.set(goods.key, record);
    if (cache.size > RECORD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return record;
  };
}
