/**
 * The WeChat mini shop stand-in under `/wechat` (api.weixin.qq.com): two token endpoints and four
 * product endpoints, answered from the in-memory catalog of the merchant whose appid the token was
 * issued to.
 */
import { MerchantCatalogs } from '../../merchantCatalogs';
import type { PlatformSandbox, PlatformSandboxInit, SandboxPlatformModule, SandboxRoute } from '../../types';
import type { WechatShops } from './businessRoute';
import { buildWechatCatalog, type WechatCatalog } from './catalog';
import { WECHAT_CREDENTIALS, wechatMerchantCredentials, type WechatCredentials } from './credentials';
import { wechatErrorCode, wechatErrorReply } from './envelope';
import { LatestTokens } from './latestTokens';
import { jsonBody } from './params';
import { skuGetRoute, skuListRoute } from './skuRoutes';
import { spuGetRoute, spuListRoute } from './spuRoutes';
import { stableTokenRoute, tokenRoute } from './tokenRoutes';

const TOKEN_PATHS = new Set(['/cgi-bin/token', '/cgi-bin/stable_token']);

/**
 * The WeChat mini shop in the registry. [assumption] 1000 calls per second per appid: the real quota
 * depends on the app, so a generous one stands in that normal tests never reach.
 */
export const wechatSandbox: SandboxPlatformModule<'WECHAT_SHOP', 'wechat', WechatCredentials> = {
  code: 'WECHAT_SHOP',
  slug: 'wechat',
  credentials: WECHAT_CREDENTIALS,
  merchantCredentials: wechatMerchantCredentials,
  tokenPrefix: 'wx_',
  rateLimit: { limit: 1000, windowMs: 1000 },
  create: createWechatSandbox,
};

export function createWechatSandbox(init: PlatformSandboxInit): PlatformSandbox {
  const merchants = new MerchantCatalogs<WechatCatalog, WechatCredentials>({
    defaultCatalog: buildWechatCatalog(init),
    defaultCredentials: WECHAT_CREDENTIALS,
    extras: init.merchants,
    pick: (set) => set.WECHAT_SHOP,
    keyOf: (credentials) => credentials.appId,
    build: (merchant) => buildWechatCatalog({ seed: merchant.seed, size: init.size }, merchant.name),
  });
  const latest = new LatestTokens();
  const shops: WechatShops = { latest, catalogOf: (appId) => merchants.withKey(appId)!.catalog };
  const credentialsOf = (appId: string): WechatCredentials | undefined => merchants.withKey(appId)?.credentials;
  const routes = new Map<string, SandboxRoute>([
    ['/cgi-bin/token', tokenRoute(latest, credentialsOf)],
    ['/cgi-bin/stable_token', stableTokenRoute(latest, credentialsOf)],
    ['/product/spu/get_list', spuListRoute(shops)],
    ['/product/spu/get', spuGetRoute(shops)],
    ['/product/sku/get', skuGetRoute(shops)],
    ['/product/sku/get_list', skuListRoute(shops)],
  ]);
  return {
    name: 'wechat',
    route: (req) => routes.get(req.path),
    errorReply: (code, message) => wechatErrorReply(code, message),
    errorCodeOf: wechatErrorCode,
    merchantOf(req, ctx) {
      if (TOKEN_PATHS.has(req.path)) {
        const appid = req.method === 'GET' ? req.query.get('appid') : jsonBody(req)?.appid;
        return typeof appid === 'string' ? merchants.nameOf(appid) : undefined;
      }
      const token = req.query.get('access_token');
      return token ? merchants.nameOf(ctx.tokens.check('wechat', token).clientKey) : undefined;
    },
    patchProduct(merchant, id, patch) {
      const numeric = /^\d{1,16}$/.test(id) ? Number(id) : Number.NaN;
      const product = Number.isSafeInteger(numeric) ? merchants.named(merchant)?.catalog.patch(numeric, patch) : undefined;
      return product && { product };
    },
  };
}
