/**
 * Errors of a merged catalog that still has data: a failing platform must not null the whole field,
 * so its error is kept here, per request, and `partialErrorsPlugin` adds it to the response's `errors`
 * (through the server's formatError, with the catalog field's path).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../server/context';
import { formatError } from '../server/formatError';

const pending = new WeakMap<object, GraphQLError[]>();

/** Records `error` (e.g. a platform's UpstreamError) as an error located at `path`. */
export function reportPartialError(ctx: object, error: Error, path: ReadonlyArray<string | number>): void {
  const located = new GraphQLError(error.message, { path, originalError: error });
  const list = pending.get(ctx);
  if (list) list.push(located);
  else pending.set(ctx, [located]);
}

/** The errors recorded for a request, formatted as clients see them. */
export function partialErrorsOf(ctx: object): GraphQLFormattedError[] {
  return (pending.get(ctx) ?? []).map((error) => formatError(error.toJSON(), error));
}

/** Appends the recorded errors to the response. Register it with the Apollo Server. */
export function partialErrorsPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const extra = partialErrorsOf(contextValue);
          if (extra.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra];
        },
      };
    },
  };
}
