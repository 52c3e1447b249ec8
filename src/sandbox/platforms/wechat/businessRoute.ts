/**
 * The checks every product/* call goes through, in the order the sandbox applies them: `access_token`
 * in the query string (41001 missing, 40001 unknown or replaced by a newer token, 42001 expired), the
 * per-credential rate limit (45011, counted once per call that passed auth), POST only (43002), a JSON
 * object body (47001), then the endpoint's own parameters (9401020 on a ParamError).
 */
import type { SandboxContext, SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import type { WechatCatalog } from './catalog';
import { wechatError } from './envelope';
import type { LatestTokens } from './latestTokens';
import { ParamError, jsonBody } from './params';

/** `catalog` is the catalog of the merchant whose token the call carries. */
export type BusinessHandler = (body: Record<string, unknown>, catalog: WechatCatalog) => SandboxReply;

/** What business routes share: the token bookkeeping and the catalog of each merchant's appid. */
export interface WechatShops {
  latest: LatestTokens;
  /** Tokens are issued only to known merchants' appids, so a valid token always names a catalog. */
  catalogOf(appId: string): WechatCatalog;
}

export function businessRoute(operation: string, shops: WechatShops, handler: BusinessHandler): SandboxRoute {
  return {
    operation,
    params: (req) => jsonBody(req) ?? {},
    handle(req, ctx) {
      const appId = authenticate(req, ctx, shops.latest);
      if (typeof appId !== 'string') return appId;
      if (req.method !== 'POST') return wechatError(43002);
      const body = jsonBody(req);
      if (!body) return wechatError(47001, 'body must be a JSON object');
      try {
        return handler(body, shops.catalogOf(appId));
      } catch (err) {
        if (err instanceof ParamError) return wechatError(9401020, err.detail);
        throw err;
      }
    },
  };
}

/** The token's appid when the token is good and the credential under its rate limit; the error reply otherwise. */
function authenticate(req: SandboxRequest, ctx: SandboxContext, latest: LatestTokens): string | SandboxReply {
  const token = req.query.get('access_token');
  if (!token) return wechatError(41001);
  const check = ctx.tokens.check('wechat', token);
  if (check.state === 'expired') return wechatError(check.clientKey === undefined ? 42001 : latest.expiredCode(check.clientKey, token));
  if (check.state !== 'valid' || check.clientKey === undefined) return wechatError(40001);
  if (ctx.rateLimits.hit('wechat', check.clientKey)) return wechatError(45011);
  return check.clientKey;
}
