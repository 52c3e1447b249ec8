/**
 * XHS_ARK: the Ark open API v1 documents a list API only (`GET /ark/open_api/v1/items`), so the
 * adapter has no `lookup` (the core answers UNSUPPORTED_OPERATION) and offers `listPage` to the
 * catalog listing instead.
 */
import type { XhsArkCredentials } from './credentials';
import type { AdapterOptions, CallContext, ListedPage, PlatformAdapter } from '../types';
import { ARK_MAX_PAGE_SIZE, createXhsArkClient, type XhsArkClientOptions } from './client';
import { mapArkHit } from './mapper';
import { createArkListing } from './list';
import type { ArkItemsQuery } from './types';

/** Ark ids are 24 lowercase hex characters (MongoDB object ids), e.g. `58e5a8e4c9d7597de8649ab5`. */
const ARK_ITEM_ID = /^[0-9a-f]{24}$/;

export interface XhsArkAdapter extends PlatformAdapter<XhsArkCredentials> {
  /** Ark's page size cap. */
  readonly maxPageSize: number;
  /** One upstream page, mapped. Rejects with the UpstreamError of a failed call. */
  listPage(query: ArkItemsQuery, call: CallContext<XhsArkCredentials>): Promise<ListedPage>;
}

export function createXhsArkAdapter(options: AdapterOptions | XhsArkClientOptions): XhsArkAdapter {
  const client = createXhsArkClient(options);
  const listPage = async (query: ArkItemsQuery, call: CallContext<XhsArkCredentials>): Promise<ListedPage> => {
    const page = await client.listItems(query, call.credentials, call.deadline);
    return { total: page.total, products: page.hits.map(mapArkHit) };
  };
  return {
    code: 'XHS_ARK',
    capabilities: {
      maxIdsPerCall: null,
      maxConcurrentCalls: 4,
      fieldSelection: false,
      idFormat: 'Ark item id: 24 lowercase hex characters, e.g. 58e5a8e4c9d7597de8649ab5',
    },
    maxPageSize: ARK_MAX_PAGE_SIZE,
    validateId(id) {
      return ARK_ITEM_ID.test(id)
        ? undefined
        : `an Ark item id is 24 lowercase hex characters (e.g. 58e5a8e4c9d7597de8649ab5), got "${id}"`;
    },
    listPage,
    listing: createArkListing(listPage),
  };
}
