/** Serves an example subgraph schema with Apollo Server's standalone HTTP server. */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import type { GraphQLSchema } from 'graphql';

export interface RunningSubgraph {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4101/. */
  url: string;
  close(): Promise<void>;
}

export async function startSubgraph(schema: GraphQLSchema, port: number): Promise<RunningSubgraph> {
  const server = new ApolloServer({ schema, plugins: [ApolloServerPluginInlineTraceDisabled()] });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}
