/**
 * WeChat `errcode` -> UpstreamError, in one table: every code of upstream-protocols.md section 3, the
 * spu/get_list page's return codes, the mini shop's return-code page entries a read can meet, and the
 * token endpoints' credential codes. An errcode not listed is UPSTREAM_REJECTED, not retryable.
 */
import { UpstreamError, type UpstreamErrorCode } from '../errors';

/** "SPU does not exist": for product/spu/get it means the id is not the merchant's (NotFoundError). */
export const WECHAT_SPU_NOT_FOUND = 9401002;

interface WechatErrorRule {
  code: UpstreamErrorCode;
  retryable?: boolean;
  /** The access_token is not (or no longer) good: refresh once and retry once. */
  staleToken?: boolean;
  /** When a retry can succeed: the next minute (minute quota) or the next day in Beijing (daily quota). */
  retryAt?: 'nextMinute' | 'nextShanghaiDay';
}

const AUTH: WechatErrorRule = { code: 'UPSTREAM_AUTH' };
const STALE_TOKEN: WechatErrorRule = { code: 'UPSTREAM_AUTH', staleToken: true };
const REJECTED: WechatErrorRule = { code: 'UPSTREAM_REJECTED' };

export const WECHAT_ERROR_TABLE: Readonly<Record<number, WechatErrorRule>> = {
  [-1]: { code: 'UPSTREAM_UNAVAILABLE', retryable: true }, // system busy / system exception
  [-2]: AUTH, // "Token too long" (spu/get_list page): a malformed access_token, not a stale one
  40001: STALE_TOKEN, // invalid credential / access_token not the latest
  40014: STALE_TOKEN, // invalid access_token (older spelling of 40001)
  42001: STALE_TOKEN, // access_token expired
  40002: REJECTED, // invalid grant_type
  40013: AUTH, // invalid appid
  40125: AUTH, // invalid appsecret
  40164: AUTH, // caller IP not in the app's whitelist
  41001: AUTH, // access_token missing
  41002: AUTH, // appid missing
  41004: AUTH, // appsecret missing
  43001: REJECTED, // require GET method
  43002: REJECTED, // require POST method
  45009: { code: 'UPSTREAM_RATE_LIMITED', retryAt: 'nextShanghaiDay' }, // daily quota: no retry today
  45011: { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAt: 'nextMinute' }, // minute quota
  47001: REJECTED, // body is not the JSON the API expects
  48001: AUTH, // api unauthorized: the app lacks the mini shop permission
  300000: { code: 'UPSTREAM_RATE_LIMITED', retryable: true }, // mini shop "frequency limit exceeded"
  9401001: REJECTED, // SPU already exists
  [WECHAT_SPU_NOT_FOUND]: REJECTED, // SPU does not exist (lookups turn it into NotFoundError)
  9401006: REJECTED, // SKU does not exist
  9401020: REJECTED, // invalid parameter
  9401021: AUTH, // no permission for this API / this product
  9401023: REJECTED, // SPU may not be edited
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The error for a non-zero `errcode`. `nowMs` dates the quota codes' retryAfterMs. */
export function toWechatError(errcode: number, errmsg: string | undefined, nowMs: number): UpstreamError {
  const rule = WECHAT_ERROR_TABLE[errcode] ?? REJECTED;
  return new UpstreamError({
    platform: 'WECHAT_SHOP',
    code: rule.code,
    upstreamCode: String(errcode),
    upstreamMessage: errmsg?.replace(/\s*rid:\s*\S+\s*$/, '') || undefined,
    retryable: rule.retryable ?? false,
    retryAfterMs: rule.retryAt ? retryAfterMs(rule.retryAt, nowMs) : undefined,
    requestId: errmsg ? /rid:\s*(\S+)/.exec(errmsg)?.[1] : undefined,
    staleToken: rule.staleToken ?? false,
  });
}

function retryAfterMs(at: 'nextMinute' | 'nextShanghaiDay', nowMs: number): number {
  if (at === 'nextMinute') return MINUTE_MS - (nowMs % MINUTE_MS);
  return DAY_MS - ((nowMs + SHANGHAI_OFFSET_MS) % DAY_MS);
}
