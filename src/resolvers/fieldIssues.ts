/**
 * The fields a mapper may leave null because the upstream value could not be mapped (src/platforms/
 * fieldIssues.ts). Each resolves to its value, or throws the recorded issue as UPSTREAM_BAD_VALUE: GraphQL
 * then nulls only that field and reports the error at its path (e.g. `products.3.skus.0.price`), so the
 * rest of the product, and every other product of the batch, is unaffected.
 */
import type { AuditInfoResolvers, PriceRangeResolvers, ProductResolvers, SkuResolvers, StockResolvers } from '../generated/graphql';
import { fieldIssueOf } from '../platforms/fieldIssues';
import type { GatewayContext } from '../server/context';
import { GatewayError } from '../server/gatewayError';

type FieldResolver = (parent: object) => unknown;

function reportingIssue(field: string): FieldResolver {
  return (parent) => {
    const issue = fieldIssueOf(parent, field);
    if (issue) {
      const platform = (parent as { platform?: unknown }).platform;
      throw new GatewayError('UPSTREAM_BAD_VALUE', issue.message, platform === undefined ? { field } : { field, platform });
    }
    return (parent as Record<string, unknown>)[field];
  };
}

function reporting<R>(...fields: string[]): R {
  return Object.fromEntries(fields.map((field) => [field, reportingIssue(field)])) as R;
}

export const productIssueResolvers = reporting<ProductResolvers<GatewayContext>>('price', 'stock', 'createdAt', 'updatedAt');
export const skuIssueResolvers = reporting<SkuResolvers<GatewayContext>>('price', 'originalPrice', 'stock');
export const priceRangeIssueResolvers = reporting<PriceRangeResolvers<GatewayContext>>('min', 'max');
export const stockIssueResolvers = reporting<StockResolvers<GatewayContext>>('available', 'sold', 'total');
export const auditInfoIssueResolvers = reporting<AuditInfoResolvers<GatewayContext>>('submittedAt', 'auditedAt');
