import { GatewayError } from '../platforms/gatewayError';

/** `first` when the client gives none. */
export const DEFAULT_PAGE_SIZE = 50;
/** Largest `first`; more is refused, never truncated. */
export const MAX_PAGE_SIZE = 500;

export function pageSizeOf(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw new GatewayError('BAD_USER_INPUT', `first must be 1 to ${MAX_PAGE_SIZE}, got ${size}`, { argument: 'first' });
  }
  return size;
}
