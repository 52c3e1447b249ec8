/**
 * Ark's envelope `{error_code, error_msg, success, data}` (the items page's example) and its error
 * codes. The page documents only success; 1001, 1002 and 429 are docs/platforms.md, "Xiaohongshu Ark: signing and the envelope"'s
 * assumptions and 1003 (invalid parameter) the sandbox's, all listed in the README.
 */
import { envelopeField, errorCodeText } from '../../envelopeFields';
import type { SandboxReply } from '../../types';

export const ARK_SIGN_INVALID = 1001;
export const ARK_TIMESTAMP_INVALID = 1002;
export const ARK_PARAM_INVALID = 1003;
export const ARK_RATE_LIMITED = 429;

const DEFAULT_MESSAGES: ReadonlyMap<number, string> = new Map([
  [ARK_SIGN_INVALID, '签名错误'],
  [ARK_TIMESTAMP_INVALID, '时间戳无效或已过期'],
  [ARK_PARAM_INVALID, '参数错误'],
  [ARK_RATE_LIMITED, '调用过于频繁'],
]);

/** An Ark error, HTTP 200 as the platform answers business errors. */
export function arkError(code: number | string, message?: string): SandboxReply {
  const numeric = typeof code === 'number' ? code : /^-?\d+$/.test(code) ? Number(code) : code;
  const text = message ?? (typeof numeric === 'number' ? DEFAULT_MESSAGES.get(numeric) : undefined) ?? '系统错误';
  return { body: { error_code: numeric, error_msg: text, success: false, data: null } };
}

export interface ArkPageHead {
  current_page: number;
  page_size: number;
  total: number;
}

/**
 * A successful page. Hits arrive as JSON text (the example keeps its literal floats), so the envelope
 * is assembled as text, in the page's key order.
 */
export function arkPageReply(head: ArkPageHead, hitsJson: readonly string[]): SandboxReply {
  const data = `{"current_page":${head.current_page},"page_size":${head.page_size},"total":${head.total},"hits":[${hitsJson.join(',')}]}`;
  return { body: `{"error_code":0,"error_msg":null,"success":true,"data":${data}}`, contentType: 'application/json;charset=utf-8' };
}

/** A non-zero `error_code`, or `unknown` for `success: false` without one. */
export function arkErrorCode(body: unknown): string | undefined {
  return errorCodeText(envelopeField(body, 'error_code')) ?? (envelopeField(body, 'success') === false ? 'unknown' : undefined);
}
