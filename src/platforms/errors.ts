import type { PlatformCode } from '../generated/graphql';

/** Error codes a client sees in `errors[].extensions.code` for upstream trouble. */
export type UpstreamErrorCode =
  | 'UPSTREAM_TIMEOUT'
  | 'UPSTREAM_RATE_LIMITED'
  | 'UPSTREAM_AUTH'
  | 'UPSTREAM_BAD_RESPONSE'
  | 'UPSTREAM_UNAVAILABLE'
  | 'UPSTREAM_REJECTED';

export interface UpstreamErrorInit {
  platform: PlatformCode;
  code: UpstreamErrorCode;
  /** The platform's own code (TOP `code`/`sub_code`, WeChat `errcode`, ...), as a string. */
  upstreamCode?: string | undefined;
  /** The platform's message, already free of secrets (adapters never copy request parameters in). */
  upstreamMessage?: string | undefined;
  retryable?: boolean;
  retryAfterMs?: number | undefined;
  requestId?: string | undefined;
  /** Stale token: refresh once and retry once. */
  staleToken?: boolean;
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
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly requestId: string | undefined;
  readonly staleToken: boolean;

  constructor(init: UpstreamErrorInit) {
    const detail = init.upstreamCode !== undefined ? ` (${init.upstreamCode}${init.upstreamMessage ? `: ${init.upstreamMessage}` : ''})` : '';
    super(`${init.platform}: ${describe(init.code)}${detail}`);
    this.name = 'UpstreamError';
    this.platform = init.platform;
    this.code = init.code;
    this.upstreamCode = init.upstreamCode;
    this.upstreamMessage = init.upstreamMessage;
    this.retryable = init.retryable ?? false;
    this.retryAfterMs = init.retryAfterMs;
    this.requestId = init.requestId;
    this.staleToken = init.staleToken ?? false;
  }
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
