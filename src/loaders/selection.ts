/**
 * Turns the client's GraphQL selection on a Product into the platform-neutral `ProductSelection` the
 * adapters push upstream: every selected field as a dotted path below Product, at any depth,
 * through aliases, fragments and inline fragments.
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import type { ProductSelection } from '../platforms/types';

/**
 * The selection of a field that is one node of its document. Apollo's document store hands back the
 * same document, so the same nodes, for the same query text: a field's selection is walked once, and it
 * is the same object on every request, so what is keyed by it (selectionKey, the cost estimate) is
 * computed once too. Its fragments are the node's own document's, and directives are not read.
 */
const selectionByNode = new WeakMap<FieldNode, ProductSelection>();

/** The selection below the field being resolved (`product`, `products`, `node`). */
export function selectionOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ProductSelection {
  const single = info.fieldNodes.length === 1 ? info.fieldNodes[0] : undefined;
  const known = single && selectionByNode.get(single);
  if (known) return known;
  const paths = new Set<string>();
  for (const node of info.fieldNodes) collect(node.selectionSet, '', info.fragments, paths, new Set());
  if (single) selectionByNode.set(single, paths);
  return paths;
}

function collect(
  set: SelectionSetNode | undefined,
  prefix: string,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Set<string>,
  visiting: Set<string>,
): void {
  if (!set) return;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      addField(selection, prefix, fragments, into, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collect(selection.selectionSet, prefix, fragments, into, visiting);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // Validation already rejects fragment cycles; the guard keeps this function total anyway.
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      collect(fragment.selectionSet, prefix, fragments, into, visiting);
      visiting.delete(name);
    }
  }
}

function addField(
  field: FieldNode,
  prefix: string,
  fragments: Record<string, FragmentDefinitionNode>,
  into: Set<string>,
  visiting: Set<string>,
): void {
  const name = field.name.value;
  if (name.startsWith('__')) return;
  const path = prefix + name;
  into.add(path);
  collect(field.selectionSet, `${path}.`, fragments, into, visiting);
}

const keys = new WeakMap<ProductSelection, string>();

/**
 * A stable text of a selection, for cache keys. One field's selection is shared by all its ids, so the
 * text is computed once per selection, not once per id.
 */
export function selectionKey(selection: ProductSelection): string {
  let key = keys.get(selection);
  if (key === undefined) {
    key = [...selection].sort().join(',');
    keys.set(selection, key);
  }
  return key;
}

/**
 * Every path of every selection; each distinct selection object is read once. One distinct selection
 * (every id of a `products` field) is its own union: no copy, and caches keyed by the selection object
 * (its key text, the entry fields it touches) keep working.
 */
export function unionOf(selections: Iterable<ProductSelection>): ProductSelection {
  const distinct = new Set(selections);
  if (distinct.size === 1) for (const only of distinct) return only;
  const union = new Set<string>();
  for (const s of distinct) for (const path of s) union.add(path);
  return union;
}
