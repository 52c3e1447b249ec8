/**
 * WeChat `errcode` -> UpstreamError, in one table (docs/resilience.md, "WeChat mini shop"): the global
 * return codes, the spu/get_list page's return codes, the mini shop's return-code page entries a read
 * can meet, and the token endpoints' credential codes. An errcode not listed is UPSTREAM_REJECTED.
 */
import { upstreamErrorFrom, type StaleTokenError, type UpstreamError, type UpstreamErrorRule, type UpstreamErrorTable } from '../errors';

/** "SPU does not exist": for a lookup by id it means the id is not the merchant's (client.ts). */
export const WECHAT_SPU_NOT_FOUND = 9401002;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const AUTH: UpstreamErrorRule = { code: 'UPSTREAM_AUTH' };
const STALE_TOKEN: UpstreamErrorRule = { code: 'UPSTREAM_AUTH', staleToken: true };
const REJECTED: UpstreamErrorRule = { code: 'UPSTREAM_REJECTED' };

export const WECHAT_ERRORS: UpstreamErrorTable = {
  platform: 'WECHAT_SHOP',
  rules: new Map<number, UpstreamErrorRule>([
    [-1, { code: 'UPSTREAM_UNAVAILABLE', retryable: true }], // system busy / system exception
    [-2, AUTH], // "Token too long" (spu/get_list page): a malformed access_token, not a stale one
    [40001, STALE_TOKEN], // invalid credential / access_token not the latest
    [40014, STALE_TOKEN], // invalid access_token (older spelling of 40001)
    [42001, STALE_TOKEN], // access_token expired
    [40002, REJECTED], // invalid grant_type
    [40013, AUTH], // invalid appid
    [40125, AUTH], // invalid appsecret
    [40164, AUTH], // caller IP not in the app's whitelist
    [41001, AUTH], // access_token missing
    [41002, AUTH], // appid missing
    [41004, AUTH], // appsecret missing
    [43001, REJECTED], // require GET method
    [43002, REJECTED], // require POST method
    // Daily quota: no retry today; it frees up at midnight in Beijing.
    [45009, { code: 'UPSTREAM_RATE_LIMITED', retryAfterMs: (_, nowMs) => DAY_MS - ((nowMs + SHANGHAI_OFFSET_MS) % DAY_MS) }],
    // Minute quota: frees up at the next minute.
    [45011, { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: (_, nowMs) => MINUTE_MS - (nowMs % MINUTE_MS) }],
    [47001, REJECTED], // body is not the JSON the API expects
    [48001, AUTH], // api unauthorized: the app lacks the mini shop permission
    [300000, { code: 'UPSTREAM_RATE_LIMITED', retryable: true }], // mini shop "frequency limit exceeded"
    [9401001, REJECTED], // SPU already exists
    [WECHAT_SPU_NOT_FOUND, REJECTED], // SPU does not exist (lookups answer NotFoundError instead)
    [9401006, REJECTED], // SKU does not exist
    [9401020, REJECTED], // invalid parameter
    [9401021, AUTH], // no permission for this API / this product
    [9401023, REJECTED], // SPU may not be edited
  ]),
  otherwise: REJECTED,
};

/** The error of an answer with a non-zero `errcode`; the `rid: ...` WeChat appends to `errmsg` is its request id. */
export function toWechatError(body: Record<string, unknown>, nowMs: number): UpstreamError | StaleTokenError {
  const errmsg = typeof body.errmsg === 'string' ? body.errmsg : '';
  const message = errmsg.replace(/\s*rid:\s*\S+\s*$/, '');
  return upstreamErrorFrom(WECHAT_ERRORS, { code: body.errcode, message, requestId: /rid:\s*(\S+)/.exec(errmsg)?.[1] }, nowMs);
}
