import type { Resolvers } from '../generated/graphql';
import type { GatewayContext } from '../server/context';
import { catalogResolvers } from './catalog';
import { productEntityResolvers, skuEntityResolvers } from './entities';
import { platformResolvers } from './platform';
import { queryResolvers } from './query';
import { DateTimeScalar, JSONScalar, SafeIntScalar } from './scalars';

export const resolvers: Resolvers<GatewayContext> = {
  Query: { ...queryResolvers, ...catalogResolvers },
  Platform: platformResolvers,
  // Federation entity references (schema/federation.graphql); unused with FEDERATION=off.
  Product: productEntityResolvers,
  Sku: skuEntityResolvers,
  // Product is the only Node today.
  Node: { __resolveType: () => 'Product' },
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  SafeInt: SafeIntScalar,
};
