/**
 * Xiaoe-tech's stand-in under `/xiaoe` (api.xiaoe-tech.com): the token endpoint, goods detail 2.0 and
 * goods list 2.0, with the platform's `{code, msg, data}` envelope (see protocol.ts for codes and limits).
 */
import { MerchantCatalogs } from '../../merchantCatalogs';
import type { PlatformSandbox, PlatformSandboxInit, SandboxPlatformModule, SandboxRoute } from '../../types';
import { buildXiaoeCatalog } from './catalog';
import { XIAOE_CREDENTIALS, xiaoeMerchantCredentials, type XiaoeCredentials } from './credentials';
import { jsonBody } from './params';
import { createDetailRoute } from './detailRoute';
import { createListRoute } from './listRoute';
import { TOKEN_QUOTA, xiaoeErrorCode, xiaoeReply } from './protocol';
import { createTokenQuota } from './tokenQuota';
import { createXiaoeShop, type XiaoeShop } from './shop';
import { createTokenRoute } from './tokenRoute';

export interface XiaoeSandbox extends PlatformSandbox {
  /** Clears the token endpoint's own quota windows; the core calls it on `POST /__sandbox/reset`. */
  reset(): void;
}

/** Xiaoe-tech in the registry: 3000 calls per 10 s per shop, as documented (docs/platforms.md, "Xiaoe-tech: quota"). */
export const xiaoeSandbox: SandboxPlatformModule<'XIAOE', 'xiaoe', XiaoeCredentials> = {
  code: 'XIAOE',
  slug: 'xiaoe',
  credentials: XIAOE_CREDENTIALS,
  merchantCredentials: xiaoeMerchantCredentials,
  // Xiaoe's real tokens start with `xe_`.
  tokenPrefix: 'xe_',
  rateLimit: { limit: 3000, windowMs: 10_000 },
  create: createXiaoeSandbox,
};

/** Extra merchants (init.merchants) are told apart by app_id: the token endpoint's, then the token's. */
export function createXiaoeSandbox(init: PlatformSandboxInit): XiaoeSandbox {
  const merchants = new MerchantCatalogs<XiaoeShop, XiaoeCredentials>({
    defaultCatalog: createXiaoeShop(buildXiaoeCatalog(init.seed, init.size)),
    defaultCredentials: XIAOE_CREDENTIALS,
    extras: init.merchants,
    pick: (set) => set.XIAOE,
    keyOf: (credentials) => credentials.appId,
    build: (merchant) =>
      createXiaoeShop(buildXiaoeCatalog(merchant.seed, init.size, { name: merchant.name, appId: merchant.credentials.XIAOE.appId })),
  });
  // A valid token was issued to a known merchant's app_id, so it always names a shop.
  const shopOf = (appId: string): XiaoeShop => merchants.withKey(appId)!.catalog;
  const quota = createTokenQuota(TOKEN_QUOTA.limit, TOKEN_QUOTA.windowMs);
  const routes = new Map<string, { method: string; route: SandboxRoute }>([
    ['/token', { method: 'GET', route: createTokenRoute(quota, (appId) => merchants.withKey(appId)?.credentials) }],
    ['/xe.goods.detail.get/4.0.0', { method: 'POST', route: createDetailRoute(shopOf) }],
    ['/xe.goods.list.get/4.0.0', { method: 'POST', route: createListRoute(shopOf) }],
  ]);
  return {
    name: 'xiaoe',
    route(req) {
      const entry = routes.get(req.path);
      return entry && entry.method === req.method ? entry.route : undefined;
    },
    errorReply(code, message) {
      // Fault rules may carry the code as text; Xiaoe's `code` is a JSON integer.
      const numeric = Number(code);
      return xiaoeReply(Number.isInteger(numeric) ? numeric : code, message);
    },
    errorCodeOf: xiaoeErrorCode,
    reset: () => quota.reset(),
    merchantOf(req, ctx) {
      if (req.path === '/token') return merchants.nameOf(req.query.get('app_id'));
      const token = jsonBody(req)?.access_token;
      return typeof token === 'string' ? merchants.nameOf(ctx.tokens.check('xiaoe', token).clientKey) : undefined;
    },
    patchProduct: (merchant, resourceId, patch) => merchants.patch(merchant, (shop) => shop.catalog.patch(resourceId, patch)),
  };
}
