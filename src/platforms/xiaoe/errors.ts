/**
 * Xiaoe answer codes -> UpstreamError, in one table (docs/resilience.md, "Xiaoe"). Every Xiaoe answer
 * is `{code, msg, data}` with HTTP 200; `code` 0 is success.
 */
import { upstreamErrorFrom, type StaleTokenError, type UpstreamError, type UpstreamErrorRule, type UpstreamErrorTable } from '../errors';

/** The sandbox's parameter error code. Xiaoe does not publish one [assumption]. */
export const XIAOE_PARAMETER_ERROR = 2002;

export const XIAOE_ERRORS: UpstreamErrorTable = {
  platform: 'XIAOE',
  rules: new Map<number, UpstreamErrorRule>([
    // invalid secret_key [public wiki]: the credentials themselves are wrong; a new token cannot help.
    [2001, { code: 'UPSTREAM_AUTH' }],
    // access token invalid [public SDK: refresh and retry once].
    [2008, { code: 'UPSTREAM_AUTH', staleToken: true }],
    // rate limit exceeded [assumption: code 429]. The quota is 3000 calls per 10 s per shop (100 per
    // 10 minutes on /token); one 10 s window is the documented time after which it frees up.
    [429, { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: 10_000 }],
    [XIAOE_PARAMETER_ERROR, { code: 'UPSTREAM_REJECTED' }],
  ]),
  otherwise: { code: 'UPSTREAM_REJECTED' },
};

/** The error of an answer with a non-zero `code`. */
export function toXiaoeError(body: Record<string, unknown>): UpstreamError | StaleTokenError {
  return upstreamErrorFrom(XIAOE_ERRORS, { code: body.code, message: body.msg });
}
