/**
 * `product/spu/get_list` (its API page) and `product/spu/get` (docs/platforms.md, "WeChat mini shop:
 * tokens and the envelope"). Both answer spus whose `skus` hold only `sku_id`; `need_edit_spu` 1 answers each spu's
 * draft version (its pending edit, with the same status and edit_status), 0 the online one.
 */
import type { SandboxRoute } from '../../types';
import { businessRoute, type WechatShops } from './businessRoute';
import { wechatError, wechatOk } from './envelope';
import { flagParam, intParam, ParamError, stringParam } from './params';
import type { WechatCatalog } from './catalog';
import type { WechatProductEntry } from './records';
import { WECHAT_SPU_STATUSES } from './records';

/** Documented maximum of `page_size`. */
export const WECHAT_MAX_PAGE_SIZE = 300;
/** `source` bit of the mini shop's own products; the sandbox has no AMS/alliance/flash-sale ones. */
const OWN_SOURCE_BIT = 1;

export function spuListRoute(shops: WechatShops): SandboxRoute {
  return businessRoute('product/spu/get_list', shops, (body, catalog) => {
    const status = intParam(body, 'status', { required: true, allowed: WECHAT_SPU_STATUSES })!;
    const page = intParam(body, 'page', { required: true, min: 1 })!;
    const pageSize = intParam(body, 'page_size', { required: true, min: 1, max: WECHAT_MAX_PAGE_SIZE })!;
    const draft = flagParam(body, 'need_edit_spu');
    const source = intParam(body, 'source', { min: 1 }) ?? OWN_SOURCE_BIT;
    if ((source & OWN_SOURCE_BIT) === 0) return wechatOk({ total_num: 0, spus: [] });
    const products = catalog.page(status, (page - 1) * pageSize, pageSize);
    return wechatOk({ total_num: catalog.count(status), spus: products.map((p) => (draft ? p.draft : p.online)) });
  });
}

export function spuGetRoute(shops: WechatShops): SandboxRoute {
  return businessRoute('product/spu/get', shops, (body, catalog) => {
    const draft = flagParam(body, 'need_edit_spu');
    const product = findProduct(catalog, body);
    if (!product) return wechatError(9401002);
    return wechatOk({ data: { spu: draft ? product.draft : product.online } });
  });
}

/** By `product_id`, else `out_product_id` (the page's "one of the two"); neither is 9401020. */
function findProduct(catalog: WechatCatalog, body: Record<string, unknown>): WechatProductEntry | undefined {
  const productId = intParam(body, 'product_id', { min: 1 });
  const outProductId = stringParam(body, 'out_product_id');
  if (productId !== undefined) return catalog.product(productId);
  if (outProductId !== undefined) return catalog.productByOutId(outProductId);
  throw new ParamError('product_id or out_product_id is required');
}
