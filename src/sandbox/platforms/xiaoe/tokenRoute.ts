/**
 * `GET /token?app_id=..&client_id=..&secret_key=..&grant_type=client_credential` [public SDK]:
 * `{"code":0,"msg":"success","data":{"access_token":"...","expires_in":7200}}`. Bad credentials answer
 * 2001 "invalid secret_key" [public wiki]; over the endpoint's quota, 429 (assumption); a missing
 * parameter or another grant_type, the parameter error (assumption). The quota counts the calls that
 * would issue a token (valid credentials) [assumption].
 */
import type { XiaoeCredentials } from './credentials';
import type { SandboxContext, SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import { XIAOE_CODE, parameterError, xiaoeReply } from './protocol';
import type { TokenQuota } from './tokenQuota';

const REQUIRED = ['app_id', 'client_id', 'secret_key', 'grant_type'] as const;

/** `credentialsOf` answers the credentials of the merchant an app_id belongs to. */
export type XiaoeCredentialsOf = (appId: string) => XiaoeCredentials | undefined;

export function createTokenRoute(quota: TokenQuota, credentialsOf: XiaoeCredentialsOf): SandboxRoute {
  return {
    operation: 'token',
    params: (req) => ({ app_id: req.query.get('app_id'), client_id: req.query.get('client_id'), grant_type: req.query.get('grant_type') }),
    handle: (req, ctx) => handleToken(quota, credentialsOf, req, ctx),
  };
}

function handleToken(quota: TokenQuota, credentialsOf: XiaoeCredentialsOf, req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const missing = REQUIRED.find((name) => !req.query.get(name));
  if (missing) return parameterError(`${missing} is required`);
  if (req.query.get('grant_type') !== 'client_credential') return parameterError('grant_type must be client_credential');
  const appId = req.query.get('app_id')!;
  const expected = credentialsOf(appId);
  const valid =
    expected !== undefined && req.query.get('client_id') === expected.clientId && req.query.get('secret_key') === expected.secretKey;
  if (!valid) return xiaoeReply(XIAOE_CODE.INVALID_SECRET);
  if (quota.hit(appId, ctx.now())) return xiaoeReply(XIAOE_CODE.RATE_LIMITED);
  const issued = ctx.tokens.issue('xiaoe', appId);
  return xiaoeReply(XIAOE_CODE.OK, 'success', { access_token: issued.token, expires_in: issued.expiresInSeconds });
}
