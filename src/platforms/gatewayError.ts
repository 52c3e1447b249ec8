/** Codes of errors the gateway itself raises (upstream failures are UpstreamError, in src/platforms/errors.ts). */
export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNSUPPORTED_OPERATION'
  | 'PLATFORM_NOT_CONFIGURED'
  /** A catalog cursor that is malformed, or was issued for another platform set or filter. */
  | 'BAD_CURSOR'
  /** A catalog filter the platform's list API cannot apply exactly. */
  | 'UNSUPPORTED_FILTER'
  /** The operation's estimated upstream calls exceed the per-operation maximum or the client's whole budget. */
  | 'COST_LIMIT_EXCEEDED'
  /** The client's budget of upstream calls does not hold the operation's estimate now (`retryAfterMs`). */
  | 'RATE_LIMITED'
  /** Structural limits (src/server/structuralLimits.ts), each with the `limit`. */
  | 'MAX_DEPTH_EXCEEDED'
  | 'MAX_ALIASES_EXCEEDED'
  | 'MAX_ROOT_FIELDS_EXCEEDED'
  | 'MAX_TOKENS_EXCEEDED'
  | 'MAX_DIRECTIVES_EXCEEDED'

  /** One upstream value a field cannot be mapped from: that field alone is null (src/resolvers/fieldIssues.ts). */
  | 'UPSTREAM_BAD_VALUE'
  /** The client lacks the scope a selected field needs (`extensions.scope` names it). */
  | 'FORBIDDEN';

/** An error meant for the client: its message and extensions are shown as they are. */
export class GatewayError extends Error {
  constructor(
    readonly code: GatewayErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}
