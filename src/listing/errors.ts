/** Client errors of the catalog listing itself (a platform's filter errors are in src/platforms/filterErrors.ts). */
import { GatewayError } from '../platforms/gatewayError';

export function badCursor(detail: string): GatewayError {
  return new GatewayError('BAD_CURSOR', `invalid cursor: ${detail}`, { argument: 'after' });
}
