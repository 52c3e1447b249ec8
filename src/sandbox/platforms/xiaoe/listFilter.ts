/**
 * The goods list call's filters over the catalog's pre-sorted arrays. The unfiltered list and the
 * per-resource_type lists are slices of arrays built once; a time range is found by binary search; any
 * other filter (keyword, sale_status, is_return_deleted) is applied once per distinct filter and the
 * result kept in a small cache, so paging through a filtered list never rescans the catalog.
 */
import type { XiaoeCatalog, XiaoeGoods } from './catalog';

export interface ListFilter {
  goodsName?: string | undefined;
  resourceType?: number | undefined;
  /** 0 off, 1 on, 2 pending, 3 on + pending (docs/platforms.md, "Xiaoe-tech: tokens and the envelope"). */
  saleStatus?: number | undefined;
  isReturnDeleted?: 0 | 1 | undefined;
  /** Inclusive bounds on created_at, epoch ms (which timestamp they filter is an assumption). */
  startMs?: number | undefined;
  endMs?: number | undefined;
}

const FILTER_CACHE_SIZE = 64;

export function createListFilter(catalog: XiaoeCatalog): (filter: ListFilter) => readonly XiaoeGoods[] {
  const cache = new Map<string, readonly XiaoeGoods[]>();
  let version = catalog.version;
  return (filter) => {
    if (catalog.version !== version) {
      cache.clear();
      version = catalog.version;
    }
    const base = filter.resourceType === undefined ? catalog.newestFirst : (catalog.byType.get(filter.resourceType) ?? []);
    const ranged = filter.startMs === undefined || filter.endMs === undefined ? base : createdBetween(base, filter.startMs, filter.endMs);
    if (filter.goodsName === undefined && filter.saleStatus === undefined && filter.isReturnDeleted === undefined) return ranged;
    const key = JSON.stringify(filter);
    const hit = cache.get(key);
    if (hit) return hit;
    const result = ranged.filter((g) => matches(g, filter));
    cache.set(key, result);
    if (cache.size > FILTER_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    return result;
  };
}

function matches(goods: XiaoeGoods, filter: ListFilter): boolean {
  if (filter.goodsName !== undefined && !goods.goodsName.includes(filter.goodsName)) return false;
  if (filter.isReturnDeleted !== undefined && goods.isDeleted !== (filter.isReturnDeleted === 1)) return false;
  if (filter.saleStatus === 3) return goods.saleStatus === 1 || goods.saleStatus === 2;
  return filter.saleStatus === undefined || goods.saleStatus === filter.saleStatus;
}

/** The slice of a newest-first array created within [startMs, endMs]. */
function createdBetween(goods: readonly XiaoeGoods[], startMs: number, endMs: number): readonly XiaoeGoods[] {
  const first = firstIndex(goods, (g) => g.createdMs <= endMs);
  const end = firstIndex(goods, (g) => g.createdMs < startMs);
  return goods.slice(first, end);
}

/** The first index where `pred` holds, for a predicate that stays true once true. */
function firstIndex(goods: readonly XiaoeGoods[], pred: (g: XiaoeGoods) => boolean): number {
  let lo = 0;
  let hi = goods.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(goods[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
