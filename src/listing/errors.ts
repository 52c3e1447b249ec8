/** Client errors of the catalog listing. */
import type { PlatformCode } from '../generated/graphql';
import { GatewayError } from '../server/gatewayError';

/** A filter field (or value) the platform's list API cannot apply exactly. */
export function unsupportedFilter(platform: PlatformCode, filter: string, detail: string): GatewayError {
  return new GatewayError('UNSUPPORTED_FILTER', `${platform} cannot filter by ${filter}: ${detail}`, { platform, filter });
}

export function badCursor(detail: string): GatewayError {
  return new GatewayError('BAD_CURSOR', `invalid cursor: ${detail}`, { argument: 'after' });
}

export function badFilter(platform: PlatformCode, filter: string, detail: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', `filter ${filter} for ${platform}: ${detail}`, { platform, filter, argument: 'filter' });
}
