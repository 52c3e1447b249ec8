/** Codes of errors the gateway itself raises (upstream failures are UpstreamError, in src/platforms/errors.ts). */
export type GatewayErrorCode = 'BAD_USER_INPUT' | 'UNSUPPORTED_OPERATION' | 'PLATFORM_NOT_CONFIGURED';

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
