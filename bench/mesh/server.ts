/**
 * GraphQL Mesh under test: Mesh's JSON-schema handler (`@omnigraph/json-schema`, the loader behind
 * `@graphql-mesh/json-schema`) builds the executable schema from operations.ts, and GraphQL Yoga (the
 * server Mesh and Hive Gateway run on) serves it on node:http, with Yoga's default parse/validate
 * caches. The packages are bench-only devDependencies (bench/package.json), imported by name at run
 * time so the project's type-check does not need them installed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GraphQLSchema } from 'graphql';
import { announceReady, installProbe } from '../harness/probe';
import { MESH_OPERATIONS } from './operations';
import { createUpstreamFetch } from './upstreamFetch';

interface JsonSchemaLoader {
  loadGraphQLSchemaFromJSONSchemas: (name: string, options: Record<string, unknown>) => Promise<GraphQLSchema>;
}
interface Yoga {
  createYoga: (options: Record<string, unknown>) => http.RequestListener;
}
interface ResponseCache {
  useResponseCache(options: Record<string, unknown>): unknown;
}

const importByName = (name: string): Promise<unknown> => import(name);

installProbe();
const sandboxUrl = process.env.BENCH_SANDBOX_URL;
if (!sandboxUrl) throw new Error('BENCH_SANDBOX_URL is required');
const { loadGraphQLSchemaFromJSONSchemas } = (await importByName('@omnigraph/json-schema')) as JsonSchemaLoader;
const { createYoga } = (await importByName('graphql-yoga')) as Yoga;
const schema = await loadGraphQLSchemaFromJSONSchemas('catalog', {
  endpoint: sandboxUrl,
  operations: MESH_OPERATIONS,
  fetch: createUpstreamFetch(sandboxUrl),
});
// BENCH_MESH_RESPONSE_CACHE_TTL_MS (bench:capacity): Yoga's response cache, the one Mesh documents, shared
// by every client (`session: () => null`), every answer cached for the TTL.
const ttl = Number(process.env.BENCH_MESH_RESPONSE_CACHE_TTL_MS ?? 0);
const plugins =
  ttl > 0
    ? [((await importByName('@graphql-yoga/plugin-response-cache')) as ResponseCache).useResponseCache({ session: () => null, ttl })]
    : [];
const server = http.createServer(createYoga({ schema, graphqlEndpoint: '/graphql', logging: false, landingPage: false, plugins }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
