/**
 * TOP `error_response` -> UpstreamError, in one table (docs/resilience.md, "Taobao"): the codes of TOP's
 * error-code guide, plus the other TOP platform codes the sandbox answers (9, 23, 32-34, 42/43, 50, the
 * API page's own example). TOP sessions are not refreshable by the gateway (the merchant re-authorizes),
 * so no code is a stale token.
 */
import {
  secondsInMessage,
  upstreamErrorFrom,
  type StaleTokenError,
  type UpstreamError,
  type UpstreamErrorRule,
  type UpstreamErrorTable,
} from '../errors';

const REJECTED: UpstreamErrorRule = { code: 'UPSTREAM_REJECTED' };
const AUTH: UpstreamErrorRule = { code: 'UPSTREAM_AUTH' };
const UNAVAILABLE: UpstreamErrorRule = { code: 'UPSTREAM_UNAVAILABLE', retryable: true };

/** TOP `code` -> gateway error; an `isp.*` sub code is UNAVAILABLE whatever the code (TOP error guide). */
export const TOP_ERRORS: UpstreamErrorTable = {
  platform: 'TAOBAO',
  rules: new Map<number, UpstreamErrorRule>([
    // App Call Limited: retry after the ban, `This ban will last for N more seconds`.
    [7, { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: secondsInMessage() }],
    [9, REJECTED], // Http Action Not Allowed
    [10, UNAVAILABLE], // Service Currently Unavailable
    [11, AUTH], // Insufficient ISV Permissions
    [12, AUTH], // Insufficient User Permissions
    [15, REJECTED], // Remote Service Error, isv.* (caller's fault); isp.* is UNAVAILABLE
    [21, REJECTED], // Missing Method
    [22, REJECTED], // Invalid Method
    [23, REJECTED], // Invalid Format
    [24, AUTH], // Missing Signature
    [25, AUTH], // Invalid Signature (wrong secret or sign method)
    [26, AUTH], // Missing Session
    [27, AUTH], // Invalid Session: the merchant must re-authorize
    [28, AUTH], // Missing App Key
    [29, AUTH], // Invalid App Key
    [30, AUTH], // Missing Timestamp
    [31, AUTH], // Invalid Timestamp (clock skew beyond +-10 min)
    [32, REJECTED], // Missing Version
    [33, REJECTED], // Invalid Version
    [34, REJECTED], // Unsupported Version
    [40, REJECTED], // Missing Required Arguments
    [41, REJECTED], // Invalid Arguments
    [42, REJECTED], // Forbidden Request
    [43, REJECTED], // Parameter Error
    [50, REJECTED], // Remote service error (the API page's error example), same sub_code rule as 15
  ]),
  otherwise: REJECTED,
  bySubCode: (subCode) => (subCode.startsWith('isp.') ? UNAVAILABLE : undefined),
};

/** The error of a TOP `error_response` (`code`, `msg`, `sub_code`, `sub_msg`, `request_id`). */
export function toTopError(response: Record<string, unknown>): UpstreamError | StaleTokenError {
  const message = [response.msg, response.sub_msg].filter((part) => typeof part === 'string' && part !== '').join(': ');
  return upstreamErrorFrom(TOP_ERRORS, { code: response.code, subCode: response.sub_code, message, requestId: response.request_id });
}
