/**
 * The root fields an operation executes, grouped by response key as execution groups them
 * (GraphQL spec, "CollectFields"): fragments and inline fragments expanded, a fragment spread twice
 * at the same level collected once, `@skip`/`@include` applied. Two fields with one response key are
 * one execution, so a fragment repeated under the same keys costs once, not once per spread.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type FragmentDefinitionNode,
  type FragmentSpreadNode,
  type InlineFragmentNode,
  type SelectionSetNode,
} from 'graphql';

export type Fragments = Record<string, FragmentDefinitionNode>;

/** Response key -> the field nodes executed under it, in document order. */
export function collectRootFields(
  set: SelectionSetNode,
  fragments: Fragments,
  variables: Record<string, unknown>,
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  collect(set, fragments, variables, fields, new Set());
  return fields;
}

function collect(
  set: SelectionSetNode,
  fragments: Fragments,
  variables: Record<string, unknown>,
  into: Map<string, FieldNode[]>,
  visited: Set<string>,
): void {
  for (const selection of set.selections) {
    if (!isIncluded(selection, variables)) continue;
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const nodes = into.get(key);
      if (nodes) nodes.push(selection);
      else into.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, fragments, variables, into, visited);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (visited.has(name) || !fragment) continue;
      visited.add(name);
      collect(fragment.selectionSet, fragments, variables, into, visited);
    }
  }
}

function isIncluded(node: FieldNode | FragmentSpreadNode | InlineFragmentNode, variables: Record<string, unknown>): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

/** The document's fragment definitions by name. */
export function fragmentsOf(definitions: ReadonlyArray<{ kind: Kind }>): Fragments {
  const fragments: Fragments = {};
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments[fragment.name.value] = fragment;
    }
  }
  return fragments;
}
