/**
 * Ark `error_code` -> UpstreamError, in one table (docs/resilience.md, "Xiaohongshu Ark"). The Ark page
 * documents the envelope only; 1001, 1002 and 429 are assumptions (docs/platforms.md), 1003 the
 * sandbox's parameter error. Ark has no access token (every call is signed), so no code is a stale token.
 */
import {
  GatewayReason,
  UpstreamError,
  secondsInMessage,
  upstreamErrorFrom,
  type StaleTokenError,
  type UpstreamErrorRule,
  type UpstreamErrorTable,
} from '../errors';

/** A rate limit frees up after the seconds its message names, else after 1 s [assumption]. */
const RATE_LIMITED: UpstreamErrorRule = { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: secondsInMessage(1000) };

export const ARK_ERRORS: UpstreamErrorTable = {
  platform: 'XHS_ARK',
  rules: new Map<number, UpstreamErrorRule>([
    [1001, { code: 'UPSTREAM_AUTH' }], // invalid sign or unknown app-key [assumption]
    [1002, { code: 'UPSTREAM_AUTH' }], // timestamp missing or more than 10 minutes off [assumption]
    [1003, { code: 'UPSTREAM_REJECTED' }], // invalid parameter, e.g. page_size over 50 [sandbox assumption]
    [429, RATE_LIMITED], // rate limited [assumption]
  ]),
  otherwise: { code: 'UPSTREAM_REJECTED' },
};

/** The error of an envelope with `error_code` non-zero or `success: false`. */
export function toArkError(body: Record<string, unknown>): UpstreamError | StaleTokenError {
  return upstreamErrorFrom(ARK_ERRORS, { code: body.error_code, message: body.error_msg, detail: 'success=false' });
}

/** HTTP 429 without an Ark envelope (a gateway in front of the API answering for it): its Retry-After, else 1 s. */
export function arkHttpRateLimited(retryAfterHeader: string | undefined): UpstreamError {
  const seconds = Number(retryAfterHeader);
  return new UpstreamError({
    platform: 'XHS_ARK',
    code: 'UPSTREAM_RATE_LIMITED',
    reason: GatewayReason.HttpStatus,
    detail: 'HTTP 429',
    retryable: true,
    retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000,
  });
}
