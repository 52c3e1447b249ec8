/**
 * `GET /cgi-bin/token` and `POST /cgi-bin/stable_token` (docs/platforms.md, "WeChat mini shop: tokens and the envelope"), both counted
 * as the `token` operation. Success is `{access_token, expires_in}` with no errcode, as on the real API.
 * Credential errors: 40002 grant_type, 41002/41004 appid/secret missing, 40013 unknown appid, and
 * [assumption] 40125 "invalid appsecret" for a wrong secret (the stable_token page's code; the classic
 * token page also lists 40001 for it, which a client would mistake for a stale access_token).
 */
import type { WechatCredentials } from './credentials';
import type { SandboxContext, SandboxReply, SandboxRoute } from '../../types';
import { wechatError } from './envelope';
import type { LatestTokens, WechatTokenKind } from './latestTokens';
import { jsonBody } from './params';

interface TokenRequest {
  grant_type: unknown;
  appid: unknown;
  secret: unknown;
}

/** The credentials of the merchant an appid belongs to, undefined for an unknown appid. */
export type WechatCredentialsOf = (appId: string) => WechatCredentials | undefined;

export function tokenRoute(latest: LatestTokens, credentialsOf: WechatCredentialsOf): SandboxRoute {
  return {
    operation: 'token',
    params: (req) => ({ grant_type: req.query.get('grant_type'), appid: req.query.get('appid') }),
    handle(req, ctx) {
      if (req.method !== 'GET') return wechatError(43001);
      const q = req.query;
      const client = checkClient({ grant_type: q.get('grant_type'), appid: q.get('appid'), secret: q.get('secret') }, credentialsOf);
      if ('body' in client) return client;
      return tokenReply(latest, client.appId, 'classic', ctx.tokens.issue('wechat', client.appId));
    },
  };
}

export function stableTokenRoute(latest: LatestTokens, credentialsOf: WechatCredentialsOf): SandboxRoute {
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
      const client = checkClient({ grant_type: body.grant_type, appid: body.appid, secret: body.secret }, credentialsOf);
      if ('body' in client) return client;
      return tokenReply(latest, client.appId, 'stable', ctx.tokens.issueStable('wechat', client.appId, force));
    },
  };
}

/** The merchant's credentials when the client is one, the error reply otherwise. */
function checkClient(req: TokenRequest, credentialsOf: WechatCredentialsOf): WechatCredentials | SandboxReply {
  if (req.grant_type !== 'client_credential') return wechatError(40002);
  if (typeof req.appid !== 'string' || req.appid === '') return wechatError(41002);
  if (typeof req.secret !== 'string' || req.secret === '') return wechatError(41004);
  const expected = credentialsOf(req.appid);
  if (!expected) return wechatError(40013);
  if (req.secret !== expected.appSecret) return wechatError(40125);
  return expected;
}

function tokenReply(
  latest: LatestTokens,
  appId: string,
  kind: WechatTokenKind,
  issued: { token: string; expiresInSeconds: number },
): SandboxReply {
  latest.remember(appId, kind, issued.token);
  return { status: 200, body: { access_token: issued.token, expires_in: issued.expiresInSeconds } };
}
