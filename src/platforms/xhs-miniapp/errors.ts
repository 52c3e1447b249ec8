/**
 * Mini-program `code` -> UpstreamError, in one table. Only code 2 (系统异常,请稍后重试) is published
 * (upstream-protocols.md §5); 10003 for a bad token is that page's assumption, and 10001, 10002,
 * 10004 are the sandbox's assumptions, listed in the README with it.
 */
import { UpstreamError, type UpstreamErrorCode } from '../errors';

export interface MiniappErrorRule {
  meaning: string;
  code: UpstreamErrorCode;
  retryable: boolean;
  staleToken: boolean;
  retryAfterMs?: number;
}

export const MINIAPP_ERRORS: ReadonlyMap<number, MiniappErrorRule> = new Map<number, MiniappErrorRule>([
  [2, { meaning: 'system error, retry later (系统异常,请稍后重试)', code: 'UPSTREAM_UNAVAILABLE', retryable: true, staleToken: false }],
  [10001, { meaning: 'invalid appid or secret [sandbox assumption]', code: 'UPSTREAM_AUTH', retryable: false, staleToken: false }],
  [10002, { meaning: 'invalid parameter, e.g. page_size over 100 [sandbox assumption]', code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false }],
  [10003, { meaning: 'access_token invalid or expired [assumption]', code: 'UPSTREAM_AUTH', retryable: false, staleToken: true }],
  [10004, { meaning: 'rate limited [sandbox assumption]', code: 'UPSTREAM_RATE_LIMITED', retryable: true, staleToken: false, retryAfterMs: 1000 }],
]);

const RETRY_AFTER = /(\d+)\s*(?:秒|s\b|seconds?)/;

/** An error envelope (`code` non-zero or `success: false`) as an UpstreamError. */
export function toMiniappError(code: unknown, msg: unknown): UpstreamError {
  const rule = typeof code === 'number' ? MINIAPP_ERRORS.get(code) : undefined;
  const message = typeof msg === 'string' ? msg : undefined;
  const hint = message === undefined ? null : RETRY_AFTER.exec(message);
  return new UpstreamError({
    platform: 'XHS_MINIAPP',
    code: rule?.code ?? 'UPSTREAM_REJECTED',
    upstreamCode: code === undefined || code === null ? 'success=false' : String(code),
    upstreamMessage: message,
    retryable: rule?.retryable ?? false,
    staleToken: rule?.staleToken ?? false,
    retryAfterMs: rule?.retryAfterMs === undefined ? undefined : hint ? Number(hint[1]) * 1000 : rule.retryAfterMs,
  });
}
