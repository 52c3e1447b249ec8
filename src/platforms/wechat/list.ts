/**
 * The WeChat mini shop catalog listing over `product/spu/get_list` (its API page): `status`
 * required, `page` from 1, `page_size` at most 300, `need_edit_spu` 1 for drafts. A filter of several
 * statuses, and no status filter at all, is one stream per status, merged by product_id (each status's
 * list comes in product_id order). Without a status filter every status but the deleted ones (6
 * recycle bin, 9 logically deleted) is listed, like the mini-program's API does by itself; ask for
 * `status: DELETED` to see those. SKU details come from `product/sku/get_list`, one call per listed
 * product, only when the selection needs them (fields.ts), for the products returned only, all at
 * once as the quota allows (pacedFanOut.ts); for a page read again, the products it completed last
 * time get theirs beside the page call (skuPrefetch.ts).
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
import { CompletedPages, EarlySkuCalls } from './skuPrefetch';
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

/** One `product/spu/get_list` page query. */
type Query = { status: number; page: number; pageSize: number; draft: boolean };

export function createWechatListing(client: WechatClient, guard: UpstreamGuard | undefined): PlatformListing<WechatCredentials> {
  const completed = new CompletedPages();
  return {
    maxPageSize: WECHAT_LIST_PAGE_SIZE,
    filters: ['status', 'rawStatus', 'draft'],
    order: 'product_id ascending',
    plan(filter, selection) {
      const draft = filter.draft === true;
      const statuses = statusCodesFor('WECHAT_SHOP', filter, CODES_BY_STATUS, DOCUMENTED_STATUSES, DEFAULT_STATUSES);
      const fetch = planWechatFetch(selection);
      const listed: Listed = { spus: new WeakMap(), pageOf: new WeakMap(), pages: new Set(), early: undefined };
      const sku = fetch.skuDetails ? { client, guard, completed, listed, draft, raw: fetch.raw } : undefined;
      return {
        streams: statuses.map((status) => ({
          firstPage: 1,
          fetchPage: (page, pageSize, call) => fetchSpuPage(client, { status, page, pageSize, draft }, listed, sku, call),
        })),
        combine: 'merge',
        compare: (a, b) => compareProductIds(a.platformProductId, b.platformProductId),
        complete: sku ? (products, call) => withSkuDetails(sku, products, call) : undefined,
        completionCalls: (products) => products,
        // A draft is not what a lookup (online data) answers.
        covers: (lookup) => !draft && (fetch.skuDetails || !planWechatFetch(lookup).skuDetails),
      } satisfies ListPlan<WechatCredentials>;
    },
  };
}

/** What one plan (one request) read: each product's spu and page, and its early SKU calls. */
interface Listed {
  spus: WeakMap<Product, WechatRecord>;
  /** The page key (pageKey) each listed product came from. */
  pageOf: WeakMap<Product, string>;
  /** Keys of the pages read. */
  pages: Set<string>;
  early: EarlySkuCalls<WechatRecord[]> | undefined;
}

/** How a plan completes its products with SKU details. */
interface SkuCompletion {
  client: WechatClient;
  guard: UpstreamGuard | undefined;
  completed: CompletedPages;
  listed: Listed;
  draft: boolean;
  raw: boolean;
}

/** A page query of one credential: what CompletedPages remembers a page by. */
function pageKey(appId: string, { status, page, pageSize, draft }: Query): string {
  return `${appId}\n${status}\n${page}\n${pageSize}\n${draft ? 1 : 0}`;
}

async function fetchSpuPage(
  client: WechatClient,
  query: Query,
  listed: Listed,
  sku: SkuCompletion | undefined,
  call: CallContext<WechatCredentials>,
): Promise<ListedPage> {
  const { credentials, deadline } = call;
  const body = toWireJson({ status: query.status, page: query.page, page_size: query.pageSize, need_edit_spu: query.draft ? 1 : 0 });
  const key = pageKey(credentials.appId, query);
  const expected = sku ? sku.completed.recall(key) : [];
  let envelope: Promise<Record<string, unknown>>;
  if (sku && expected.length > 0) {
    // The page's quota slot is reserved first, so the early calls only take slots left over.
    const pacing = { guard: sku.guard, credentialKey: credentials.appId, deadline };
    envelope = pacedFanOut(pacing, [body], (text) => client.post('product/spu/get_list', text, credentials, deadline)).then(([e]) => e!);
    const early = (listed.early ??= new EarlySkuCalls(pacing, (productId) => fetchSkuList(sku, productId, call)));
    // Once the page call is on its way: the upstream reads requests in the order they arrive, and the
    // page is the answer the rest of the request waits for.
    setImmediate(() => early.start(expected));
  } else {
    envelope = client.post('product/spu/get_list', body, credentials, deadline);
  }
  const { total_num: total, spus: list } = await envelope;
  if (typeof total !== 'number' || !Array.isArray(list) || !list.every(isRecord))
    throw badResponse('WECHAT_SHOP', 'get_list answer without total_num and spus');
  listed.pages.add(key);
  const products = list.map((spu) => {
    const product = mapWechatProduct({ spu });
    listed.spus.set(product, spu);
    listed.pageOf.set(product, key);
    return product;
  });
  return { total, products };
}

/**
 * The products again, mapped with their SKUs from product/sku/get_list (same version as the spu): an
 * early call's answer where one went out, else a call sent now. Remembers what each page completed.
 */
async function withSkuDetails(sku: SkuCompletion, products: readonly Product[], call: CallContext<WechatCredentials>): Promise<Product[]> {
  const { listed } = sku;
  rememberCompleted(sku, products);
  const early = products.map((product) => listed.early?.take(product.platformProductId));
  const later = products.filter((_, i) => early[i] === undefined);
  const pacing = { guard: sku.guard, credentialKey: call.credentials.appId, deadline: call.deadline };
  const [earlyLists, laterLists] = await Promise.all([
    Promise.all(early.map((answer) => answer ?? Promise.resolve(undefined))),
    pacedFanOut(pacing, later, (product) => fetchSkuList(sku, product.platformProductId, call)),
  ]);
  let next = 0;
  return products.map((product, i) => {
    const skus = earlyLists[i] ?? laterLists[next++]!;
    return mapWechatProduct({ spu: listed.spus.get(product)!, skus, raw: sku.raw });
  });
}

/** For each page this plan read, the ids of its products being completed: the next read's early calls. */
function rememberCompleted({ completed, listed }: SkuCompletion, products: readonly Product[]): void {
  const byPage = new Map<string, string[]>([...listed.pages].map((key) => [key, []]));
  for (const product of products) {
    const key = listed.pageOf.get(product);
    if (key !== undefined) byPage.get(key)?.push(product.platformProductId);
  }
  for (const [key, ids] of byPage) completed.remember(key, ids);
}

/** One product's SKUs from product/sku/get_list. */
async function fetchSkuList(sku: SkuCompletion, productId: string, { credentials, deadline }: CallContext<WechatCredentials>) {
  const body = toWireJson({ product_id: BigInt(productId), need_edit_sku: sku.draft ? 1 : 0, need_real_stock: 1 });
  const envelope = await sku.client.post('product/sku/get_list', body, credentials, deadline);
  const skus = envelope.skus;
  if (!Array.isArray(skus) || !skus.every(isRecord)) throw badResponse('WECHAT_SHOP', 'sku/get_list answer without skus');
  return skus;
}

/** product_id order: canonical decimal text, compared as numbers without losing uint64 digits. */
export function compareProductIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
