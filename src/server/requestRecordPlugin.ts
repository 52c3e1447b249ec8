/**
 * Copies what Apollo knows of a request (operation, document hash, error codes, extensions) into the
 * request's RequestRecord (its context's `record`), for the log line, metrics and span that
 * observeRequest writes.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GatewayContext } from './context';

export function requestRecordPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const record = rc.contextValue.record;
          record.operationName = rc.operationName ?? rc.request.operationName ?? null;
          record.operationType = rc.operation?.operation ?? null;
          record.documentHash = rc.queryHash ?? null;
          const body = rc.response.body;
          const result = body.kind === 'single' ? body.singleResult : body.initialResult;
          const codes = (result.errors ?? []).map((e) =>
            typeof e.extensions?.code === 'string' ? e.extensions.code : 'INTERNAL_SERVER_ERROR',
          );
          record.errorCodes = [...new Set(codes)];
          record.hasData = result.data !== undefined && result.data !== null;
          record.extensions = result.extensions;
        },
      };
    },
  };
}
