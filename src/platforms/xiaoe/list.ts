/**
 * The Xiaoe catalog listing over goods list 2.0 (`xe.goods.list.get/4.0.0`, docs/platforms.md, "Xiaoe-tech: tokens and the envelope"):
 * `page` from 1, `page_size` at most 100, newest created first. Filters: `goods_name` keyword,
 * `resource_type`, `sale_status` (one value; 3 = on or pending), `is_return_deleted`, and a creation
 * time range of at most 15 days, which the gateway splits into consecutive 15-day windows (newest
 * first, read one after the other). Deleted goods are left out unless `status: [DELETED]` asks for
 * them. The unified statuses other than DELETED have no exact filter: sale_status cannot exclude
 * banned (`is_forbid`) or stopped (`is_stop_sell`) goods (status.ts); `rawStatus` filters by sale_status.
 * List records lack the stock/sku/attr blocks: when the selection needs them, the page's goods are
 * fetched again with goods detail 2.0 (one call per 50, `body` from fields.ts).
 */
import type { XiaoeCredentials } from './credentials';
import type { Product, ProductFilter } from '../../generated/graphql';
import { badFilter, unsupportedFilter } from '../filterErrors';
import { rawCodes } from '../filterValues';
import { chunk } from '../../util/mapWithConcurrency';
import { pacedFanOut } from '../pacedFanOut';
import type { UpstreamGuard } from '../resilience/upstreamGuard';
import { toShanghaiLocal } from '../time';
import type { CallContext, ListPlan, ListStream, PlatformListing, ProductSelection } from '../types';
import { XIAOE_MAX_IDS_PER_CALL, detailRequest } from './detail';
import type { GoodsListParams, XiaoeClient } from './client';
import { toDetailBody } from './fields';
import { formatXiaoeId, parseXiaoeId, type XiaoeId } from './ids';
import { toXiaoeProduct } from './mapper';

export const XIAOE_LIST_PAGE_SIZE = 100;
/** The list API's longest start_time..end_time span. */
const WINDOW_MS = 15 * 24 * 3_600_000;
/** Longest createdAt range split into windows (74 windows; empty ones cost a call each when walked). */
const MAX_RANGE_MS = 3 * 366 * 24 * 3_600_000;
const SALE_STATUS_CODES = [0, 1, 2, 3];

type BaseParams = Omit<GoodsListParams, 'page' | 'pageSize' | 'startTime' | 'endTime'>;

export function createXiaoeListing(client: XiaoeClient, guard: UpstreamGuard | undefined): PlatformListing<XiaoeCredentials> {
  return {
    maxPageSize: XIAOE_LIST_PAGE_SIZE,
    filters: ['status', 'rawStatus', 'nameContains', 'resourceType', 'createdAt'],
    order: 'created_at descending (newest first)',
    plan(filter, selection) {
      const base = baseParamsOf(filter);
      const stream = (window?: { startTime: string; endTime: string }): ListStream<XiaoeCredentials> => ({
        firstPage: 1,
        fetchPage: async (page, pageSize, { credentials, deadline }) => {
          const listed = await client.listGoods({ ...base, ...window, page, pageSize }, credentials, deadline);
          return { total: listed.total, products: listed.list.map(toXiaoeProduct) };
        },
      });
      const windows = filter.createdAt ? createdWindows(filter) : [undefined];
      const body = toDetailBody(selection);
      const fetched = new Set(body?.split(',') ?? []);
      return {
        streams: windows.map(stream),
        combine: 'concat',
        complete: body === undefined ? undefined : (products, call) => withDetails(client, guard, products, body, call),
        completionCalls: (products) => Math.ceil(products / XIAOE_MAX_IDS_PER_CALL),
        covers: (lookup: ProductSelection) => (toDetailBody(lookup)?.split(',') ?? []).every((block) => fetched.has(block)),
      } satisfies ListPlan<XiaoeCredentials>;
    },
  };
}

function baseParamsOf(filter: ProductFilter): BaseParams {
  if (filter.status && filter.status.some((s) => s !== 'DELETED')) {
    throw unsupportedFilter(
      'XIAOE',
      'status',
      'only DELETED has an exact filter (is_return_deleted); sale_status cannot leave out banned or stopped goods, so filter by rawStatus (sale_status) instead',
    );
  }
  if (filter.rawStatus && filter.rawStatus.length > 1) {
    throw unsupportedFilter('XIAOE', 'rawStatus', 'the list API takes one sale_status (3 means 1 or 2)');
  }
  const saleStatus = filter.rawStatus ? (rawCodes('XIAOE', filter.rawStatus, SALE_STATUS_CODES)[0] as 0 | 1 | 2 | 3) : undefined;
  return {
    goodsName: filter.nameContains ?? undefined,
    resourceType: filter.resourceType ?? undefined,
    saleStatus,
    isReturnDeleted: filter.status ? 1 : 0,
  };
}

/** Consecutive windows of at most 15 days, newest first, covering [from, to] to the second. */
export function createdWindows(filter: ProductFilter): Array<{ startTime: string; endTime: string }> {
  const range = filter.createdAt!;
  if (!range.from || !range.to) throw badFilter('XIAOE', 'createdAt', 'the list API needs both ends of a time range (from and to)');
  const from = Math.ceil(Date.parse(range.from) / 1000) * 1000;
  const to = Math.floor(Date.parse(range.to) / 1000) * 1000;
  if (to < from) throw badFilter('XIAOE', 'createdAt', '`to` is before `from`');
  if (to - from > MAX_RANGE_MS) throw badFilter('XIAOE', 'createdAt', 'a range may span at most 3 years (74 windows of 15 days)');
  const windows: Array<{ startTime: string; endTime: string }> = [];
  for (let end = to; end >= from; end -= WINDOW_MS + 1000) {
    windows.push({ startTime: toShanghaiLocal(Math.max(from, end - WINDOW_MS)), endTime: toShanghaiLocal(end) });
  }
  return windows;
}

/**
 * The products again from goods detail 2.0 with `body`, in order; one that vanished meanwhile stays as
 * listed. The calls (one per 50 ids) go out together as Xiaoe's quota allows (pacedFanOut.ts).
 */
async function withDetails(
  client: XiaoeClient,
  guard: UpstreamGuard | undefined,
  products: readonly Product[],
  body: string,
  { credentials, deadline }: CallContext<XiaoeCredentials>,
): Promise<Product[]> {
  const ids = products.map((p) => parseXiaoeId(p.platformProductId)).filter((id): id is XiaoeId => id !== undefined);
  const detailed = new Map<string, Product>();
  await pacedFanOut({ guard, credentialKey: credentials.appId, deadline }, chunk(ids, XIAOE_MAX_IDS_PER_CALL), async (group) => {
    const records = await client.getGoodsDetail(detailRequest(group, body), credentials, deadline);
    for (const record of records)
      detailed.set(formatXiaoeId(Number(record.resource_type), String(record.resource_id)), toXiaoeProduct(record));
  });
  return products.map((p) => detailed.get(p.platformProductId) ?? p);
}
