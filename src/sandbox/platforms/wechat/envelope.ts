/**
 * WeChat's envelope: top-level `errcode`/`errmsg`, always HTTP 200; errors end with ` rid: <id>` as
 * the real API's messages do (docs/platforms.md, "WeChat mini shop: tokens and the envelope"; codes 9401xxx from the mini shop's
 * return-code page). A successful token answer has no errcode (see tokenRoutes).
 */
import { envelopeField, errorCodeText } from '../../envelopeFields';
import type { SandboxReply } from '../../types';

export const WECHAT_ERRMSG: Readonly<Record<number, string>> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40125: 'invalid appsecret',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  42001: 'access_token expired',
  43001: 'require GET method',
  43002: 'require POST method',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
  48001: 'api unauthorized',
  9401002: 'SPU does not exist',
  9401006: 'SKU does not exist',
  9401020: 'invalid parameter',
  9401021: 'no permission for this api',
};

let ridCounter = 0;

/** A request id in WeChat's `xxxxxxxx-xxxxxxxx-xxxxxxxx` form: opaque, unique per sandbox process. */
function nextRid(): string {
  ridCounter = (ridCounter + 1) >>> 0;
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `${hex(0x5e5a0000)}-${hex(ridCounter)}-${hex(Math.imul(ridCounter, 0x9e3779b1))}`;
}

/** `{errcode, errmsg}`; `detail` is appended to the standard message (e.g. which parameter is wrong). */
export function wechatError(code: number, detail?: string): SandboxReply {
  const base = WECHAT_ERRMSG[code] ?? 'error';
  return wechatErrorReply(code, detail ? `${base}: ${detail}` : base);
}

/** The envelope with a message of the caller's choosing (fault injection); numeric codes stay numbers. */
export function wechatErrorReply(code: number | string, message?: string): SandboxReply {
  const numeric = typeof code === 'number' ? code : Number(code);
  const errcode = Number.isInteger(numeric) ? numeric : code;
  const text = message ?? (typeof errcode === 'number' ? WECHAT_ERRMSG[errcode] : undefined) ?? 'error';
  return { status: 200, body: { errcode, errmsg: `${text} rid: ${nextRid()}` } };
}

export function wechatOk(fields: Record<string, unknown>): SandboxReply {
  return { status: 200, body: { errcode: 0, errmsg: 'ok', ...fields } };
}

/** A non-zero `errcode` (a token answer has none). */
export function wechatErrorCode(body: unknown): string | undefined {
  return errorCodeText(envelopeField(body, 'errcode'));
}
