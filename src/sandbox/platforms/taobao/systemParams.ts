/**
 * TOP system parameters (docs/platforms.md, "Taobao: signing and the call envelope"), checked in this order, each failure with
 * TOP's own code: HTTP method 9, `method` 21/22, `app_key` 28/29, `timestamp` 30/31 (GMT+8, within the
 * tolerance), `v` 32/33/34, `format` 23, `sign` 24/25 (md5 | hmac | hmac-sha256), `session` 26/27.
 * [assumptions] `format` must be `json` (the sandbox speaks no XML, which is TOP's default when it is
 * absent); an absent `sign_method` means md5 (TOP's historical default); an unknown `sign_method` is
 * answered 25; `sign` must be the uppercase hex the SDKs send.
 */
import { parseShanghaiTime } from '../../shanghaiTime';
import type { SandboxContext, SandboxReply, SandboxRequest } from '../../types';
import type { TaobaoCredentials } from './credentials';
import { topErrorReply } from './envelope';
import { expectedTopSign, isTopSignMethod } from './topSign';

export const ITEMS_GET_METHOD = 'taobao.miniapp.items.get';

/**
 * Every parameter of the call: the query string, then the form body (TOP reads both). The first value of
 * a repeated key wins, for signing as for reading.
 */
export function readTopParams(req: SandboxRequest): Record<string, string> {
  const params: Record<string, string> = {};
  for (const source of [req.query, req.form]) {
    if (!source) continue;
    for (const [key, value] of source) if (!(key in params)) params[key] = value;
  }
  return params;
}

/**
 * The error reply for the first system parameter that fails, or undefined when the call may proceed.
 * `credentials` are those of the merchant `app_key` names, undefined when it names none.
 */
export function checkSystemParams(
  req: SandboxRequest,
  params: Record<string, string>,
  ctx: SandboxContext,
  credentials: TaobaoCredentials | undefined,
): SandboxReply | undefined {
  if (req.method !== 'GET' && req.method !== 'POST') return topErrorReply(9);
  if (!params.method) return topErrorReply(21);
  if (params.method !== ITEMS_GET_METHOD) return topErrorReply(22);
  if (!params.app_key) return topErrorReply(28);
  if (!credentials || params.app_key !== credentials.appKey) return topErrorReply(29, { msg: 'Invalid app Key' });
  return (
    checkTimestamp(params.timestamp, ctx) ??
    checkVersionAndFormat(params) ??
    checkSign(params, credentials) ??
    checkSession(params.session, credentials)
  );
}

function checkTimestamp(timestamp: string | undefined, ctx: SandboxContext): SandboxReply | undefined {
  if (!timestamp) return topErrorReply(30);
  // Blanks around it and a `T` for the space pass, as they always have here; the clock value must be real.
  const at = parseShanghaiTime(timestamp.trim().replace('T', ' '));
  const skewMs = at === undefined ? Infinity : Math.abs(at - ctx.now());
  if (skewMs > ctx.options.timestampToleranceSeconds * 1000) {
    return topErrorReply(31, {
      subMsg: `timestamp must be yyyy-MM-dd HH:mm:ss in GMT+8, within ${ctx.options.timestampToleranceSeconds} s of the server time`,
    });
  }
  return undefined;
}

function checkVersionAndFormat(params: Record<string, string>): SandboxReply | undefined {
  if (!params.v) return topErrorReply(32);
  if (params.v !== '2.0') return topErrorReply(/^\d+(\.\d+)*$/.test(params.v) ? 34 : 33);
  if (params.format !== 'json') return topErrorReply(23, { subMsg: 'the sandbox answers format=json only' });
  return undefined;
}

function checkSign(params: Record<string, string>, credentials: TaobaoCredentials): SandboxReply | undefined {
  if (!params.sign) return topErrorReply(24);
  const method = params.sign_method ?? 'md5';
  if (!isTopSignMethod(method)) return topErrorReply(25, { subMsg: 'sign_method must be md5, hmac or hmac-sha256' });
  return params.sign === expectedTopSign(params, credentials.appSecret, method) ? undefined : topErrorReply(25);
}

function checkSession(session: string | undefined, credentials: TaobaoCredentials): SandboxReply | undefined {
  if (!session) return topErrorReply(26);
  if (session !== credentials.session) return topErrorReply(27, { subCode: 'invalid-sessionkey' });
  return undefined;
}
