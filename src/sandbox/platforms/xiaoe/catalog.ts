/**
 * The Xiaoe catalog: `size` generated goods (deterministic from the seed) plus the detail page's example
 * record, indexed by `<resource_type>:<resource_id>` for the detail call and pre-sorted for the list call.
 * Only the indexed fields are kept per goods; a full record is built from its own random window when a
 * call needs it (same bytes every time) and kept in a bounded cache, so 100,000 goods build in about a
 * second and stay small in memory, and a benchmark's working set is answered without rebuilding.
 */
import { deepMerge, refuseIdentityChange, type JsonObject } from '../../deepMerge';
import { merchantNumber } from '../../merchantNames';
import { parseShanghaiTime } from '../../shanghaiTime';
import { XIAOE_CREDENTIALS } from './credentials';
import { EXAMPLE_GOODS_RECORD } from './exampleRecord';
import { generateGoodsHead, type GoodsHead } from './goodsHead';
import { generateGoodsRecord } from './goodsGenerator';
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
  /** Bumped by every patch: whatever was derived from the indexes before is stale. */
  readonly version: number;
  /**
   * `PATCH /__sandbox/products/xiaoe/<resource_id>`: the goods' full record with `patch` deep-merged
   * (the indexes follow its goods_name, created_at, sale_status, is_deleted, is_forbid), or undefined
   * for an unknown id.
   */
  patch(resourceId: string, patch: JsonObject): Readonly<Record<string, unknown>> | undefined;
}

/** An extra merchant of the catalog: its name (for its example record) and its app_id (in its records). */
export interface XiaoeShopIdentity {
  name: string;
  appId: string;
}

/** Built records kept (a few KB each); a 50-id detail call or a 100-item page touches at most 100. */
const RECORD_CACHE_SIZE = 5_000;

/** `shop`: an extra merchant's catalog; the default merchant's without it. */
export function buildXiaoeCatalog(seed: number, size: number, shop?: XiaoeShopIdentity): XiaoeCatalog {
  if (!Number.isInteger(size) || size < 0 || size > MAX_RECORDS)
    throw new RangeError(`xiaoe catalog size must be 0..${MAX_RECORDS}, got ${size}`);
  const goods: XiaoeGoods[] = [goodsOfRecord(shop ? merchantExampleRecord(shop.name) : EXAMPLE_GOODS_RECORD)];
  const usedKeys = new Set<string>([goods[0]!.key]);
  for (let seq = 0; seq < size; seq++) {
    const head = generateGoodsHead(headRng(seed, seq), seq);
    // 96-bit random ids never collide in practice; if one did, a suffix keeps keys unique and stable.
    if (usedKeys.has(`${head.kind.type}:${head.resourceId}`)) head.resourceId += `_${seq}`;
    const entry = fromHead(head);
    usedKeys.add(entry.key);
    goods.push(entry);
  }
  const recordOf = createRecordCache(seed, shop?.appId ?? XIAOE_CREDENTIALS.appId);
  const catalog: XiaoeCatalog = {
    ...indexGoods(goods),
    recordOf,
    version: 0,
    patch(resourceId, patch) {
      const at = goods.findIndex((g) => g.key.slice(g.key.indexOf(':') + 1) === resourceId);
      if (at === -1) return undefined;
      const record = recordOf(goods[at]!) as JsonObject;
      refuseIdentityChange(record, patch, ['resource_id', 'resource_type']);
      goods[at] = goodsOfRecord(deepMerge(record, patch));
      Object.assign(catalog, indexGoods(goods), { version: catalog.version + 1 });
      return goods[at].fixed;
    },
  };
  return catalog;
}

/**
 * The example as an extra merchant's catalog holds it: the same resource_id, its own goods_name
 * (`呜呜 (m2)`) and prices (`n - 1` yuan more, in fen, for `m<n>`).
 */
function merchantExampleRecord(merchant: string): Readonly<Record<string, unknown>> {
  const raise = (fen: unknown): number => Number(fen) + (merchantNumber(merchant) - 1) * 100;
  const record = EXAMPLE_GOODS_RECORD;
  const sku = (record.sku as JsonObject[]).map((s) => ({ ...s, sku_price: raise(s.sku_price) }));
  return deepMerge(record, {
    goods_name: `${String(record.goods_name)} (${merchant})`,
    price_low: raise(record.price_low),
    price_high: raise(record.price_high),
    sku,
  });
}

/** Goods kept whole (the example, patched goods): the indexed fields read from the record. */
function goodsOfRecord(record: Readonly<Record<string, unknown>>): XiaoeGoods {
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

/** Least-recently-used cache of built records (a Map keeps insertion order). */
function createRecordCache(seed: number, appId: string): XiaoeCatalog['recordOf'] {
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
    const record = generateGoodsRecord(head, bodyRng(seed, head.seq), appId);
    cache.set(goods.key, record);
    if (cache.size > RECORD_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return record;
  };
}
