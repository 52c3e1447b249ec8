/**
 * Errors of a merged catalog that still has data: a failing platform must not null the whole field,
 * so its error is kept here, per request, and the server's partialErrorsPlugin adds it to the
 * response's `errors` (formatted as every other error, with the catalog field's path).
 */
import { GraphQLError } from 'graphql';

const pending = new WeakMap<object, GraphQLError[]>();

/** Records `error` (e.g. a platform's UpstreamError) as an error located at `path`. */
export function reportPartialError(ctx: object, error: Error, path: ReadonlyArray<string | number>): void {
  const located = new GraphQLError(error.message, { path, originalError: error });
  const list = pending.get(ctx);
  if (list) list.push(located);
  else pending.set(ctx, [located]);
}

/** The errors recorded for a request, in the order they were reported. */
export function partialErrorsOf(ctx: object): readonly GraphQLError[] {
  return pending.get(ctx) ?? [];
}
