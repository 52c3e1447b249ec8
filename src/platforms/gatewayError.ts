/** Codes of errors the gateway itself raises (upstream failures are UpstreamError, in src/platforms/errors.ts). */
export type GatewayErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNSUPPORTED_OPERATION'
  | 'PLATFORM_NOT_CONFIGURED'
  /** A catalog cursor that is malformed, or was issued for another platform set or filter. */
  | 'BAD_CURSOR'
  /** A catalog filter the platform's list API cannot apply exactly. */
  | 'UNSUPPORTED_FILTER'
  /** One upstream value a field cannot be mapped from: that field alone is null (src/resolvers/fieldIssues.ts). */
  | 'UPSTREAM_BAD_VALUE';

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
