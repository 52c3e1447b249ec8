import { describe, expect, it } from 'vitest';
import { Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { selectionOf } from '../../src/loaders/selection';

function selectionFor(document: string): string[] {
  const doc = parse(document);
  const op = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const field = op.selectionSet.selections[0] as FieldNode;
  return [...selectionOf({ fieldNodes: [field], fragments })].sort();
}

describe('selectionOf', () => {
  it('lists selected fields as dotted paths at every depth', () => {
    expect(selectionFor('{ product(platform: TAOBAO, id: "1") { title skus { price { amount } } } }')).toEqual([
      'skus',
      'skus.price',
      'skus.price.amount',
      'title',
    ]);
  });

  it('follows aliases, fragments and inline fragments, and skips __typename', () => {
    const doc = `
      { node(id: "x") { __typename ... on Product { name: title ...P } } }
      fragment P on Product { stock { available } audit { state } }`;
    expect(selectionFor(doc)).toEqual(['audit', 'audit.state', 'stock', 'stock.available', 'title']);
  });

  it('hands back the same selection for the same field node, as the document store repeats it', () => {
    const doc = parse('{ a: products(platform: TAOBAO, ids: ["1"]) { title } b: products(platform: TAOBAO, ids: ["2"]) { title } }');
    const op = doc.definitions[0] as OperationDefinitionNode;
    const [a, b] = op.selectionSet.selections as FieldNode[];
    const first = selectionOf({ fieldNodes: [a!], fragments: {} });
    expect(selectionOf({ fieldNodes: [a!], fragments: {} })).toBe(first);
    expect(selectionOf({ fieldNodes: [b!], fragments: {} })).not.toBe(first);
    expect([...selectionOf({ fieldNodes: [b!], fragments: {} })]).toEqual(['title']);
  });
});
