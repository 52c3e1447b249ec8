/**
 * The one place errors become what clients see. Errors meant for clients (upstream failures, absent
 * ids, bad input, unsupported operations, GraphQL's own request errors) keep their message and get
 * `extensions.code`; anything unexpected is masked, so no stack trace, URL or secret ever leaves.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { NotFoundError, UpstreamError, shownToClients } from '../platforms/errors';
import { GatewayError } from '../platforms/gatewayError';

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

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
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
  console.error('unexpected error while executing a request:', original);
  return { message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
