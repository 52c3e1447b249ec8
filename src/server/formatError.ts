/**
 * The one place errors become what clients see. Errors meant for clients (upstream failures, absent
 * ids, bad input, unsupported operations, GraphQL's own request errors) keep their message and get
 * `extensions.code`; anything unexpected is masked, so no stack trace, URL or secret ever leaves, and
 * is handed to `reportUnexpected` (the server logs it through the redacting logger).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { NotFoundError, UpstreamError, shownToClients } from '../platforms/errors';
import type { Logger } from '../observability/logger';
import { GatewayError } from '../platforms/gatewayError';
import { tokenLimitErrorOf } from './structuralLimits';

/** Codes graphql-js and Apollo Server assign to errors in the request itself; their messages are safe. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export type ErrorFormatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/** Apollo's `formatError`, logging what it masks as `unexpected error while executing a request`. */
export function loggingErrorFormatter(logger: Pick<Logger, 'error'>): ErrorFormatter {
  return (formatted, error) =>
    formatError(formatted, error, (original) => logger.error({ err: original }, 'unexpected error while executing a request'));
}

export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  reportUnexpected: (original: unknown) => void,
): GraphQLFormattedError {
  // The parser's token limit is a plain syntax error: it is recognized by its message.
  const tokenLimit = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? tokenLimitErrorOf(formatted.message) : undefined;
  const original = tokenLimit ?? unwrapPluginError(unwrapResolverError(error));
  const where = { locations: formatted.locations, path: formatted.path };
  if (original instanceof UpstreamError) {
    return {
      message: original.message,
      ...where,
      extensions: withoutUndefined({
        code: original.code,
        platform: original.platform,
        ...shownToClients(original),
        retryable: original.retryable,
        retryAfterMs: original.retryAfterMs,
        requestId: original.requestId,
      }),
    };
  }
  if (original instanceof NotFoundError) {
    return { message: original.message, ...where, extensions: { code: 'NOT_FOUND', platform: original.platform, id: original.id } };
  }
  if (original instanceof GatewayError) {
    return { message: original.message, ...where, extensions: { code: original.code, ...original.extensions } };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, ...where, extensions: { code } };
  }
  if (isUncodedRequestError(original)) {
    return { message: formatted.message, ...where, extensions: { code: 'BAD_REQUEST' } };
  }
  reportUnexpected(original);
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Apollo Server refuses a few requests with a bare GraphQLError and HTTP 400 but no code (an automatic
 * persisted query whose hash does not match its text): a fault of the request, safe to show as it is.
 */
function isUncodedRequestError(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError !== undefined || error.extensions.code !== undefined) return false;
  const http = error.extensions.http as { status?: unknown } | undefined;
  return http?.status === 400;
}

/** A GatewayError a plugin threw before execution, wrapped by Apollo in a GraphQLError without a path. */
function unwrapPluginError(error: unknown): unknown {
  return error instanceof GraphQLError && error.originalError instanceof GatewayError ? error.originalError : error;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
