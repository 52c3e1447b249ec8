/**
 * What `_entities` selects on one entity type, as a `ProductSelection`. The field's selection holds every
 * type at once (`... on Product { title } ... on Sku { price { amount } }`); only the fragments that
 * apply to the type count, so a Sku's fields never widen a Product lookup and the other way round.
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { selectionOf } from '../loaders/selection';
import type { ProductSelection } from '../platforms/types';

export type EntityTypeName = 'Product' | 'Sku';

/** Interfaces an entity type implements: a fragment on one of them applies to the type too. */
const INTERFACES: Record<EntityTypeName, readonly string[]> = { Product: ['Node'], Sku: [] };

type EntityInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

// One `_entities` field resolves every representation with the same info: its selection is read once
// per type, and the same object is handed to every lookup (the loaders key their batches on it).
const cache = new WeakMap<readonly FieldNode[], Map<EntityTypeName, ProductSelection>>();

/** The selection below `_entities` that applies to `type`, at most once per field and type. */
export function entitySelectionOf(info: EntityInfo, type: EntityTypeName): ProductSelection {
  let byType = cache.get(info.fieldNodes);
  if (!byType) cache.set(info.fieldNodes, (byType = new Map()));
  let selection = byType.get(type);
  if (!selection) byType.set(type, (selection = readSelection(info, type)));
  return selection;
}

function readSelection(info: EntityInfo, type: EntityTypeName): ProductSelection {
  const sets: SelectionSetNode[] = [];
  for (const node of info.fieldNodes) if (node.selectionSet) collectTyped(node.selectionSet, type, info.fragments, sets, new Set());
  // selectionOf reads the fields below a field node; each applicable fragment stands in for one.
  const fieldNodes = sets.map((selectionSet): FieldNode => ({ kind: Kind.FIELD, name: { kind: Kind.NAME, value: type }, selectionSet }));
  return selectionOf({ fieldNodes, fragments: info.fragments });
}

/** The selection sets of the fragments below `set` whose type condition applies to `type`. */
function collectTyped(
  set: SelectionSetNode,
  type: EntityTypeName,
  fragments: Record<string, FragmentDefinitionNode>,
  into: SelectionSetNode[],
  visiting: Set<string>,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) continue; // on the _Entity union itself only __typename can be selected
    const name = selection.kind === Kind.FRAGMENT_SPREAD ? selection.name.value : undefined;
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
    // Validation already rejects fragment cycles; the guard keeps this function total anyway.
    if (!fragment || (name !== undefined && visiting.has(name))) continue;
    const condition = fragment.typeCondition?.name.value ?? '_Entity';
    if (condition === type || INTERFACES[type].includes(condition)) {
      into.push(fragment.selectionSet);
    } else if (condition === '_Entity') {
      // A fragment on the union itself may hold `... on Product`.
      if (name !== undefined) visiting.add(name);
      collectTyped(fragment.selectionSet, type, fragments, into, visiting);
      if (name !== undefined) visiting.delete(name);
    }
  }
}
