/**
 * The Xiaohongshu mini-program stand-in (`/xhs-miniapp`): `POST /api/rmp/token` and the local-deal
 * `POST /api/rmp/mp/deal/product/batch_get`, with the sandbox's fixed mini-program credentials.
 */
import { MerchantCatalogs } from '../../merchantCatalogs';
import type { PlatformSandbox, PlatformSandboxInit, SandboxPlatformModule } from '../../types';
import { createBatchGetRoute, MINIAPP_BATCH_GET_PATH } from './batchGetRoute';
import { MiniappCatalog } from './catalog';
import { XHS_MINIAPP_CREDENTIALS, xhsMiniappMerchantCredentials, type XhsMiniappCredentials } from './credentials';
import { miniappError, miniappErrorCode } from './envelope';
import { createTokenRoute, MINIAPP_TOKEN_PATH } from './tokenRoute';

export interface XhsMiniappSandbox extends PlatformSandbox {
  /** The data the default merchant serves, for tests that compare answers with it. */
  readonly catalog: MiniappCatalog;
}

/**
 * The Xiaohongshu mini-program in the registry. [assumption] 1000 calls per second per app id: no quota
 * is published, so a generous one stands in that normal tests never reach.
 */
export const xhsMiniappSandbox: SandboxPlatformModule<'XHS_MINIAPP', 'xhs-miniapp', XhsMiniappCredentials> = {
  code: 'XHS_MINIAPP',
  slug: 'xhs-miniapp',
  credentials: XHS_MINIAPP_CREDENTIALS,
  merchantCredentials: xhsMiniappMerchantCredentials,
  tokenPrefix: 'rmp_',
  rateLimit: { limit: 1000, windowMs: 1000 },
  create: (init) => createXhsMiniappSandbox(init),
};

/** `credentials` are the default merchant's; extra merchants (init.merchants) are told apart by app id. */
export function createXhsMiniappSandbox(
  init: PlatformSandboxInit,
  credentials: XhsMiniappCredentials = XHS_MINIAPP_CREDENTIALS,
): XhsMiniappSandbox {
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
    errorCodeOf: miniappErrorCode,
    merchantOf(req) {
      const appid = req.path === MINIAPP_TOKEN_PATH ? (req.json as { appid?: unknown } | undefined)?.appid : req.query.get('app_id');
      return typeof appid === 'string' ? merchants.nameOf(appid) : undefined;
    },
    patchProduct: (merchant, itemId, patch) => merchants.patch(merchant, (catalog) => catalog.patch(itemId, patch)),
  };
}
