/**
 * Mini-program `code` -> UpstreamError, in one table (docs/resilience.md, "Xiaohongshu mini-program").
 * Only code 2 (系统异常,请稍后重试) is published; 10003 for a bad token is an assumption
 * (docs/platforms.md), and 10001, 10002, 10004 are the sandbox's assumptions.
 */
import {
  secondsInMessage,
  upstreamErrorFrom,
  type StaleTokenError,
  type UpstreamError,
  type UpstreamErrorRule,
  type UpstreamErrorTable,
} from '../errors';

export const MINIAPP_ERRORS: UpstreamErrorTable = {
  platform: 'XHS_MINIAPP',
  rules: new Map<number, UpstreamErrorRule>([
    [2, { code: 'UPSTREAM_UNAVAILABLE', retryable: true }], // system error, retry later (系统异常,请稍后重试)
    [10001, { code: 'UPSTREAM_AUTH' }], // invalid appid or secret [sandbox assumption]
    [10002, { code: 'UPSTREAM_REJECTED' }], // invalid parameter, e.g. page_size over 100 [sandbox assumption]
    [10003, { code: 'UPSTREAM_AUTH', staleToken: true }], // access_token invalid or expired [assumption]
    // Rate limited [sandbox assumption]: after the seconds the message names, else 1 s.
    [10004, { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: secondsInMessage(1000) }],
  ]),
  otherwise: { code: 'UPSTREAM_REJECTED' },
};

/** The error of an envelope with `code` non-zero or `success: false`. */
export function toMiniappError(body: Record<string, unknown>): UpstreamError | StaleTokenError {
  return upstreamErrorFrom(MINIAPP_ERRORS, { code: body.code, message: body.msg, detail: 'success=false' });
}
