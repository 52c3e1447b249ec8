/** Client errors of a list API's plan: a filter it cannot apply, or a value it cannot take. */
import type { PlatformCode } from '../generated/graphql';
import { GatewayError } from './gatewayError';

/** A filter field (or value) the platform's list API cannot apply exactly. */
export function unsupportedFilter(platform: PlatformCode, filter: string, detail: string): GatewayError {
  return new GatewayError('UNSUPPORTED_FILTER', `${platform} cannot filter by ${filter}: ${detail}`, { platform, filter });
}

export function badFilter(platform: PlatformCode, filter: string, detail: string): GatewayError {
  return new GatewayError('BAD_USER_INPUT', `filter ${filter} for ${platform}: ${detail}`, { platform, filter, argument: 'filter' });
}
