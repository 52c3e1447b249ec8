/**
 * Fields that need a scope, checked on the whole document before execution, so a refused operation
 * makes no upstream call. A field under `@include(if: false)` still counts: the check is on what the
 * document can ask for.
 */
import { GraphQLError, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { RAW_SCOPE } from '../auth/scopes';
import type { GatewayContext } from '../server/context';
import { GatewayError } from '../platforms/gatewayError';

/** `<Type>.<field>` -> the scope it needs. */
const FIELD_SCOPES: ReadonlyMap<string, string> = new Map([['Product.raw', RAW_SCOPE]]);

/**
 * The scopes a document's fields need, in document order, per schema and document: Apollo's document
 * store hands back the same DocumentNode for the same query text, so the walk with TypeInfo (about a
 * tenth of a cached request's CPU, bench/README.md) runs once per distinct document, not per request.
 */
const neededByDocument = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, readonly string[]>>();

function scopesNeeded(schema: GraphQLSchema, document: DocumentNode): readonly string[] {
  let bySchema = neededByDocument.get(schema);
  if (!bySchema) neededByDocument.set(schema, (bySchema = new WeakMap()));
  let needed = bySchema.get(document);
  if (needed) return needed;
  const typeInfo = new TypeInfo(schema);
  const found: string[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const scope = FIELD_SCOPES.get(`${typeInfo.getParentType()?.name}.${node.name.value}`);
        if (scope !== undefined && !found.includes(scope)) found.push(scope);
      },
    }),
  );
  bySchema.set(document, (needed = found));
  return needed;
}

/** The first scope the document needs and `scopes` lacks. */
export function missingScope(schema: GraphQLSchema, document: DocumentNode, scopes: ReadonlySet<string>): string | undefined {
  return scopesNeeded(schema, document).find((scope) => !scopes.has(scope));
}

/** Refuses an operation selecting a field whose scope the client lacks: FORBIDDEN, naming the scope, HTTP 403. */
export function fieldScopesPlugin(anonymousScopes: ReadonlySet<string>): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, contextValue }) {
          const scope = missingScope(schema, document, contextValue.client?.scopes ?? anonymousScopes);
          if (scope === undefined) return;
          const message = `this operation needs the scope ${scope}`;
          throw new GraphQLError(message, {
            originalError: new GatewayError('FORBIDDEN', message, { scope }),
            extensions: { http: { status: 403 } },
          });
        },
      };
    },
  };
}
