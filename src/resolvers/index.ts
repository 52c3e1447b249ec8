import type { Resolvers } from '../generated/graphql';
import type { GatewayContext } from '../server/context';
import { catalogResolvers } from './catalog';
import { platformResolvers } from './platform';
import { queryResolvers } from './query';
import { DateTimeScalar, JSONScalar, SafeIntScalar } from './scalars';

export const resolvers: Resolvers<GatewayContext> = {
  Query: { ...queryResolvers, ...catalogResolvers },
  Platform: platformResolvers,
  // Product is the only Node today.
  Node: { __resolveType: () => 'Product' },
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  SafeInt: SafeIntScalar,
};
