/** Which ProductFilter fields a request sets, and the check that a platform applies every one. */
import type { PlatformCode, ProductFilter } from '../generated/graphql';
import type { ProductFilterField } from '../platforms/types';
import { GatewayError } from '../platforms/gatewayError';
import { unsupportedFilter } from '../platforms/filterErrors';

/** Fields set to something (null means "not set", as GraphQL allows). */
export function setFilterFields(filter: ProductFilter | null | undefined): ProductFilterField[] {
  if (!filter) return [];
  return (Object.keys(filter) as ProductFilterField[]).filter((key) => filter[key] !== null && filter[key] !== undefined);
}

/** Refuses a field the platform does not apply, and empty lists (which would select nothing). */
export function checkFilterFields(
  platform: PlatformCode,
  filter: ProductFilter | null | undefined,
  supported: readonly ProductFilterField[],
): void {
  for (const field of setFilterFields(filter)) {
    if (!supported.includes(field)) {
      throw unsupportedFilter(platform, field, `its list API has no such filter (it supports: ${supported.join(', ') || 'none'})`);
    }
    const value = filter![field];
    if (Array.isArray(value) && value.length === 0) {
      throw new GatewayError('BAD_USER_INPUT', `filter ${field} must not be an empty list`, { argument: 'filter', filter: field });
    }
  }
}
