/**
 * A typed GraphQL call over fetch, no client library: the document's types give the variables and
 * the result. Each operation is sent as the persisted-documents manifest has it, with its hash in
 * Apollo's APQ extension, so the gateway checks that the hash is the SHA-256 of the text it runs (the
 * same pairing trusted-documents mode looks documents up by).
 */
import { readFileSync } from 'node:fs';
import type { TypedDocumentString } from './gql/graphql';

/** `{ "sha256:<hex>": "<document text>" }`, as the client preset writes it. */
const manifest = JSON.parse(readFileSync(new URL('./gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;

export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string } & Record<string, unknown>;
}

export interface ExecutionResult<R> {
  data: R | null;
  errors: GraphQLErrorEntry[];
}

export async function execute<R, V>(endpoint: string, document: TypedDocumentString<R, V>, variables: V): Promise<ExecutionResult<R>> {
  const hash = document.__meta__?.hash as string | undefined;
  const query = hash !== undefined ? manifest[hash] : undefined;
  if (!hash || !query) throw new Error('operation missing from persisted-documents.json: run `npm run codegen`');
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query, variables, extensions: { persistedQuery: { version: 1, sha256Hash: hash.replace(/^sha256:/, '') } } }),
  });
  const body = (await res.json()) as { data?: R | null; errors?: GraphQLErrorEntry[] };
  if (!res.ok && body.data === undefined)
    throw new Error(`HTTP ${res.status}: ${body.errors?.map((e) => e.message).join('; ') ?? 'no body'}`);
  return { data: body.data ?? null, errors: body.errors ?? [] };
}
