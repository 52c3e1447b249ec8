import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { Kind, parse, visit, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { resolvers } from '../resolvers';
import { guardEntities } from '../resolvers/entities';
import type { GatewayContext } from './context';

/** @apollo/subgraph's resolver map, which its package index does not export by name. */
type SubgraphResolvers = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers']>;

const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** The SDL files under schema/, read once at start-up. */
export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((name) => name.endsWith('.graphql'))
    .sort()
    .map((name) => readFileSync(SCHEMA_DIR + name, 'utf8'));
}

export interface SchemaOptions {
  /** A Federation v2 subgraph with `_service` and `_entities` (default), or the plain schema without them. */
  federation?: boolean;
}

export function buildSchema({ federation = true }: SchemaOptions = {}): GraphQLSchema {
  const typeDefs = parse(loadTypeDefs().join('\n'));
  if (!federation) return makeExecutableSchema({ typeDefs: withoutFederation(typeDefs), resolvers });
  const schema = buildSubgraphSchema({ typeDefs, resolvers: resolvers as SubgraphResolvers });
  const entities = schema.getQueryType()!.getFields()._entities!;
  entities.resolve = guardEntities(entities.resolve as GraphQLFieldResolver<unknown, GatewayContext>) as GraphQLFieldResolver<
    unknown,
    GatewayContext
  >;
  return schema;
}

/** The SDL without the federation `@link` and the directives it imports (`@key`, `@shareable`). */
function withoutFederation(document: DocumentNode): DocumentNode {
  const imported = new Set(['link']);
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'link') return;
      const imports = node.arguments?.find((arg) => arg.name.value === 'import')?.value;
      if (imports?.kind !== Kind.LIST) return;
      for (const value of imports.values) if (value.kind === Kind.STRING) imported.add(value.value.replace(/^@/, ''));
    },
  });
  return visit(document, {
    Directive: (node) => (imported.has(node.name.value) ? null : undefined),
    SchemaExtension: (node) => (node.directives?.every((d) => d.name.value === 'link') && !node.operationTypes?.length ? null : undefined),
  });
}
