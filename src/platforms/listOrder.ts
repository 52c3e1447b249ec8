/** Orders list APIs come in, for a list plan's `compare` (see ListPlan in types.ts). */
import type { Product } from '../generated/graphql';

/** A platform listing ordered by `updatedAt` descending, then the platform's own id (list APIs sorted by update time). */
export function compareUpdatedDescThenPlatformId(a: Product, b: Product): number {
  const ta = a.updatedAt ?? '';
  const tb = b.updatedAt ?? '';
  if (ta !== tb) return ta < tb ? 1 : -1;
  return a.platformProductId < b.platformProductId ? -1 : a.platformProductId > b.platformProductId ? 1 : 0;
}
