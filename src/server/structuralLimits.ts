/**
 * Structural limits as validation rules, so an oversized document is refused before anything runs:
 * depth, aliases and directives by GraphQL Armor's rules (fragments expanded, introspection included),
 * root fields by our own (the root selection as execution collects it). Tokens are limited by the
 * parser itself (`parseOptions.maxTokens`), which stops reading at the limit; `limitErrorOf` gives that
 * refusal its code. Each refusal has its own `extensions.code` and the `limit`.
 */
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import type { StructuralLimits } from '../config/structuralLimits';
import { collectRootFields, fragmentsOf } from '../cost/rootFields';
import { GatewayError, type GatewayErrorCode } from '../platforms/gatewayError';

type LimitCode = Extract<GatewayErrorCode, `MAX_${string}_EXCEEDED`>;

export function structuralLimitRules(limits: StructuralLimits): ValidationRule[] {
  const refuse = (code: LimitCode, limit: number) => ({
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(limitError(code, error.message, limit))],
  });
  return [
    maxDepthRule({ n: limits.depth, ignoreIntrospection: false, flattenFragments: true, ...refuse('MAX_DEPTH_EXCEEDED', limits.depth) }),
    maxAliasesRule({ n: limits.aliases, ...refuse('MAX_ALIASES_EXCEEDED', limits.aliases) }),
    maxDirectivesRule({ n: limits.directives, ...refuse('MAX_DIRECTIVES_EXCEEDED', limits.directives) }),
    maxRootFieldsRule(limits.rootFields),
  ];
}

/** Refuses an operation that executes more than `max` root fields (`__typename` included). */
function maxRootFieldsRule(max: number): ValidationRule {
  return (context): ASTVisitor => ({
    OperationDefinition(operation) {
      const fragments = fragmentsOf(context.getDocument().definitions);
      // Directives are not applied here (no variables yet): a field under @skip still counts.
      const count = collectRootFields(operation.selectionSet, fragments, {}).size;
      if (count > max)
        context.reportError(limitError('MAX_ROOT_FIELDS_EXCEEDED', `Root field limit of ${max} exceeded, found ${count}.`, max));
    },
  });
}

/** graphql-js's parse error when `maxTokens` stops it (graphql 16: "Document contains more that N tokens"). */
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more th(?:at|an) (\d+) tokens/;

/** The parse error of a document over the token limit, as a limit refusal; undefined for any other error. */
export function tokenLimitErrorOf(message: string): GatewayError | undefined {
  const match = TOKEN_LIMIT_MESSAGE.exec(message);
  if (!match) return undefined;
  const limit = Number(match[1]);
  return new GatewayError('MAX_TOKENS_EXCEEDED', `Token limit of ${limit} exceeded.`, { limit });
}

function limitError(code: LimitCode, message: string, limit: number): GraphQLError {
  const original = new GatewayError(code, message.replace(/^Syntax Error: /, ''), { limit });
  return new GraphQLError(original.message, { originalError: original });
}
