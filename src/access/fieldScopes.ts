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

/** The first scope the document needs and `scopes` lacks. */
export function missingScope(schema: GraphQLSchema, document: DocumentNode, scopes: ReadonlySet<string>): string | undefined {
  const typeInfo = new TypeInfo(schema);
  let missing: string | undefined;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const scope = FIELD_SCOPES.get(`${typeInfo.getParentType()?.name}.${node.name.value}`);
        if (scope !== undefined && !scopes.has(scope)) missing ??= scope;
      },
    }),
  );
  return missing;
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
