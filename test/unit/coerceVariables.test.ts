import { Kind, getVariableValues, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { coerceVariables } from '../../src/cost/coerceVariables';
import { buildSchema } from '../../src/server/schema';

const schema = buildSchema();

function operationOf(variables: string): OperationDefinitionNode {
  const document = parse(`query Q${variables} { __typename }`);
  return document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
}

describe('coerceVariables', () => {
  it('answers as getVariableValues does, for string variables and for everything it leaves to it', () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['($ids: [ID!]!)', { ids: ['1', '2'] }],
      ['($ids: [ID!]!)', { ids: [] }],
      ['($ids: [ID!]!)', { ids: '1' }],
      ['($ids: [ID!]!)', { ids: [1, '2'] }],
      ['($ids: [ID!]!)', { ids: ['1', null] }],
      ['($ids: [ID!]!)', {}],
      ['($ids: [ID]!)', { ids: ['1', null] }],
      ['($id: ID!, $t: String)', { id: '7', t: 'x', extra: 1 }],
      ['($id: ID!, $t: String)', { id: '7' }],
      ['($id: ID!)', { id: 7 }],
      ['($id: ID!)', { id: true }],
      ['($id: ID = "3")', { id: '4' }],
      ['($id: ID = "3")', {}],
      ['($n: [[ID]])', { n: [['1']] }],
      ['($p: PlatformCode!, $id: ID!)', { p: 'TAOBAO', id: '1' }],
      ['', { ignored: 'x' }],
    ];
    for (const [definitions, raw] of cases) {
      const operation = operationOf(definitions);
      const expected = getVariableValues(schema, operation.variableDefinitions ?? [], raw);
      expect([definitions, raw, coerceVariables(schema, operation, raw)]).toEqual([definitions, raw, expected]);
    }
  });

  it('hands back the strings it was sent for a list of ids, without copying them', () => {
    const ids = ['1', '2'];
    expect(coerceVariables(schema, operationOf('($ids: [ID!]!)'), { ids }).coerced?.ids).toBe(ids);
  });
});
