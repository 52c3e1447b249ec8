/**
 * The Ark catalog listing over `GET /ark/open_api/v1/items` (its API page, 商品列表完整版): page_no
 * from 1, page_size at most 50; filters status (0/1/2), buyable, create/update time ranges (unix
 * seconds) and stock bounds, all applied by Ark itself. Several raw statuses are one stream each,
 * merged in Ark's listing order. Ark's page documents no order; the gateway relies on `update_time`
 * descending, then item id ascending (what the sandbox serves). A unified `status` is not offered: the
 * sale status is read from `is_frozen`, which the API cannot filter (mapper.ts).
 */
import type { XhsArkCredentials } from './credentials';
import type { ProductFilter } from '../../generated/graphql';
import { statusCodesFor, toUnixSecondsRange } from '../filterValues';
import { compareUpdatedDescThenPlatformId } from '../listOrder';
import type { CallContext, ListedPage, ListPlan, PlatformListing } from '../types';
import { ARK_MAX_PAGE_SIZE } from './client';
import type { ArkItemsQuery } from './types';

type ListPage = (query: ArkItemsQuery, call: CallContext<XhsArkCredentials>) => Promise<ListedPage>;

const ARK_STATUS_CODES = [0, 1, 2] as const;

export function createArkListing(listPage: ListPage): PlatformListing<XhsArkCredentials> {
  return {
    maxPageSize: ARK_MAX_PAGE_SIZE,
    filters: ['rawStatus', 'buyable', 'createdAt', 'updatedAt', 'stock'],
    order: 'update_time descending, then item id',
    plan(filter) {
      const base = arkQueryOf(filter);
      const statuses: Array<0 | 1 | 2 | undefined> = filter.rawStatus
        ? (statusCodesFor('XHS_ARK', filter, {}, ARK_STATUS_CODES, []) as Array<0 | 1 | 2>)
        : [undefined];
      return {
        streams: statuses.map((status) => ({
          firstPage: 1,
          fetchPage: (page, pageSize, call) => listPage({ ...base, status, page_no: page, page_size: pageSize }, call),
        })),
        combine: 'merge',
        compare: compareUpdatedDescThenPlatformId,
        // The list is Ark's only source of a product: what it gives is all there is.
        covers: () => true,
      } satisfies ListPlan<XhsArkCredentials>;
    },
  };
}

function arkQueryOf(filter: ProductFilter): ArkItemsQuery {
  const created = toUnixSecondsRange(filter.createdAt);
  const updated = toUnixSecondsRange(filter.updatedAt);
  const query: ArkItemsQuery = {
    buyable: filter.buyable ?? undefined,
    create_time_from: created.from,
    create_time_to: created.to,
    update_time_from: updated.from,
    update_time_to: updated.to,
    stock_gte: filter.stock?.min ?? undefined,
    stock_lte: filter.stock?.max ?? undefined,
  };
  return query;
}
