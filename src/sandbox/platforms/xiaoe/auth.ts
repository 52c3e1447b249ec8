/**
 * What every Xiaoe business call checks before its parameters: a live `access_token` in the JSON body
 * (else code 2008), then the shop's quota of 3000 calls per 10 s (else code 429, an assumption).
 */
import type { SandboxContext, SandboxReply } from '../../types';
import type { JsonObject } from './params';
import { XIAOE_CODE, xiaoeReply } from './protocol';

export type Authorized = { appId: string };

export function authorize(body: JsonObject | undefined, ctx: SandboxContext): Authorized | SandboxReply {
  const token = body?.access_token;
  if (typeof token !== 'string' || token === '') return xiaoeReply(XIAOE_CODE.TOKEN_INVALID, 'access_token is required');
  const checked = ctx.tokens.check('xiaoe', token);
  if (checked.state === 'expired') return xiaoeReply(XIAOE_CODE.TOKEN_INVALID, 'access_token expired');
  if (checked.state !== 'valid' || checked.clientKey === undefined) return xiaoeReply(XIAOE_CODE.TOKEN_INVALID, 'access_token invalid');
  if (ctx.rateLimits.hit('xiaoe', checked.clientKey)) return xiaoeReply(XIAOE_CODE.RATE_LIMITED);
  return { appId: checked.clientKey };
}

export function isReply(value: Authorized | SandboxReply): value is SandboxReply {
  return 'body' in value;
}
