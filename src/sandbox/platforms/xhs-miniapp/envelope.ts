/**
 * The mini-program envelope `{data, success, msg, code}` and its codes. Published: 0 ok, 2 系统异常
 * (retryable). Assumed (README): 10003 invalid or expired access_token (docs/platforms.md, "Xiaohongshu mini-program: tokens and the envelope"), and
 * the sandbox's 10001 wrong appid/secret, 10002 invalid parameter, 10004 rate limited.
 */
import { envelopeField, errorCodeText } from '../../envelopeFields';
import type { SandboxReply } from '../../types';

export const MINIAPP_SYSTEM_ERROR = 2;
export const MINIAPP_BAD_CREDENTIALS = 10001;
export const MINIAPP_PARAM_INVALID = 10002;
export const MINIAPP_TOKEN_INVALID = 10003;
export const MINIAPP_RATE_LIMITED = 10004;

const DEFAULT_MESSAGES: ReadonlyMap<number, string> = new Map([
  [MINIAPP_SYSTEM_ERROR, '系统异常,请稍后重试'],
  [MINIAPP_BAD_CREDENTIALS, 'appid 或 secret 错误'],
  [MINIAPP_PARAM_INVALID, '参数错误'],
  [MINIAPP_TOKEN_INVALID, 'access_token 无效或已过期'],
  [MINIAPP_RATE_LIMITED, '调用过于频繁'],
]);

export function miniappOk(data: unknown): SandboxReply {
  return { body: { data, success: true, msg: 'success', code: 0 } };
}

/** An error as the page's protocol shows it (`{success:false, code:2, msg:"系统异常,请稍后重试"}`), HTTP 200. */
export function miniappError(code: number | string, message?: string): SandboxReply {
  const numeric = typeof code === 'number' ? code : /^-?\d+$/.test(code) ? Number(code) : code;
  const msg = message ?? (typeof numeric === 'number' ? DEFAULT_MESSAGES.get(numeric) : undefined) ?? '系统异常,请稍后重试';
  return { body: { success: false, msg, code: numeric } };
}

/** A non-zero `code`, or `unknown` for `success: false` without one. */
export function miniappErrorCode(body: unknown): string | undefined {
  return errorCodeText(envelopeField(body, 'code')) ?? (envelopeField(body, 'success') === false ? 'unknown' : undefined);
}
