import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { entitySelectionOf } from '../../src/resolvers/entitySelection';

/** The `_entities` field of `query` and its fragments, as a resolver's info has them. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('entitySelectionOf', () => {
  it('reads only the fragments that apply to the type', () => {
    const info = infoOf(
      `{ _entities(representations: []) { __typename ... on Product { title price { min { amount } } } ... on Sku { barcode } } }`,
    );
    expect([...entitySelectionOf(info, 'Product')].sort()).toEqual(['price', 'price.min', 'price.min.amount', 'title']);
    expect([...entitySelectionOf(info, 'Sku')]).toEqual(['barcode']);
  });

  it('follows named fragments, fragments on the union, and fragments on Node for Product', () => {
    const info = infoOf(`{ _entities(representations: []) { ...E ... on Node { id } } }
      fragment E on _Entity { ... on Product { ...P } ... on Sku { name } }
      fragment P on Product { title }`);
    expect([...entitySelectionOf(info, 'Product')].sort()).toEqual(['id', 'title']);
    expect([...entitySelectionOf(info, 'Sku')]).toEqual(['name']);
  });

  it('hands back the same selection object for every representation of one field', () => {
    const info = infoOf(`{ _entities(representations: []) { ... on Product { title } } }`);
    expect(entitySelectionOf(info, 'Product')).toBe(entitySelectionOf({ ...info }, 'Product'));
  });
});
