/**
 * Reports the values a mapper could not map (src/platforms/fieldIssues.ts) as errors at their fields'
 * paths, e.g. `products.3.skus.0.price` with `extensions.code: UPSTREAM_BAD_VALUE`. The field itself is
 * already null; every other field, product and batch entry is untouched.
 *
 * No field resolvers: graphql-jit inlines fields without one, and a resolver on every Money, Stock and
 * Sku field took S2's execution from about 200 to 430 µs (same process, alternating, load ~15). Instead
 * the field that returns products walks the client's selection over a product only when the product is
 * marked (one WeakSet lookup otherwise), honouring aliases, fragments and @skip/@include, and records
 * each error with the listing's partial-error mechanism. Fragments are applied without checking their type condition: every type
 * walked here is an object type, and Product is the only Node.
 */
import {
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  getDirectiveValues,
  type FieldNode,
  type GraphQLResolveInfo,
  type SelectionSetNode,
} from 'graphql';
import { reportPartialError } from '../listing/partialErrors';
import { fieldIssueOf, hasFieldIssues } from '../platforms/fieldIssues';
import { GatewayError } from '../platforms/gatewayError';

type Path = ReadonlyArray<string | number>;
type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'variableValues' | 'path'>;

/** The response path of the field being resolved, e.g. `['a', 'products']`. */
export function responsePathOf(info: Pick<GraphQLResolveInfo, 'path'>): Array<string | number> {
  const path: Array<string | number> = [];
  for (let at: GraphQLResolveInfo['path'] | undefined = info.path; at; at = at.prev) path.unshift(at.key);
  return path;
}

/**
 * Reports the issues of `value` (what the field of `info` resolved to, at `path`): a product, or a
 * connection or list holding products. Walks only when `holdsIssues` says some product is marked.
 */
export function reportFieldIssues(ctx: object, value: unknown, info: Info, path: Path, holdsIssues = hasFieldIssues(value)): void {
  if (!holdsIssues) return;
  reportFieldIssuesIn(
    ctx,
    value,
    info.fieldNodes.map((node) => node.selectionSet),
    info,
    path,
  );
}

/**
 * Reports the issues of `value`, a marked product or SKU, at `path` as the selection sets `sets` select
 * them (e.g. one entity type's fragments).
 */
export function reportFieldIssuesIn(
  ctx: object,
  value: unknown,
  sets: ReadonlyArray<SelectionSetNode | undefined>,
  info: Info,
  path: Path,
): void {
  for (const set of sets) walk(ctx, value, set, info, path);
}

function walk(ctx: object, source: unknown, set: SelectionSetNode | undefined, info: Info, path: Path): void {
  if (source === null || typeof source !== 'object' || !set) return;
  if (Array.isArray(source)) {
    source.forEach((item, i) => walk(ctx, item, set, info, [...path, i]));
    return;
  }
  for (const field of fieldsOf(set, info, new Set())) {
    const name = field.name.value;
    const at = [...path, field.alias?.value ?? name];
    const issue = fieldIssueOf(source, name);
    if (issue) reportPartialError(ctx, badValue(source, issue.field, issue.message), at);
    else walk(ctx, (source as Record<string, unknown>)[name], field.selectionSet, info, at);
  }
}

function badValue(owner: object, field: string, message: string): GatewayError {
  const platform = (owner as { platform?: unknown }).platform;
  return new GatewayError('UPSTREAM_BAD_VALUE', message, platform === undefined ? { field } : { field, platform });
}

/** The fields of a selection set, fragments flattened, @skip/@include applied. */
function fieldsOf(set: SelectionSetNode, info: Info, visiting: Set<string>): FieldNode[] {
  const fields: FieldNode[] = [];
  for (const selection of set.selections) {
    if (!included(selection, info)) continue;
    if (selection.kind === Kind.FIELD) {
      if (!selection.name.value.startsWith('__')) fields.push(selection);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      fields.push(...fieldsOf(selection.selectionSet, info, visiting));
    } else {
      const fragment = info.fragments[selection.name.value];
      if (!fragment || visiting.has(fragment.name.value)) continue;
      fields.push(...fieldsOf(fragment.selectionSet, info, new Set([...visiting, fragment.name.value])));
    }
  }
  return fields;
}

function included(node: Parameters<typeof getDirectiveValues>[1], info: Info): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
}
