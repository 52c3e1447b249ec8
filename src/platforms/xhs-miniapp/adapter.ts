/**
 * XHS_MINIAPP: the mini-program's deal products are documented through a list API only
 * (`product/batch_get`), so the adapter has no `lookup` (the core answers UNSUPPORTED_OPERATION) and
 * offers `listPage` to the catalog listing instead.
 */
import type { XhsMiniappCredentials } from './credentials';
import type { AdapterOptions, CallContext, ListedPage, PlatformAdapter } from '../types';
import { createXhsMiniappClient, MINIAPP_FIRST_PAGE_NO, MINIAPP_MAX_PAGE_SIZE } from './client';
import { createMiniappListing } from './list';
import { mapMiniappProduct } from './mapper';

/** `item_id` (小红书内部商品id): letters, digits, `_` and `-`, at most 64 characters. */
const MINIAPP_ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface MiniappListQuery {
  /** From MINIAPP_FIRST_PAGE_NO (0). */
  pageNo: number;
  /** 1..MINIAPP_MAX_PAGE_SIZE. */
  pageSize: number;
  /** The raw product status; undefined lists every status but deleted. */
  status?: number | undefined;
}

export interface XhsMiniappAdapter extends PlatformAdapter<XhsMiniappCredentials> {
  readonly maxPageSize: number;
  readonly firstPageNo: number;
  /** One upstream page, mapped. Rejects with the UpstreamError of a failed call. */
  listPage(query: MiniappListQuery, call: CallContext<XhsMiniappCredentials>): Promise<ListedPage>;
}

export function createXhsMiniappAdapter(options: AdapterOptions): XhsMiniappAdapter {
  const client = createXhsMiniappClient(options);
  const listPage = async (query: MiniappListQuery, call: CallContext<XhsMiniappCredentials>): Promise<ListedPage> => {
    const page = await client.batchGet(query.pageNo, query.pageSize, query.status, call.credentials, call.deadline);
    return { total: page.total, products: page.list.map(mapMiniappProduct) };
  };
  return {
    code: 'XHS_MINIAPP',
    capabilities: {
      maxIdsPerCall: null,
      maxConcurrentCalls: 4,
      fieldSelection: false,
      idFormat: 'mini-program item_id (小红书内部商品id), e.g. 65a1f0c2e4b0a1b2c3d4e5f6',
      accessTokenCalls: 1,
    },
    maxPageSize: MINIAPP_MAX_PAGE_SIZE,
    firstPageNo: MINIAPP_FIRST_PAGE_NO,
    validateId(id) {
      return MINIAPP_ITEM_ID.test(id) ? undefined : `a mini-program item_id is 1-64 letters, digits, "_" or "-", got "${id}"`;
    },
    listPage,
    listing: createMiniappListing(listPage),
  };
}
