/**
 * The WeChat mini shop stand-in under `/wechat` (api.weixin.qq.com): two token endpoints and four
 * product endpoints, answered from the in-memory catalog.
 */
import type { PlatformSandbox, PlatformSandboxInit, SandboxRoute } from '../../types';
import { buildWechatCatalog } from './catalog';
import { wechatErrorReply } from './envelope';
import { LatestTokens } from './latestTokens';
import { skuGetRoute, skuListRoute } from './skuRoutes';
import { spuGetRoute, spuListRoute } from './spuRoutes';
import { stableTokenRoute, tokenRoute } from './tokenRoutes';

export function createWechatSandbox(init: PlatformSandboxInit): PlatformSandbox {
  const catalog = buildWechatCatalog(init);
  const latest = new LatestTokens();
  const routes = new Map<string, SandboxRoute>([
    ['/cgi-bin/token', tokenRoute(latest)],
    ['/cgi-bin/stable_token', stableTokenRoute(latest)],
    ['/product/spu/get_list', spuListRoute(catalog, latest)],
    ['/product/spu/get', spuGetRoute(catalog, latest)],
    ['/product/sku/get', skuGetRoute(catalog, latest)],
    ['/product/sku/get_list', skuListRoute(catalog, latest)],
  ]);
  return {
    name: 'wechat',
    route: (req) => routes.get(req.path),
    errorReply: (code, message) => wechatErrorReply(code, message),
  };
}
