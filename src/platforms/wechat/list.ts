/**
 * The WeChat mini shop catalog listing over `product/spu/get_list` (its API page): `status`
 * required, `page` from 1, `page_size` at most 300, `need_edit_spu` 1 for drafts. A filter of several
 * statuses, and no status filter at all, is one stream per status, merged by product_id (each status's
 * list comes in product_id order). Without a status filter every status but the deleted ones (6
 * recycle bin, 9 logically deleted) is listed, like the mini-program's API does by itself; ask for
 * `status: DELETED` to see those. SKU details come from `product/sku/get_list`, one call per listed
 * product, only when the selection needs them (fields.ts), for the products returned only, all at
 * once as the quota allows (pacedFanOut.ts).
 */
import type { WechatCredentials } from './credentials';
import type { Product, ProductStatus } from '../../generated/graphql';
import { statusCodesFor } from '../filterValues';
import { badResponse } from '../errors';
import { pacedFanOut } from '../pacedFanOut';
import type { UpstreamGuard } from '../resilience/upstreamGuard';
import type { CallContext, ListedPage, ListPlan, PlatformListing } from '../types';
import type { WechatClient } from './client';
import { planWechatFetch } from './fields';
import { mapWechatProduct, type WechatRecord } from './mapper';
import { WECHAT_STATUS } from './statusTables';
import { toWireJson } from './wireJson';
import { isRecord } from '../../util/isRecord';

/** The page's documented maximum of `page_size`. */
export const WECHAT_LIST_PAGE_SIZE = 300;
const DOCUMENTED_STATUSES = Object.keys(WECHAT_STATUS).map(Number);
const DELETED_STATUSES = [6, 9];
const DEFAULT_STATUSES = DOCUMENTED_STATUSES.filter((s) => !DELETED_STATUSES.includes(s));
/** Unified status -> `status` codes, inverted from statusTables.ts (SCHEDULED: none). */
const CODES_BY_STATUS: Partial<Record<ProductStatus, number[]>> = { SCHEDULED: [] };
for (const [code, status] of Object.entries(WECHAT_STATUS)) (CODES_BY_STATUS[status] ??= []).push(Number(code));

export function createWechatListing(client: WechatClient, guard: UpstreamGuard | undefined): PlatformListing<WechatCredentials> {
  return {
    maxPageSize: WECHAT_LIST_PAGE_SIZE,
    filters: ['status', 'rawStatus', 'draft'],
    order: 'product_id ascending',
    plan(filter, selection) {
      const draft = filter.draft === true;
      const statuses = statusCodesFor('WECHAT_SHOP', filter, CODES_BY_STATUS, DOCUMENTED_STATUSES, DEFAULT_STATUSES);
      const fetch = planWechatFetch(selection);
      const spus = new WeakMap<Product, WechatRecord>();
      return {
        streams: statuses.map((status) => ({
          firstPage: 1,
          fetchPage: (page, pageSize, call) => fetchSpuPage(client, { status, page, pageSize, draft }, spus, call),
        })),
        combine: 'merge',
        compare: (a, b) => compareProductIds(a.platformProductId, b.platformProductId),
        complete: fetch.skuDetails
          ? (products, call) => withSkuDetails(client, guard, products, spus, { draft, raw: fetch.raw }, call)
          : undefined,
        completionCalls: (products) => products,
        // A draft is not what a lookup (online data) answers.
        covers: (lookup) => !draft && (fetch.skuDetails || !planWechatFetch(lookup).skuDetails),
      } satisfies ListPlan<WechatCredentials>;
    },
  };
}

async function fetchSpuPage(
  client: WechatClient,
  query: { status: number; page: number; pageSize: number; draft: boolean },
  spus: WeakMap<Product, WechatRecord>,
  { credentials, deadline }: CallContext<WechatCredentials>,
): Promise<ListedPage> {
  const body = toWireJson({ status: query.status, page: query.page, page_size: query.pageSize, need_edit_spu: query.draft ? 1 : 0 });
  const envelope = await client.post('product/spu/get_list', body, credentials, deadline);
  const { total_num: total, spus: list } = envelope;
  if (typeof total !== 'number' || !Array.isArray(list) || !list.every(isRecord))
    throw badResponse('WECHAT_SHOP', 'get_list answer without total_num and spus');
  const products = list.map((spu) => {
    const product = mapWechatProduct({ spu });
    spus.set(product, spu);
    return product;
  });
  return { total, products };
}

/** The products again, mapped with their SKUs from product/sku/get_list (same version as the spu). */
function withSkuDetails(
  client: WechatClient,
  guard: UpstreamGuard | undefined,
  products: readonly Product[],
  spus: WeakMap<Product, WechatRecord>,
  options: { draft: boolean; raw: boolean },
  { credentials, deadline }: CallContext<WechatCredentials>,
): Promise<Product[]> {
  return pacedFanOut({ guard, credentialKey: credentials.appId, deadline }, products, async (product) => {
    const body = toWireJson({ product_id: BigInt(product.platformProductId), need_edit_sku: options.draft ? 1 : 0, need_real_stock: 1 });
    const envelope = await client.post('product/sku/get_list', body, credentials, deadline);
    const skus = envelope.skus;
    if (!Array.isArray(skus) || !skus.every(isRecord)) throw badResponse('WECHAT_SHOP', 'sku/get_list answer without skus');
    return mapWechatProduct({ spu: spus.get(product)!, skus, raw: options.raw });
  });
}

/** product_id order: canonical decimal text, compared as numbers without losing uint64 digits. */
export function compareProductIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
