import type { PlatformCode } from '../generated/graphql';
import { text } from '../util/text';

/** Error codes a client sees in `errors[].extensions.code` for upstream trouble. */
export type UpstreamErrorCode =
  'UPSTREAM_TIMEOUT' | 'UPSTREAM_RATE_LIMITED' | 'UPSTREAM_AUTH' | 'UPSTREAM_BAD_RESPONSE' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_REJECTED';

/**
 * Why the gateway, rather than a platform's error code, failed a call: one value per row of the
 * "Transport and envelope failures" table in docs/resilience.md.
 */
export enum GatewayReason {
  /** The attempt timed out (`detail`: `ECONNABORTED` or `ETIMEDOUT`). */
  Timeout = 'TIMEOUT',
  /** No time left before the request's deadline for another attempt. */
  Deadline = 'DEADLINE',
  /** Reset, refused, DNS failure (`detail`: the socket error code). */
  Network = 'NETWORK_ERROR',
  /** An HTTP status that fails the call whatever the body (`detail`: `HTTP <status>`). */
  HttpStatus = 'HTTP_STATUS',
  /** An answer the gateway cannot read (`detail`: what was wrong). */
  BadResponse = 'BAD_RESPONSE',
  /** The endpoint's circuit breaker is open. */
  CircuitOpen = 'CIRCUIT_OPEN',
  /** Held back to stay within the quota, or a platform's "limited for N s" pause is in force. */
  QuotaPacing = 'QUOTA_PACING',
}

/** What the gateway tells clients about its own reasons, where the platform said nothing. */
const REASON_MESSAGES: Readonly<Partial<Record<GatewayReason, string>>> = {
  [GatewayReason.CircuitOpen]: 'recent calls failed; the gateway is not calling this endpoint until a probe succeeds',
  [GatewayReason.QuotaPacing]: 'the gateway held this call back to stay within the platform quota',
};

export interface UpstreamErrorInit {
  platform: PlatformCode;
  code: UpstreamErrorCode;
  /** The platform's own code (TOP `code/sub_code`, WeChat `errcode`, ...), as a string, and nothing else. */
  upstreamCode?: string | undefined;
  /** The platform's message, already free of secrets (adapters never copy request parameters in). */
  upstreamMessage?: string | undefined;
  /** Set when the gateway, not a platform code, decided the failure. */
  reason?: GatewayReason | undefined;
  /**
   * What the gateway saw, where there is no platform code to say it: with a `reason`, as GatewayReason
   * describes; without one, a platform's error answer that carries no code (`success=false`,
   * upstreamErrorFrom), which the platform's table, not the gateway, classified.
   */
  detail?: string | undefined;
  retryable?: boolean;
  retryAfterMs?: number | undefined;
  requestId?: string | undefined;
}

/**
 * A failed upstream call, mapped once per platform into this family. Its message is safe to show to
 * clients: it names the platform and the platform's own code, never credentials or URLs with tokens.
 */
export class UpstreamError extends Error {
  readonly platform: PlatformCode;
  readonly code: UpstreamErrorCode;
  readonly upstreamCode: string | undefined;
  readonly upstreamMessage: string | undefined;
  readonly reason: GatewayReason | undefined;
  readonly detail: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;

  constructor(init: UpstreamErrorInit) {
    const shown = shownToClients(init);
    const detail =
      shown.upstreamCode !== undefined ? ` (${shown.upstreamCode}${shown.upstreamMessage ? `: ${shown.upstreamMessage}` : ''})` : '';
    super(`${init.platform}: ${describe(init.code)}${detail}`);
    this.name = 'UpstreamError';
    this.platform = init.platform;
    this.code = init.code;
    this.upstreamCode = init.upstreamCode;
    this.upstreamMessage = init.upstreamMessage;
    this.reason = init.reason;
    this.detail = init.detail;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
  }
}

/**
 * `extensions.upstreamCode` and `upstreamMessage` as clients have always seen them (docs/resilience.md):
 * the platform's code, else what the gateway saw, else the gateway's reason; the platform's message,
 * else the gateway's word on its reason.
 */
export function shownToClients(err: UpstreamErrorInit): { upstreamCode: string | undefined; upstreamMessage: string | undefined } {
  return {
    upstreamCode: err.upstreamCode ?? err.detail ?? err.reason,
    upstreamMessage: err.upstreamMessage ?? (err.reason === undefined ? undefined : REASON_MESSAGES[err.reason]),
  };
}

function describe(code: UpstreamErrorCode): string {
  switch (code) {
    case 'UPSTREAM_TIMEOUT':
      return 'upstream did not answer in time';
    case 'UPSTREAM_RATE_LIMITED':
      return 'upstream rate limit reached';
    case 'UPSTREAM_AUTH':
      return 'upstream rejected the credentials';
    case 'UPSTREAM_BAD_RESPONSE':
      return 'upstream sent a response the gateway cannot read';
    case 'UPSTREAM_UNAVAILABLE':
      return 'upstream unavailable';
    case 'UPSTREAM_REJECTED':
      return 'upstream rejected the request';
  }
}

