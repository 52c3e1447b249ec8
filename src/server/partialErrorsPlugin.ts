/** Adds the partial errors a merged catalog recorded (src/listing/partialErrors.ts) to the response. */
import type { ApolloServerPlugin } from '@apollo/server';
import { partialErrorsOf } from '../listing/partialErrors';
import type { GatewayContext } from './context';
import type { ErrorFormatter } from './formatError';

/** Appends the recorded errors, formatted as clients see them. Register it with the Apollo Server. */
export function partialErrorsPlugin(formatError: ErrorFormatter): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          const extra = partialErrorsOf(contextValue).map((error) => formatError(error.toJSON(), error));
          if (extra.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...extra];
        },
      };
    },
  };
}
