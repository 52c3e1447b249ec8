/**
 * The upstream calls an operation may spend, worst case (nothing cached, nothing coalesced with other
 * requests), from the document and variables alone, before anything runs. `node` is costed by the
 * platform its id decodes to; aliases and fragments are expanded as execution expands them.
 */
import {
  OperationTypeNode,
  getArgumentValues,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import type { PlatformCode } from '../generated/graphql';
import { nodeSelectionOf } from '../listing/nodeSelection';
import { selectionOf } from '../loaders/selection';
import { fromProductGlobalId } from '../platforms/fromProductGlobalId';
import type { ProductSelection } from '../platforms/types';
import { MAX_IDS_PER_FIELD } from '../resolvers/query';
import type { GatewayContext } from '../server/context';
import { catalogCost } from './catalogCost';
import { coerceVariables } from './coerceVariables';
import { CostTally } from './costTally';
import { addEntities } from './entitiesCost';
import { collectRootFields, fragmentsOf, type Fragments } from './rootFields';

/** What the estimate reads of a request's context: the platforms and the caller's credentials. */
export type CostContext = Pick<GatewayContext, 'platforms' | 'credentials' | 'deadline'>;

export interface CostEstimate {
  /** Upstream calls in all. */
  calls: number;
  byPlatform: ReadonlyMap<PlatformCode, number>;
}

/** One root field as execution runs it: its nodes (one per spread of its response key) and the document's fragments. */
export interface RootField {
  nodes: readonly FieldNode[];
  fragments: Fragments;
}

type RootFieldCost = (args: Record<string, unknown>, field: RootField, tally: CostTally, ctx: CostContext) => void;

/** The Product selection below a lookup field (walked once per document, see selectionOf). */
function productSelection(field: RootField): ProductSelection {
  return selectionOf({ fieldNodes: field.nodes, fragments: field.fragments });
}

/** The root fields that reach an upstream; every other field (`platforms`, `__schema`, ...) costs nothing. */
const ROOT_FIELD_COSTS: Record<string, RootFieldCost> = {
  product: (args, field, tally) => tally.addLookup(args.platform as PlatformCode, [args.id as string], productSelection(field)),
  products: (args, field, tally) => {
    const ids = args.ids as string[];
    // More is refused by the resolver before any call.
    if (ids.length <= MAX_IDS_PER_FIELD) tally.addLookup(args.platform as PlatformCode, ids, productSelection(field));
  },
  node: (args, field, tally) => {
    const decoded = fromProductGlobalId(args.id as string);
    if (decoded) tally.addLookup(decoded.platform, [decoded.platformProductId], productSelection(field));
  },
  _entities: (args, field, tally) => addEntities(args.representations, field.nodes, field.fragments, tally),
  catalog: (args, field, tally, ctx) => tally.addListing(catalogCost(ctx, args, nodeSelectionOf(productSelection(field)))),
};

export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
  ctx: CostContext,
): CostEstimate {
  const none: CostEstimate = { calls: 0, byPlatform: new Map() };
  const rootType = operation.operation === OperationTypeNode.QUERY ? schema.getQueryType() : undefined;
  // Variables that do not coerce fail the request before execution (BAD_USER_INPUT).
  const variables = coerceVariables(schema, operation, rawVariables ?? {});
  if (!rootType || variables.errors) return none;
  const fragments = fragmentsOf(document.definitions);
  const tally = new CostTally(ctx);
  for (const nodes of collectRootFields(operation.selectionSet, fragments, variables.coerced).values()) {
    const cost = ROOT_FIELD_COSTS[nodes[0]!.name.value];
    const definition = rootType.getFields()[nodes[0]!.name.value];
    if (!cost || !definition) continue;
    cost(getArgumentValues(definition, nodes[0]!, variables.coerced), { nodes, fragments }, tally, ctx);
  }
  const byPlatform = tally.byPlatform();
  let calls = 0;
  for (const n of byPlatform.values()) calls += n;
  return { calls, byPlatform };
}
