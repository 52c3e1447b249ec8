/**
 * Composes subgraphs into a supergraph and serves it with Apollo Gateway, as a company's existing
 * supergraph would take in the catalog. Composition reads each subgraph's SDL from `_service { sdl }`,
 * which is also what `rover subgraph introspect` publishes (docs/federation.md).
 */
import { composeServices as composeWithApollo } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices as composeWithHive } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  /** The subgraph's GraphQL URL. */
  url: string;
}

export interface RunningSupergraph {
  /** The supergraph's GraphQL endpoint. */
  url: string;
  close(): Promise<void>;
}

/** A subgraph's SDL as it publishes it (`_service { sdl }`). */
export async function fetchSubgraphSdl(url: string): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = (await res.json()) as { data?: { _service?: { sdl?: string } }; errors?: unknown };
  const sdl = body.data?._service?.sdl;
  if (typeof sdl !== 'string') throw new Error(`${url} did not answer _service { sdl }: HTTP ${res.status} ${JSON.stringify(body.errors)}`);
  return sdl;
}

/** Apollo's composition (what Rover and GraphOS run) or The Guild's (what Hive runs). */
export type Composer = 'apollo' | 'hive';

/** The supergraph SDL of these subgraphs; throws with every composition error when they do not compose. */
export async function composeSupergraph(subgraphs: readonly SubgraphEndpoint[], composer: Composer = 'apollo'): Promise<string> {
  const services = await Promise.all(subgraphs.map(async ({ name, url }) => ({ name, url, typeDefs: parse(await fetchSubgraphSdl(url)) })));
  const result = composer === 'apollo' ? composeWithApollo(services) : composeWithHive(services);
  if (result.errors) throw new Error(`${composer} composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  return result.supergraphSdl!;
}

/** Apollo Gateway over a composed supergraph, on 127.0.0.1 (`port` 0: a free one). */
export async function startSupergraphGateway(supergraphSdl: string, port = 0): Promise<RunningSupergraph> {
  const server = new ApolloServer({
    gateway: new ApolloGateway({ supergraphSdl }),
    includeStacktraceInErrorResponses: false,
  });
  const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
  return { url, close: () => server.stop() };
}
