/**
 * Xiaoe answer codes -> the gateway's UpstreamError, in one table (upstream-protocols.md section 2).
 * Every Xiaoe answer is `{code, msg, data}` with HTTP 200; `code` 0 is success.
 */
import { UpstreamError, type UpstreamErrorCode } from '../errors';

/** The sandbox's parameter error code. Xiaoe does not publish one [assumption]. */
export const XIAOE_PARAMETER_ERROR = 2002;

interface XiaoeErrorEntry {
  code: UpstreamErrorCode;
  retryable: boolean;
  staleToken: boolean;
  retryAfterMs?: number;
}

export const XIAOE_ERROR_TABLE: ReadonlyMap<number, XiaoeErrorEntry> = new Map<number, XiaoeErrorEntry>([
  // invalid secret_key [public wiki]: the credentials themselves are wrong; a new token cannot help.
  [2001, { code: 'UPSTREAM_AUTH', retryable: false, staleToken: false }],
  // access token invalid [public SDK: refresh and retry once].
  [2008, { code: 'UPSTREAM_AUTH', retryable: false, staleToken: true }],
  // rate limit exceeded [assumption: code 429]. The quota is 3000 calls per 10 s per shop (100 per
  // 10 minutes on /token); one 10 s window is the documented time after which it frees up.
  [429, { code: 'UPSTREAM_RATE_LIMITED', retryable: true, staleToken: false, retryAfterMs: 10_000 }],
  [XIAOE_PARAMETER_ERROR, { code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false }],
]);

const OTHER_CODE: XiaoeErrorEntry = { code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false };

/** The error for a non-zero `code`; a code outside the table is UPSTREAM_REJECTED. */
export function toXiaoeUpstreamError(code: number, msg: unknown): UpstreamError {
  const entry = XIAOE_ERROR_TABLE.get(code) ?? OTHER_CODE;
  return new UpstreamError({
    platform: 'XIAOE',
    code: entry.code,
    upstreamCode: String(code),
    upstreamMessage: typeof msg === 'string' && msg !== '' ? msg : undefined,
    retryable: entry.retryable,
    retryAfterMs: entry.retryAfterMs,
    staleToken: entry.staleToken,
  });
}
