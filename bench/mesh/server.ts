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
const server = http.createServer(createYoga({ schema, graphqlEndpoint: '/graphql', logging: false, landingPage: false }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
