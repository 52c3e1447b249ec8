/**
 * The Xiaohongshu Ark open API v1 stand-in (`/xhs-ark`): `GET /ark/open_api/v1/items`, signed with
 * the sandbox's fixed Ark credentials.
 */
import { MerchantCatalogs } from '../../merchantCatalogs';
import type { PlatformSandbox, PlatformSandboxInit, SandboxPlatformModule } from '../../types';
import { header } from './auth';
import { ArkCatalog } from './catalog';
import { XHS_ARK_CREDENTIALS, xhsArkMerchantCredentials, type XhsArkCredentials } from './credentials';
import { arkError, arkErrorCode } from './envelope';
import { ARK_ITEMS_PATH, createItemsRoute } from './itemsRoute';

export interface XhsArkSandbox extends PlatformSandbox {
  /** The data the default merchant serves, for tests that compare answers with it. */
  readonly catalog: ArkCatalog;
}

/**
 * Xiaohongshu Ark in the registry. [assumption] 1000 calls per second per app-key: the real quota
 * depends on the app, so a generous one stands in that normal tests never reach.
 */
export const xhsArkSandbox: SandboxPlatformModule<'XHS_ARK', 'xhs-ark', XhsArkCredentials> = {
  code: 'XHS_ARK',
  slug: 'xhs-ark',
  credentials: XHS_ARK_CREDENTIALS,
  merchantCredentials: xhsArkMerchantCredentials,
  tokenPrefix: 'ark_',
  rateLimit: { limit: 1000, windowMs: 1000 },
  create: (init) => createXhsArkSandbox(init),
};

/**
 * `credentials` are the default merchant's: the sandbox's fixed ones unless a test passes others (e.g.
 * the signing vector's). Extra merchants (init.merchants) are told apart by their `app-key`.
 */
export function createXhsArkSandbox(init: PlatformSandboxInit, credentials: XhsArkCredentials = XHS_ARK_CREDENTIALS): XhsArkSandbox {
  const catalog = new ArkCatalog(init.seed, init.size);
  const merchants = new MerchantCatalogs<ArkCatalog, XhsArkCredentials>({
    defaultCatalog: catalog,
    defaultCredentials: credentials,
    extras: init.merchants,
    pick: (set) => set.XHS_ARK,
    keyOf: (c) => c.appKey,
    build: (merchant) => new ArkCatalog(merchant.seed, init.size, merchant.name),
  });
  const items = createItemsRoute((appKey) => merchants.withKey(appKey));
  return {
    name: 'xhs-ark',
    catalog,
    route: (req) => (req.method === 'GET' && req.path === ARK_ITEMS_PATH ? items : undefined),
    errorReply: (code, message) => arkError(code, message),
    errorCodeOf: arkErrorCode,
    merchantOf: (req) => merchants.nameOf(header(req, 'app-key')),
    patchProduct(merchant, id, patch) {
      const product = merchants.named(merchant)?.catalog.patch(id, patch);
      return product && { product };
    },
  };
}
