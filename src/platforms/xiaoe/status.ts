/**
 * Xiaoe flags -> ProductStatus, following the goods detail 2.0 page's field descriptions:
 * is_deleted "是否删除 0正常 1已删除"; is_forbid "商品是否被封禁 0 = 否,1 = 是"; is_stop_sell "是否停售 0否 1是";
 * sale_status "上架状态 0下架 1上架 2待上架"; SKU state "上下架状态 1上架 0下架".
 * Xiaoe has no sold-out state: a status never depends on the stock block (which is only fetched when
 * stock is selected), so the same goods has the same status whatever else a query asks for.
 */
import type { ProductStatus } from '../../generated/graphql';

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

/** Deleted beats banned beats stopped beats the sale status. */
export function toXiaoeStatus(record: Readonly<Record<string, unknown>>): MappedStatus {
  const saleStatus = record.sale_status;
  const raw = [`sale_status=${formatRaw(saleStatus)}`];
  for (const flag of ['is_deleted', 'is_forbid', 'is_stop_sell']) if (record[flag] === 1) raw.push(`${flag}=1`);
  const rawStatus = raw.join(',');
  if (record.is_deleted === 1) return { status: 'DELETED', rawStatus };
  if (record.is_forbid === 1) return { status: 'BANNED', rawStatus };
  const status = (typeof saleStatus === 'number' && SALE_STATUS.get(saleStatus)) || 'UNKNOWN';
  // 停售: still listed, but it cannot be bought.
  if (status === 'ON_SALE' && record.is_stop_sell === 1) return { status: 'OFF_SALE', rawStatus };
  return { status, rawStatus };
}

export function toXiaoeSkuStatus(sku: Readonly<Record<string, unknown>>): MappedStatus {
  const rawStatus = sku.is_deleted === 1 ? `state=${formatRaw(sku.state)},is_deleted=1` : `state=${formatRaw(sku.state)}`;
  if (sku.is_deleted === 1) return { status: 'DELETED', rawStatus };
  const status = (typeof sku.state === 'number' && SKU_STATE.get(sku.state)) || 'UNKNOWN';
  return { status, rawStatus };
}

function formatRaw(value: unknown): string {
  if (value === undefined || value === null) return '';
  // A JSON scalar reads as itself (a string without quotes); anything else as its JSON.
  return typeof value === 'string' ? value : JSON.stringify(value);
}
