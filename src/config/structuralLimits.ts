/**
 * Structural limits on GraphQL documents (README, "Configuration"), refused before execution. The
 * defaults let every operation of the tests, the bench and Apollo Sandbox's introspection through.
 */
import { readCount } from './cost';

export interface StructuralLimits {
  /** `GRAPHQL_MAX_DEPTH`: nesting of fields, fragments expanded, introspection included. Default 15. */
  depth: number;
  /** `GRAPHQL_MAX_ALIASES`: aliases in an operation, fragments expanded. Default 30. */
  aliases: number;
  /** `GRAPHQL_MAX_ROOT_FIELDS`: fields executed at the root of an operation. Default 30. */
  rootFields: number;
  /** `GRAPHQL_MAX_TOKENS`: lexical tokens of the document; parsing stops beyond it. Default 5000. */
  tokens: number;
  /** `GRAPHQL_MAX_DIRECTIVES`: directives in an operation, fragments expanded. Default 20. */
  directives: number;
}

export const DEFAULT_STRUCTURAL_LIMITS: Readonly<StructuralLimits> = {
  depth: 15,
  aliases: 30,
  rootFields: 30,
  tokens: 5000,
  directives: 20,
};

export function parseStructuralLimits(env: Record<string, string | undefined>): StructuralLimits {
  const d = DEFAULT_STRUCTURAL_LIMITS;
  return {
    depth: readCount(env, 'GRAPHQL_MAX_DEPTH') ?? d.depth,
    aliases: readCount(env, 'GRAPHQL_MAX_ALIASES') ?? d.aliases,
    rootFields: readCount(env, 'GRAPHQL_MAX_ROOT_FIELDS') ?? d.rootFields,
    tokens: readCount(env, 'GRAPHQL_MAX_TOKENS') ?? d.tokens,
    directives: readCount(env, 'GRAPHQL_MAX_DIRECTIVES') ?? d.directives,
  };
}
