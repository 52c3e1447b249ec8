/**
 * Ark listing without per-request scans: one pre-sorted array per (status, buyable) combination, the
 * update-time range found by binary search in it (the arrays are sorted by `update_time`), and the
 * filters no order serves (create time, stock) applied once per distinct filter and kept (few filters
 * are live at once: a client pages through one).
 */
import type { ArkRecord } from './catalog';

/** The page's filters, all inclusive ranges (its `_from`/`_to`, `_gte`/`_lte`). */
export interface ArkFilter {
  status?: number | undefined;
  buyable?: boolean | undefined;
  createTimeFrom?: number | undefined;
  createTimeTo?: number | undefined;
  updateTimeFrom?: number | undefined;
  updateTimeTo?: number | undefined;
  stockGte?: number | undefined;
  stockLte?: number | undefined;
}

/** The matching records are `list[start..end)`, in listing order. */
export interface ArkSelection {
  list: readonly ArkRecord[];
  start: number;
  end: number;
}

const FILTERED_KEPT = 32;
const EMPTY: readonly ArkRecord[] = [];

export class ArkListIndex {
  private readonly groups = new Map<string, ArkRecord[]>();
  private readonly filtered = new Map<string, ArkRecord[]>();

  /** `records` in listing order (`update_time` descending, then id). */
  constructor(records: readonly ArkRecord[]) {
    for (const record of records) {
      for (const key of [
        groupKey(undefined, undefined),
        groupKey(record.status, undefined),
        groupKey(undefined, record.buyable),
        groupKey(record.status, record.buyable),
      ]) {
        let group = this.groups.get(key);
        if (!group) this.groups.set(key, (group = []));
        group.push(record);
      }
    }
  }

  select(filter: ArkFilter): ArkSelection {
    const group = this.groups.get(groupKey(filter.status, filter.buyable)) ?? EMPTY;
    const start = filter.updateTimeTo === undefined ? 0 : firstIndex(group, (r) => r.updateTime <= filter.updateTimeTo!);
    const end = filter.updateTimeFrom === undefined ? group.length : firstIndex(group, (r) => r.updateTime < filter.updateTimeFrom!);
    if (end <= start) return { list: EMPTY, start: 0, end: 0 };
    if (!needsScan(filter)) return { list: group, start, end };
    const list = this.scanOnce(filter, group, start, end);
    return { list, start: 0, end: list.length };
  }

  private scanOnce(filter: ArkFilter, group: readonly ArkRecord[], start: number, end: number): ArkRecord[] {
    const key = JSON.stringify(filter);
    let list = this.filtered.get(key);
    if (list) return list;
    list = group.slice(start, end).filter((record) => matchesScanned(filter, record));
    if (this.filtered.size >= FILTERED_KEPT) this.filtered.delete(this.filtered.keys().next().value!);
    this.filtered.set(key, list);
    return list;
  }
}

function groupKey(status: number | undefined, buyable: boolean | undefined): string {
  return `${status ?? '*'}|${buyable ?? '*'}`;
}

function needsScan(filter: ArkFilter): boolean {
  return (
    filter.createTimeFrom !== undefined ||
    filter.createTimeTo !== undefined ||
    filter.stockGte !== undefined ||
    filter.stockLte !== undefined
  );
}

function matchesScanned(filter: ArkFilter, record: ArkRecord): boolean {
  return (
    (filter.createTimeFrom === undefined || record.createTime >= filter.createTimeFrom) &&
    (filter.createTimeTo === undefined || record.createTime <= filter.createTimeTo) &&
    (filter.stockGte === undefined || record.stock >= filter.stockGte) &&
    (filter.stockLte === undefined || record.stock <= filter.stockLte)
  );
}

/** The first index whose record satisfies `pred`, which is false then true along the list. */
function firstIndex(list: readonly ArkRecord[], pred: (record: ArkRecord) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (pred(list[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
