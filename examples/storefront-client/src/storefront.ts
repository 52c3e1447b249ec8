/**
 * What a storefront does with the gateway: a product page, two listing pages walked by cursor, and a
 * lookup across platforms, every result typed by the client preset.
 */
import { execute, type ExecutionResult, type GraphQLErrorEntry } from './execute';
import type { CrossPlatformLookupQuery, ListingPageQuery, PlatformCode, ProductPageQuery } from './gql/graphql';
import { CrossPlatformLookup, ListingPage, ProductPage } from './operations';

export interface StorefrontRun {
  product: NonNullable<ProductPageQuery['product']>;
  /** Each listing page's products, in order. */
  listingPages: Array<ListingPageQuery['catalog']['edges']>;
  lookup: CrossPlatformLookupQuery;
}

export async function runStorefront(
  endpoint: string,
  listing: { platform: PlatformCode; pageSize: number } = { platform: 'WECHAT_SHOP', pageSize: 5 },
): Promise<StorefrontRun> {
  const page = await execute(endpoint, ProductPage, { platform: 'TAOBAO', id: '1489161932' });
  const product = expectData(page.data?.product, page.errors, 'ProductPage');

  const listingPages: StorefrontRun['listingPages'] = [];
  let after: string | null = null;
  for (let n = 0; n < 2; n++) {
    const result: ExecutionResult<ListingPageQuery> = await execute(endpoint, ListingPage, {
      platform: listing.platform,
      first: listing.pageSize,
      after,
    });
    const catalog = expectData(result.data?.catalog, result.errors, 'ListingPage');
    listingPages.push(catalog.edges);
    if (!catalog.pageInfo.hasNextPage) break;
    after = catalog.pageInfo.endCursor ?? null;
  }

  const lookup = await execute(endpoint, CrossPlatformLookup, {
    taobaoIds: ['1489161932'],
    xiaoeId: '2:a_619fba7ae4b03f3fb99c7809',
    globalId: product.id,
  });
  return { product, listingPages, lookup: expectData(lookup.data, lookup.errors, 'CrossPlatformLookup') };
}

function expectData<T>(data: T | null | undefined, errors: GraphQLErrorEntry[], operation: string): T {
  if (data === null || data === undefined || errors.length > 0) {
    throw new Error(`${operation} failed: ${errors.map((e) => `${e.extensions?.code ?? '?'} ${e.message}`).join('; ') || 'no data'}`);
  }
  return data;
}
