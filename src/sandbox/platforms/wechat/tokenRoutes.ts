/**
 * `GET /cgi-bin/token` and `POST /cgi-bin/stable_token` (docs/platforms.md, "WeChat mini shop: tokens and the envelope"), both counted
 * as the `token` operation. Success is `{access_token, expires_in}` with no errcode, as on the real API.
 * Credential errors: 40002 grant_type, 41002/41004 appid/secret missing, 40013 unknown appid, and
 * [assumption] 40125 "invalid appsecret" for a wrong secret (the stable_token page's code; the classic
 * token page also lists 40001 for it, which a client would mistake for a stale access_token).
 */
import { SANDBOX_CREDENTIALS } from '../../credentials';
import type { SandboxContext, SandboxReply, SandboxRoute } from '../../types';
import { wechatError } from './envelope';
import type { LatestTokens } from './latestTokens';
import { jsonBody } from './params';

interface TokenRequest {
  grant_type: unknown;
  appid: unknown;
  secret: unknown;
}

export function tokenRoute(latest: LatestTokens): SandboxRoute {
  return {
    operation: 'token',
    params: (req) => ({ grant_type: req.query.get('grant_type'), appid: req.query.get('appid') }),
    handle(req, ctx) {
      if (req.method !== 'GET') return wechatError(43001);
      const q = req.query;
      const denied = checkClient({ grant_type: q.get('grant_type'), appid: q.get('appid'), secret: q.get('secret') });
      if (denied) return denied;
      return tokenReply(latest, ctx.tokens.issue('wechat', SANDBOX_CREDENTIALS.WECHAT_SHOP.appId));
    },
  };
}

export function stableTokenRoute(latest: LatestTokens): SandboxRoute {
  return {
    operation: 'token',
    params: (req) => {
      const body = jsonBody(req);
      return { grant_type: body?.grant_type, appid: body?.appid, force_refresh: body?.force_refresh };
    },
    handle(req, ctx: SandboxContext) {
      if (req.method !== 'POST') return wechatError(43002);
      const body = jsonBody(req);
      if (!body) return wechatError(47001, 'body must be a JSON object');
      const force = body.force_refresh ?? false;
      if (typeof force !== 'boolean') return wechatError(47001, 'force_refresh must be a boolean');
      const denied = checkClient({ grant_type: body.grant_type, appid: body.appid, secret: body.secret });
      if (denied) return denied;
      return tokenReply(latest, ctx.tokens.issueStable('wechat', SANDBOX_CREDENTIALS.WECHAT_SHOP.appId, force));
    },
  };
}

function checkClient(req: TokenRequest): SandboxReply | undefined {
  const expected = SANDBOX_CREDENTIALS.WECHAT_SHOP;
  if (req.grant_type !== 'client_credential') return wechatError(40002);
  if (typeof req.appid !== 'string' || req.appid === '') return wechatError(41002);
  if (typeof req.secret !== 'string' || req.secret === '') return wechatError(41004);
  if (req.appid !== expected.appId) return wechatError(40013);
  if (req.secret !== expected.appSecret) return wechatError(40125);
  return undefined;
}

function tokenReply(latest: LatestTokens, issued: { token: string; expiresInSeconds: number }): SandboxReply {
  latest.remember(SANDBOX_CREDENTIALS.WECHAT_SHOP.appId, issued.token);
  return { status: 200, body: { access_token: issued.token, expires_in: issued.expiresInSeconds } };
}
