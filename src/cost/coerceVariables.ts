/**
 * graphql-js's getVariableValues, without its work for the variables that need none: an ID or String
 * variable, or a list of them, sent as a string or an array of strings coerces to itself. S2 sends 50
 * ids in `[ID!]!`; coercing them cost about half of the cost estimate.
 */
import { Kind, getVariableValues, type GraphQLSchema, type OperationDefinitionNode, type TypeNode } from 'graphql';

/** A variable whose strings need no coercion; `list`: a list of them (not nested). */
interface StringVariable {
  name: string;
  list: boolean;
}

/** Per operation (Apollo's document store keeps the same node for the same text): its variables, when all are such. */
const stringVariablesOf = new WeakMap<OperationDefinitionNode, readonly StringVariable[] | null>();

export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown>,
): ReturnType<typeof getVariableValues> {
  const variables = stringVariables(operation);
  if (variables) {
    const coerced: Record<string, unknown> = {};
    let plain = true;
    for (const { name, list } of variables) {
      const value = raw[name];
      if (list ? !isStringArray(value) : typeof value !== 'string') {
        plain = false;
        break;
      }
      coerced[name] = value;
    }
    if (plain) return { coerced };
  }
  return getVariableValues(schema, operation.variableDefinitions ?? [], raw);
}

function stringVariables(operation: OperationDefinitionNode): readonly StringVariable[] | null {
  let variables = stringVariablesOf.get(operation);
  if (variables === undefined) {
    const found: StringVariable[] = [];
    for (const definition of operation.variableDefinitions ?? []) {
      // A default applies to an absent value, which takes graphql-js anyway; this keeps the rule one line.
      const list = definition.defaultValue ? undefined : listOfStrings(definition.type);
      if (list === undefined) break;
      found.push({ name: definition.variable.name.value, list });
    }
    variables = found.length === (operation.variableDefinitions?.length ?? 0) ? found : null;
    stringVariablesOf.set(operation, variables);
  }
  return variables;
}

/** false: ID or String; true: a list of ID or String; undefined: anything else. Non-null or not alike. */
function listOfStrings(type: TypeNode): boolean | undefined {
  const outer = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  if (outer.kind === Kind.NAMED_TYPE) return isStringScalar(outer.name.value) ? false : undefined;
  const item = outer.type.kind === Kind.NON_NULL_TYPE ? outer.type.type : outer.type;
  return item.kind === Kind.NAMED_TYPE && isStringScalar(item.name.value) ? true : undefined;
}

function isStringScalar(name: string): boolean {
  return name === 'ID' || name === 'String';
}

function isStringArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
