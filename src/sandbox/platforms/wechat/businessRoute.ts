/**
 * The checks every product/* call goes through, in the order the sandbox applies them: `access_token`
 * in the query string (41001 missing, 40001 unknown or replaced by a newer token, 42001 expired), the
 * per-credential rate limit (45011, counted once per call that passed auth), POST only (43002), a JSON
 * object body (47001), then the endpoint's own parameters (9401020 on a ParamError).
 */
import type { SandboxContext, SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import { wechatError } from './envelope';
import type { LatestTokens } from './latestTokens';
import { ParamError, jsonBody } from './params';

export type BusinessHandler = (body: Record<string, unknown>, ctx: SandboxContext) => SandboxReply;

export function businessRoute(operation: string, latest: LatestTokens, handler: BusinessHandler): SandboxRoute {
  return {
    operation,
    params: (req) => jsonBody(req) ?? {},
    handle(req, ctx) {
      const denied = authenticate(req, ctx, latest);
      if (denied) return denied;
      if (req.method !== 'POST') return wechatError(43002);
      const body = jsonBody(req);
      if (!body) return wechatError(47001, 'body must be a JSON object');
      try {
        return handler(body, ctx);
      } catch (err) {
        if (err instanceof ParamError) return wechatError(9401020, err.detail);
        throw err;
      }
    },
  };
}

/** Undefined when the token is good and the credential under its rate limit; the error reply otherwise. */
function authenticate(req: SandboxRequest, ctx: SandboxContext, latest: LatestTokens): SandboxReply | undefined {
  const token = req.query.get('access_token');
  if (!token) return wechatError(41001);
  const check = ctx.tokens.check('wechat', token);
  if (check.state === 'expired') return wechatError(check.clientKey === undefined ? 42001 : latest.expiredCode(check.clientKey, token));
  if (check.state !== 'valid' || check.clientKey === undefined) return wechatError(40001);
  if (ctx.rateLimits.hit('wechat', check.clientKey)) return wechatError(45011);
  return undefined;
}
