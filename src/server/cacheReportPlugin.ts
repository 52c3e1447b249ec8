import type { ApolloServerPlugin } from '@apollo/server';
import { cacheReportOf } from '../cache/cacheReport';
import type { GatewayContext } from './context';

/**
 * Adds `extensions.cache` to every answer that used the entity cache: `{ hits, misses, stale }`, each
 * stale entry with its platform, id, age in seconds and why it was served (src/cache/cacheReport.ts).
 */
export function cacheReportPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const report = cacheReportOf(contextValue.usage);
          if (!report) return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cache: report };
        },
      };
    },
  };
}
