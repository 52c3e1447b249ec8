/**
 * Xiaoe-tech's answer codes, limits and envelope as this sandbox plays them. Sources: the goods detail 2.0
 * page and docs/platforms.md, "Xiaoe-tech: tokens and the envelope". Values marked "assumption" are not published; they are kept
 * here, in one place, and listed in the README.
 */
import { envelopeField, errorCodeText } from '../../envelopeFields';
import type { SandboxReply } from '../../types';

export const XIAOE_CODE = {
  OK: 0,
  /** Bad app_id/client_id/secret_key on `/token` [public wiki]. */
  INVALID_SECRET: 2001,
  /** Missing or malformed business parameter. Assumption: the code is not published. */
  INVALID_PARAMETER: 2002,
  /** Missing, unknown or expired access_token [public SDK]. */
  TOKEN_INVALID: 2008,
  /** Over 3000 calls per 10 s, or over the token endpoint's own quota. Assumption (code and msg). */
  RATE_LIMITED: 429,
} as const;

export const DEFAULT_MESSAGES: Readonly<Record<number, string>> = {
  [XIAOE_CODE.OK]: 'success',
  [XIAOE_CODE.INVALID_SECRET]: 'invalid secret_key',
  [XIAOE_CODE.INVALID_PARAMETER]: 'invalid parameter',
  [XIAOE_CODE.TOKEN_INVALID]: 'access_token invalid',
  [XIAOE_CODE.RATE_LIMITED]: 'rate limit exceeded',
};

/** Ids per detail call, summed over all `resources[]` groups. Assumption: not published. */
export const MAX_IDS_PER_DETAIL_CALL = 50;

export const LIST_PAGE_SIZE_DEFAULT = 10;
export const LIST_PAGE_SIZE_MAX = 100;
/** `end_time - start_time` may span at most this much (docs/platforms.md, "Xiaoe-tech: tokens and the envelope"). */
export const LIST_MAX_RANGE_MS = 15 * 24 * 3_600_000;

/** The token endpoint's own quota: 100 calls per 10 minutes, per app_id. */
export const TOKEN_QUOTA = { limit: 100, windowMs: 10 * 60_000 } as const;

/**
 * resource_type values the detail page lists (备注). A type outside this list is a parameter error.
 */
export const DOCUMENTED_RESOURCE_TYPES: ReadonlySet<number> = new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 20, 21, 23, 25, 29, 31, 34, 35, 37, 41, 42, 45, 46, 47, 50, 68, 71,
]);

/** Every Xiaoe answer is `{code, msg, data}` with HTTP 200, errors included. */
export function xiaoeReply(code: number | string, msg?: string, data: unknown = null): SandboxReply {
  return { status: 200, body: { code, msg: msg ?? DEFAULT_MESSAGES[Number(code)] ?? 'error', data } };
}

export function parameterError(msg: string): SandboxReply {
  return xiaoeReply(XIAOE_CODE.INVALID_PARAMETER, msg);
}

/** A non-zero `code`. */
export function xiaoeErrorCode(body: unknown): string | undefined {
  return errorCodeText(envelopeField(body, 'code'));
}
