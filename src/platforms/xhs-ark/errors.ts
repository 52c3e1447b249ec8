/**
 * Ark `error_code` -> UpstreamError, in one table. The Ark page documents the envelope only; the codes
 * are the assumptions of upstream-protocols.md §4 (1001, 1002, 429) plus the sandbox's parameter error
 * (1003), which the README lists with them.
 */
import { UpstreamError, type UpstreamErrorCode } from '../errors';

export interface ArkErrorRule {
  meaning: string;
  code: UpstreamErrorCode;
  retryable: boolean;
  retryAfterMs?: number;
}

/** Ark has no access token (every call is signed), so no code is a stale token. */
export const ARK_ERRORS: ReadonlyMap<number, ArkErrorRule> = new Map<number, ArkErrorRule>([
  [1001, { meaning: 'invalid sign or unknown app-key [assumption]', code: 'UPSTREAM_AUTH', retryable: false }],
  [1002, { meaning: 'timestamp missing or more than 10 minutes off [assumption]', code: 'UPSTREAM_AUTH', retryable: false }],
  [1003, { meaning: 'invalid parameter, e.g. page_size over 50 [sandbox assumption]', code: 'UPSTREAM_REJECTED', retryable: false }],
  [429, { meaning: 'rate limited [assumption]', code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: 1000 }],
]);

/** The platform's "retry in N seconds" hint in a rate-limit message, when it gives one. */
const RETRY_AFTER = /(\d+)\s*(?:秒|s\b|seconds?)/;

/** An error envelope (`error_code` non-zero or `success: false`) as an UpstreamError. */
export function toArkError(errorCode: unknown, errorMsg: unknown): UpstreamError {
  const rule = typeof errorCode === 'number' ? ARK_ERRORS.get(errorCode) : undefined;
  const message = typeof errorMsg === 'string' ? errorMsg : undefined;
  return new UpstreamError({
    platform: 'XHS_ARK',
    code: rule?.code ?? 'UPSTREAM_REJECTED',
    upstreamCode: errorCode === undefined || errorCode === null ? 'success=false' : String(errorCode),
    upstreamMessage: message,
    retryable: rule?.retryable ?? false,
    retryAfterMs: rule?.retryAfterMs === undefined ? undefined : retryAfterMs(message, rule.retryAfterMs),
  });
}

/** HTTP 429 without an Ark envelope (a gateway in front of the API answering for it). */
export function arkHttpRateLimited(retryAfterHeader: string | undefined): UpstreamError {
  const seconds = Number(retryAfterHeader);
  return new UpstreamError({
    platform: 'XHS_ARK',
    code: 'UPSTREAM_RATE_LIMITED',
    upstreamCode: 'HTTP 429',
    retryable: true,
    retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000,
  });
}

function retryAfterMs(message: string | undefined, fallbackMs: number): number {
  const match = message === undefined ? null : RETRY_AFTER.exec(message);
  return match ? Number(match[1]) * 1000 : fallbackMs;
}
