import type { Resolvers } from '../generated/graphql';
import type { GatewayContext } from '../server/context';
import { catalogResolvers } from './catalog';
import { auditInfoIssueResolvers, priceRangeIssueResolvers, productIssueResolvers, skuIssueResolvers, stockIssueResolvers } from './fieldIssues';
import { platformResolvers } from './platform';
import { queryResolvers } from './query';
import { DateTimeScalar, JSONScalar, SafeIntScalar } from './scalars';

export const resolvers: Resolvers<GatewayContext> = {
  Query: { ...queryResolvers, ...catalogResolvers },
  Platform: platformResolvers,
  Product: productIssueResolvers,
  Sku: skuIssueResolvers,
  PriceRange: priceRangeIssueResolvers,
  Stock: stockIssueResolvers,
  AuditInfo: auditInfoIssueResolvers,
  // Product is the only Node today.
  Node: { __resolveType: () => 'Product' },
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  SafeInt: SafeIntScalar,
};