/** An answer the gateway cannot read: `detail` says what was wrong. Not retried (docs/resilience.md). */
export function badResponse(platform: PlatformCode, detail: string): UpstreamError {
  return new UpstreamError({ platform, code: 'UPSTREAM_BAD_RESPONSE', reason: GatewayReason.BadResponse, detail });
}

/**
 * Internal: the platform says the access token is stale. The token layer (tokenCache.ts) refreshes it
 * once and repeats the call once, and turns this into `upstream` if it comes again; it never reaches
 * a client.
 */
export class StaleTokenError extends Error {
  constructor(readonly upstream: UpstreamError) {
    super(upstream.message);
    this.name = 'StaleTokenError';
  }
}

/** When a retry can succeed: a fixed wait, or one read from the platform's message or the clock. */
export type RetryAfter = number | ((message: string | undefined, nowMs: number) => number | undefined);

/** How the gateway treats one platform error code. */
export interface UpstreamErrorRule {
  code: UpstreamErrorCode;
  /** Would the same call succeed later (the guard retries it)? Default false. */
  retryable?: boolean;
  /** The access token is not (or no longer) good: refresh once and repeat once (StaleTokenError). */
  staleToken?: boolean;
  retryAfterMs?: RetryAfter;
}

/** One platform's error codes; each platform's errors.ts holds one, documented in docs/resilience.md. */
export interface UpstreamErrorTable {
  platform: PlatformCode;
  rules: ReadonlyMap<number, UpstreamErrorRule>;
  /** A code the table does not list, or an answer without a code. */
  otherwise: UpstreamErrorRule;
  /** A rule the sub code decides whatever the code (TOP: `isp.*` is the platform's own failure). */
  bySubCode?: (subCode: string) => UpstreamErrorRule | undefined;
}

/** A platform's error answer, field by field as it arrived (JSON values, unchecked). */
export interface UpstreamErrorAnswer {
  /** The code the table is keyed by: a number, or digits in a string. */
  code: unknown;
  /** A finer code the platform adds (TOP `sub_code`); shown as `code/subCode`. */
  subCode?: unknown;
  message?: unknown;
  requestId?: unknown;
  /** What the gateway saw when the answer has no code (e.g. `success=false`). */
  detail?: string | undefined;
}

/**
 * The one constructor of a platform's error: `answer` looked up in `table`. A stale-token code comes
 * back as a StaleTokenError for the token layer; everything else as the UpstreamError clients see.
 * `nowMs` dates a clock-based retry-after (WeChat's quotas).
 */
export function upstreamErrorFrom(
  table: UpstreamErrorTable,
  answer: UpstreamErrorAnswer,
  nowMs = Date.now(),
): UpstreamError | StaleTokenError {
  const key = numericCode(answer.code);
  const subCode = text(answer.subCode) ?? undefined;
  const rule = (subCode && table.bySubCode?.(subCode)) || (key === undefined ? undefined : table.rules.get(key)) || table.otherwise;
  const message = text(answer.message) ?? undefined;
  const code = typeof answer.code === 'number' ? String(answer.code) : (text(answer.code) ?? undefined);
  const error = new UpstreamError({
    platform: table.platform,
    code: rule.code,
    upstreamCode: code !== undefined && subCode ? `${code}/${subCode}` : code,
    upstreamMessage: message,
    detail: code === undefined ? answer.detail : undefined,
    retryable: rule.retryable ?? false,
    retryAfterMs: typeof rule.retryAfterMs === 'function' ? rule.retryAfterMs(message, nowMs) : rule.retryAfterMs,
    requestId: text(answer.requestId) ?? undefined,
  });
  return rule.staleToken ? new StaleTokenError(error) : error;
}

/** "N seconds" in a platform's message (`请 3 秒后重试`, `3s`, `for 13 more seconds`). */
const SECONDS_IN_MESSAGE = /(\d+)\s*(?:more\s+)?(?:秒|s\b|seconds?)/i;

/** A RetryAfter read from the platform's message, else `fallbackMs`. */
export function secondsInMessage(fallbackMs?: number): (message: string | undefined) => number | undefined {
  return (message) => {
    const match = message === undefined ? null : SECONDS_IN_MESSAGE.exec(message);
    return match ? Number(match[1]) * 1000 : fallbackMs;
  };
}

function numericCode(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** The platform does not have this id (absent, or deleted where the platform hides deleted records). */
export class NotFoundError extends Error {
  readonly platform: PlatformCode;
  readonly id: string;
  constructor(platform: PlatformCode, id: string) {
    super(`${platform} has no product with id "${id}"`);
    this.name = 'NotFoundError';
    this.platform = platform;
    this.id = id;
  }
}
