/**
 * Xiaoe flags -> ProductStatus, following the goods detail 2.0 page's field descriptions:
 * is_deleted "是否删除 0正常 1已删除"; is_forbid "商品是否被封禁 0 = 否,1 = 是"; is_stop_sell "是否停售 0否 1是";
 * sale_status "上架状态 0下架 1上架 2待上架"; SKU state "上下架状态 1上架 0下架".
 * Xiaoe has no sold-out state: a status never depends on the stock block (which is only fetched when
 * stock is selected), so the same goods has the same status whatever else a query asks for.
 */
import type { ProductStatus } from '../../generated/graphql';
import { asCode } from '../readCount';

/** sale_status (detail page: 上架状态). */
const SALE_STATUS: ReadonlyMap<number, ProductStatus> = new Map<number, ProductStatus>([
  [0, 'OFF_SALE'], // 下架
  [1, 'ON_SALE'], // 上架
  [2, 'SCHEDULED'], // 待上架
]);

/** SKU `state` (detail page: 上下架状态). */
const SKU_STATE: ReadonlyMap<number, ProductStatus> = new Map<number, ProductStatus>([
  [0, 'OFF_SALE'],
  [1, 'ON_SALE'],
]);

export interface MappedStatus {
  status: ProductStatus;
  /** e.g. `sale_status=1`, with `is_deleted=1`, `is_forbid=1`, `is_stop_sell=1` appended when set. */
  rawStatus: string | null;
}

/** A 0/1 flag set, whether sent as the documented int or as its text ("1"). */
export function isFlagSet(value: unknown): boolean {
  return asCode(value) === 1;
}

/** Deleted beats banned beats stopped beats the sale status. */
export function toXiaoeStatus(record: Readonly<Record<string, unknown>>): MappedStatus {
  const saleStatus = asCode(record.sale_status);
  const raw = [`sale_status=${formatRaw(record.sale_status)}`];
  for (const flag of ['is_deleted', 'is_forbid', 'is_stop_sell']) if (isFlagSet(record[flag])) raw.push(`${flag}=1`);
  const rawStatus = raw.join(',');
  if (isFlagSet(record.is_deleted)) return { status: 'DELETED', rawStatus };
  if (isFlagSet(record.is_forbid)) return { status: 'BANNED', rawStatus };
  const status = (saleStatus !== undefined && SALE_STATUS.get(saleStatus)) || 'UNKNOWN';
  // 停售: still listed, but it cannot be bought.
  if (status === 'ON_SALE' && isFlagSet(record.is_stop_sell)) return { status: 'OFF_SALE', rawStatus };
  return { status, rawStatus };
}

/** The SKU's own status (its `state` and `is_deleted`), before its product's status caps it (skuRules.ts). */
export function toXiaoeSkuStatus(sku: Readonly<Record<string, unknown>>): MappedStatus {
  const deleted = isFlagSet(sku.is_deleted);
  const rawStatus = deleted ? `state=${formatRaw(sku.state)},is_deleted=1` : `state=${formatRaw(sku.state)}`;
  if (deleted) return { status: 'DELETED', rawStatus };
  const state = asCode(sku.state);
  const status = (state !== undefined && SKU_STATE.get(state)) || 'UNKNOWN';
  return { status, rawStatus };
}

function formatRaw(value: unknown): string {
  if (value === undefined || value === null) return '';
  // A JSON scalar reads as itself (a string without quotes); anything else as its JSON.
  return typeof value === 'string' ? value : JSON.stringify(value);
}
