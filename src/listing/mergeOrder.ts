/**
 * The order of the merged catalog: `updatedAt` descending (products without one last), then the
 * global `id` ascending. Each platform's stream is merged in by its head, so the result follows this
 * order exactly where every stream does; a platform whose list API has another order keeps it within
 * the merge (its `capabilities.listOrder`; docs/platforms.md, "Catalog listing").
 */
import type { Product } from '../generated/graphql';

export function compareByUpdatedDesc(a: Product, b: Product): number {
  const ta = timeOf(a.updatedAt);
  const tb = timeOf(b.updatedAt);
  if (ta !== tb) return tb - ta;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function timeOf(iso: string | null | undefined): number {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}
