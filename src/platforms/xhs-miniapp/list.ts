/**
 * The mini-program catalog listing over `product/batch_get` (its API page): page_no from 0,
 * page_size at most 100 [assumptions, client.ts], one optional `status`. Without a status filter the
 * API lists every product but the deleted ones, which is also the gateway's default. A unified status
 * is the set of raw statuses the mapper's table gives it (DRAFT: 0, 1 and 3), one stream each,
 * merged in the listing order `biz_update_time` descending, then item_id (the sandbox's; the page
 * documents none).
 */
import type { XhsMiniappCredentials } from './credentials';
import type { ProductStatus } from '../../generated/graphql';
import { statusCodesFor } from '../filterValues';
import { compareUpdatedDescThenPlatformId } from '../listOrder';
import type { CallContext, ListedPage, ListPlan, PlatformListing } from '../types';
import type { MiniappListQuery } from './adapter';
import { MINIAPP_FIRST_PAGE_NO, MINIAPP_MAX_PAGE_SIZE } from './client';
import { MINIAPP_PRODUCT_STATUS } from './mapper';

type ListPage = (query: MiniappListQuery, call: CallContext<XhsMiniappCredentials>) => Promise<ListedPage>;

const KNOWN_CODES = [...MINIAPP_PRODUCT_STATUS.keys()];
/** Unified status -> raw codes, inverted from the mapper's table (SOLD_OUT, SCHEDULED: none). */
const CODES_BY_STATUS: Partial<Record<ProductStatus, number[]>> = { SOLD_OUT: [], SCHEDULED: [] };
for (const [code, { status }] of MINIAPP_PRODUCT_STATUS) (CODES_BY_STATUS[status] ??= []).push(code);

export function createMiniappListing(listPage: ListPage): PlatformListing<XhsMiniappCredentials> {
  return {
    maxPageSize: MINIAPP_MAX_PAGE_SIZE,
    filters: ['status', 'rawStatus'],
    order: 'biz_update_time descending, then item_id',
    plan(filter) {
      const filtered = filter.status || filter.rawStatus;
      const statuses: Array<number | undefined> = filtered
        ? statusCodesFor('XHS_MINIAPP', filter, CODES_BY_STATUS, KNOWN_CODES, [])
        : [undefined];
      return {
        streams: statuses.map((status) => ({
          firstPage: MINIAPP_FIRST_PAGE_NO,
          fetchPage: (pageNo, pageSize, call) => listPage({ pageNo, pageSize, status }, call),
        })),
        combine: 'merge',
        compare: compareUpdatedDescThenPlatformId,
        covers: () => true,
      } satisfies ListPlan<XhsMiniappCredentials>;
    },
  };
}
