/**
 * TOP `error_response` -> UpstreamError, in one table. Codes from upstream-protocols.md section 1, plus
 * the other TOP platform codes the sandbox answers (9, 23, 32-34, 42/43, 50, the page's own example).
 * TOP sessions are not refreshable by the gateway (the merchant re-authorizes), so nothing is `staleToken`.
 */
import { UpstreamError, type UpstreamErrorCode } from '../errors';

export interface TopErrorResponse {
  code?: unknown;
  msg?: unknown;
  sub_code?: unknown;
  sub_msg?: unknown;
  request_id?: unknown;
}

interface TopErrorRule {
  code: UpstreamErrorCode;
  retryable: boolean;
}

const REJECTED: TopErrorRule = { code: 'UPSTREAM_REJECTED', retryable: false };
const AUTH: TopErrorRule = { code: 'UPSTREAM_AUTH', retryable: false };
const UNAVAILABLE: TopErrorRule = { code: 'UPSTREAM_UNAVAILABLE', retryable: true };

/** TOP `code` -> gateway error. 15 and 50 depend on `sub_code` (see `ruleFor`). */
export const TOP_ERROR_TABLE: Readonly<Record<number, TopErrorRule>> = {
  7: { code: 'UPSTREAM_RATE_LIMITED', retryable: true }, // App Call Limited; retry after the ban
  9: REJECTED, // Http Action Not Allowed
  10: UNAVAILABLE, // Service Currently Unavailable
  11: AUTH, // Insufficient ISV Permissions
  12: AUTH, // Insufficient User Permissions
  15: REJECTED, // Remote Service Error, isv.* (caller's fault); isp.* is UNAVAILABLE
  21: REJECTED, // Missing Method
  22: REJECTED, // Invalid Method
  23: REJECTED, // Invalid Format
  24: AUTH, // Missing Signature
  25: AUTH, // Invalid Signature (wrong secret or sign method)
  26: AUTH, // Missing Session
  27: AUTH, // Invalid Session: the merchant must re-authorize
  28: AUTH, // Missing App Key
  29: AUTH, // Invalid App Key
  30: AUTH, // Missing Timestamp
  31: AUTH, // Invalid Timestamp (clock skew beyond +-10 min)
  32: REJECTED, // Missing Version
  33: REJECTED, // Invalid Version
  34: REJECTED, // Unsupported Version
  40: REJECTED, // Missing Required Arguments
  41: REJECTED, // Invalid Arguments
  42: REJECTED, // Forbidden Request
  43: REJECTED, // Parameter Error
  50: REJECTED, // Remote service error (the API page's error example), same sub_code rule as 15
};

export function toTopUpstreamError(error: TopErrorResponse): UpstreamError {
  const code = typeof error.code === 'number' ? error.code : Number(error.code);
  const subCode = text(error.sub_code);
  const subMsg = text(error.sub_msg);
  const rule = ruleFor(code, subCode);
  return new UpstreamError({
    platform: 'TAOBAO',
    code: rule.code,
    upstreamCode: subCode ? `${String(error.code)}/${subCode}` : String(error.code),
    upstreamMessage: [text(error.msg), subMsg].filter(Boolean).join(': ') || undefined,
    retryable: rule.retryable,
    retryAfterMs: code === 7 ? banMs(subMsg) : undefined,
    requestId: text(error.request_id),
  });
}

/** `isp.*` sub codes are the platform's own failures, retryable whatever the code (TOP error guide). */
function ruleFor(code: number, subCode: string | undefined): TopErrorRule {
  if (subCode?.startsWith('isp.')) return UNAVAILABLE;
  return TOP_ERROR_TABLE[code] ?? REJECTED;
}

/** `This ban will last for N more seconds` -> N s in ms. */
function banMs(subMsg: string | undefined): number | undefined {
  const match = subMsg ? /(\d+)\s+more\s+seconds?/i.exec(subMsg) : null;
  return match ? Number(match[1]) * 1000 : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}
