/**
 * `POST /api/rmp/token` (stats key `token`): `{appid, secret}` -> `{"data":{"access_token",
 * "expire_in"},"success":true,"msg":"success","code":0}` (docs/platforms.md, "Xiaohongshu mini-program: tokens and the envelope", `expire_in` as
 * spelled there). A new token leaves the previous one the configured overlap (5 minutes).
 */
import type { XhsMiniappCredentials } from './credentials';
import type { SandboxRoute } from '../../types';
import { MINIAPP_BAD_CREDENTIALS, MINIAPP_PARAM_INVALID, miniappError, miniappOk } from './envelope';

export const MINIAPP_TOKEN_PATH = '/api/rmp/token';

/** `credentialsOf` answers the credentials of the merchant an appid belongs to. */
export function createTokenRoute(credentialsOf: (appId: string) => XhsMiniappCredentials | undefined): SandboxRoute {
  return {
    operation: 'token',
    params: (req) => {
      const appid = (req.json as { appid?: unknown } | undefined)?.appid;
      return typeof appid === 'string' ? { appid } : {};
    },
    handle(req, ctx) {
      const body = req.json as { appid?: unknown; secret?: unknown } | undefined;
      if (!body || typeof body !== 'object' || typeof body.appid !== 'string' || typeof body.secret !== 'string') {
        return miniappError(MINIAPP_PARAM_INVALID, '参数错误: 请求体须为 JSON {appid, secret}');
      }
      const credentials = credentialsOf(body.appid);
      if (!credentials || body.secret !== credentials.appSecret) return miniappError(MINIAPP_BAD_CREDENTIALS);
      const issued = ctx.tokens.issue('xhs-miniapp', body.appid);
      return miniappOk({ access_token: issued.token, expire_in: issued.expiresInSeconds });
    },
  };
}
