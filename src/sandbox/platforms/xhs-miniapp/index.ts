/**
 * The Xiaohongshu mini-program stand-in (`/xhs-miniapp`): `POST /api/rmp/token` and the local-deal
 * `POST /api/rmp/mp/deal/product/batch_get`, with the sandbox's fixed mini-program credentials.
 */
import type { XhsMiniappCredentials } from '../../../config/credentials';
import { SANDBOX_CREDENTIALS } from '../../credentials';
import { MerchantCatalogs } from '../../merchantCatalogs';
import type { PlatformSandbox, PlatformSandboxInit } from '../../types';
import { createBatchGetRoute, MINIAPP_BATCH_GET_PATH } from './batchGetRoute';
import { MiniappCatalog } from './catalog';
import { miniappError } from './envelope';
import { createTokenRoute, MINIAPP_TOKEN_PATH } from './tokenRoute';

export interface XhsMiniappSandbox extends PlatformSandbox {
  /** The data the default merchant serves, for tests that compare answers with it. */
  readonly catalog: MiniappCatalog;
}

/** `credentials` are the default merchant's; extra merchants (init.merchants) are told apart by app id. */
export function createXhsMiniappSandbox(init: PlatformSandboxInit, credentials: XhsMiniappCredentials = SANDBOX_CREDENTIALS.XHS_MINIAPP): XhsMiniappSandbox {
  const catalog = new MiniappCatalog(init.seed, init.size);
  const merchants = new MerchantCatalogs<MiniappCatalog, XhsMiniappCredentials>({
    defaultCatalog: catalog,
    defaultCredentials: credentials,
    extras: init.merchants,
    pick: (set) => set.XHS_MINIAPP,
    keyOf: (c) => c.appId,
    build: (merchant) => new MiniappCatalog(merchant.seed, init.size, merchant.name),
  });
  const routes = new Map([
    [MINIAPP_TOKEN_PATH, createTokenRoute((appId) => merchants.withKey(appId)?.credentials)],
    [MINIAPP_BATCH_GET_PATH, createBatchGetRoute((appId) => merchants.withKey(appId)?.catalog)],
  ]);
  return {
    name: 'xhs-miniapp',
    catalog,
    route: (req) => (req.method === 'POST' ? routes.get(req.path) : undefined),
    errorReply: (code, message) => miniappError(code, message),
    merchantOf(req) {
      const appid = req.path === MINIAPP_TOKEN_PATH ? (req.json as { appid?: unknown } | undefined)?.appid : req.query.get('app_id');
      return typeof appid === 'string' ? merchants.nameOf(appid) : undefined;
    },
    patchProduct(merchant, itemId, patch) {
      const product = merchants.named(merchant)?.catalog.patch(itemId, patch);
      return product && { product };
    },
  };
}
