/**
 * `product/sku/get` and `product/sku/get_list` (docs/platforms.md, "WeChat mini shop: tokens and the envelope"; the mini shop's sku
 * pages). `need_edit_sku` 1 answers the draft version of each SKU (its pending price change), 0 the
 * online one. `need_real_stock` follows the page ("0: draft stock, 1: real online stock"): 0 gives the
 * `stock_num` set by the merchant's last edit, 1 the live stock (that number less what sold since).
 * An unknown SKU is 9401006 and an unknown product 9401002 (the mini shop's return-code page).
 */
import type { SandboxRoute } from '../../types';
import { businessRoute, type WechatShops } from './businessRoute';
import { wechatError, wechatOk } from './envelope';
import { flagParam, intParam, ParamError, stringParam } from './params';
import type { WechatCatalog } from './catalog';
import type { WechatSkuEntry, WechatSkuRecord } from './records';

interface SkuView {
  draft: boolean;
  realStock: boolean;
}

export function skuGetRoute(shops: WechatShops): SandboxRoute {
  return businessRoute('product/sku/get', shops, (body, catalog) => {
    const view = readView(body);
    const sku = findSku(catalog, body);
    return sku ? wechatOk({ data: renderSku(sku, view) }) : wechatError(9401006);
  });
}

export function skuListRoute(shops: WechatShops): SandboxRoute {
  return businessRoute('product/sku/get_list', shops, (body, catalog) => {
    const view = readView(body);
    const productId = intParam(body, 'product_id', { required: true, min: 1 })!;
    const product = catalog.product(productId);
    if (!product) return wechatError(9401002);
    return wechatOk({ skus: product.skus.map((sku) => renderSku(sku, view)) });
  });
}

function readView(body: Record<string, unknown>): SkuView {
  return { draft: flagParam(body, 'need_edit_sku'), realStock: flagParam(body, 'need_real_stock') };
}

function renderSku(sku: WechatSkuEntry, view: SkuView): WechatSkuRecord {
  const record = view.draft ? sku.draft : sku.online;
  return view.realStock ? { ...record, stock_num: sku.realStock } : record;
}

/** By `sku_id`, else `out_sku_id` ("one of the two"); neither is 9401020. */
function findSku(catalog: WechatCatalog, body: Record<string, unknown>): WechatSkuEntry | undefined {
  const skuId = intParam(body, 'sku_id', { min: 1 });
  const outSkuId = stringParam(body, 'out_sku_id');
  if (skuId !== undefined) return catalog.sku(skuId);
  if (outSkuId !== undefined) return catalog.skuByOutId(outSkuId);
  throw new ParamError('sku_id or out_sku_id is required');
}
