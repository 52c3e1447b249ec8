/**
 * WECHAT_SHOP: the mini shop has no batch lookup, so each product is one `product/spu/get`
 * (docs/platforms.md, "WeChat mini shop: tokens and the envelope"), plus one `product/sku/get_list` when the selection needs SKU
 * details (fields.ts). Both calls of a product go out together. Online data is read (`need_edit_spu`/`need_edit_sku` 0: what
 * buyers see) with the live stock (`need_real_stock` 1).
 */
import type { WechatCredentials } from './credentials';
import { mapWithConcurrency } from '../../util/mapWithConcurrency';
import type { Product } from '../../generated/graphql';
import { NotFoundError, UpstreamError, badResponse } from '../errors';
import type { AdapterOptions, CallContext, PlatformAdapter, PlatformCapabilities } from '../types';
import { createWechatClient, type WechatClient, type WechatClientOptions } from './client';
import { planWechatFetch, type WechatFetchPlan } from './fields';
import { createWechatListing } from './list';
import { mapWechatProduct, type WechatRecord } from './mapper';
import { idText, toWireJson } from './wireJson';
import { isRecord } from '../../util/isRecord';

const PLATFORM = 'WECHAT_SHOP';
const UINT64_MAX = 2n ** 64n - 1n;

const CAPABILITIES: PlatformCapabilities = {
  maxIdsPerCall: 1,
  maxConcurrentCalls: 8,
  fieldSelection: false,
  idFormat: 'product_id (decimal digits), e.g. 12345',
  accessTokenCalls: 1,
};

export function createWechatAdapter(options: AdapterOptions | WechatClientOptions): PlatformAdapter<WechatCredentials> {
  const client = createWechatClient(options);
  return {
    code: PLATFORM,
    capabilities: CAPABILITIES,
    validateId: validateProductId,
    quotaKey: (credentials) => credentials.appId,
    listing: createWechatListing(client, options.guard),
    lookupCalls: (ids, selection) => ids * (planWechatFetch(selection).skuDetails ? 2 : 1),
    async lookup(ids, selection, call) {
      const plan = planWechatFetch(selection);
      const results = new Array<Product | Error>(ids.length);
      // The loaders hand one id per call (maxIdsPerCall 1); a direct caller with several gets them bounded.
      await mapWithConcurrency([...ids.keys()], CAPABILITIES.maxConcurrentCalls, async (i) => {
        results[i] = await lookupOne(client, ids[i]!, plan, call);
      });
      return results;
    },
  };
}

/** One product: the product, a NotFoundError, or the UpstreamError of whichever call failed. */
async function lookupOne(
  client: WechatClient,
  id: string,
  plan: WechatFetchPlan,
  { credentials, deadline }: CallContext<WechatCredentials>,
): Promise<Product | Error> {
  const productId = BigInt(id);
  const spuCall = client.postForProduct('product/spu/get', toWireJson({ product_id: productId, need_edit_spu: 0 }), credentials, deadline);
  const skuCall = plan.skuDetails
    ? client.postForProduct(
        'product/sku/get_list',
        toWireJson({ product_id: productId, need_edit_sku: 0, need_real_stock: 1 }),
        credentials,
        deadline,
      )
    : undefined;
  const [spuResult, skuResult] = await Promise.allSettled([spuCall, skuCall]);
  if (spuResult.status === 'rejected') return failure(spuResult.reason);
  if (skuResult.status === 'rejected') return failure(skuResult.reason);
  // 9401002 "SPU does not exist" (for sku/get_list too: the product is gone): the id is not the merchant's.
  if (spuResult.value === undefined || (plan.skuDetails && skuResult.value === undefined)) return new NotFoundError(PLATFORM, id);
  const spu = recordAt(spuResult.value, 'data', 'spu');
  const skus = skuResult.value === undefined ? undefined : recordsAt(skuResult.value, 'skus');
  if (!spu || idText(spu.product_id) === undefined) return badResponse(PLATFORM, 'no data.spu with a product_id');
  if (plan.skuDetails && !skus) return badResponse(PLATFORM, 'skus is not a list of SKUs');
  return mapWechatProduct({ spu, skus, raw: plan.raw });
}

/** The UpstreamError of a failed call, as this id's result; anything else is a bug and rejects. */
function failure(reason: unknown): Error {
  if (!(reason instanceof UpstreamError)) throw reason;
  return reason;
}

function recordAt(envelope: WechatRecord, ...path: string[]): WechatRecord | undefined {
  let value: unknown = envelope;
  for (const key of path) value = isRecord(value) ? value[key] : undefined;
  return isRecord(value) ? value : undefined;
}

function recordsAt(envelope: WechatRecord, key: string): WechatRecord[] | undefined {
  const list = envelope[key];
  return Array.isArray(list) && list.every(isRecord) ? list : undefined;
}

/**
 * `product_id` is a uint64 (the sku pages' example has 23423523452345235, beyond JavaScript's exact
 * integers; the client writes it into the body as exact digits). Canonical decimal only, so the
 * answer's id text matches the id asked for.
 */
export function validateProductId(id: string): string | undefined {
  if (!/^[1-9][0-9]{0,19}$/.test(id) || BigInt(id) > UINT64_MAX) {
    return 'a WeChat product_id is a positive whole number written in decimal digits, without leading zeros';
  }
  return undefined;
}
