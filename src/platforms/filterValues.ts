/**
 * Turning ProductFilter values into what list APIs take: the status codes to list (one upstream stream
 * each), and instants as upstream times. Shared by the platforms' list.ts.
 */
import type { DateTimeRange, PlatformCode, ProductFilter, ProductStatus } from '../generated/graphql';
import { badFilter, unsupportedFilter } from './filterErrors';

/**
 * The upstream status codes a filter lists: those of `status` (via `byStatus`, the inverse of the
 * platform's status table) that are also in `rawStatus`; `defaults` when neither is set. An empty
 * result is exact: nothing can match. A unified status with no exact set of codes (UNKNOWN, or one
 * the platform cannot separate) is UNSUPPORTED_FILTER.
 */
export function statusCodesFor(
  platform: PlatformCode,
  filter: ProductFilter,
  byStatus: Readonly<Partial<Record<ProductStatus, readonly number[]>>>,
  known: readonly number[],
  defaults: readonly number[],
): number[] {
  let codes: number[] | undefined;
  if (filter.status) {
    codes = [];
    for (const status of filter.status) {
      const mapped = byStatus[status];
      if (!mapped) throw unsupportedFilter(platform, 'status', `${status} has no exact counterpart among its list API's status codes`);
      codes.push(...mapped);
    }
  }
  if (filter.rawStatus) {
    const raw = rawCodes(platform, filter.rawStatus, known);
    codes = codes ? codes.filter((c) => raw.includes(c)) : raw;
  }
  return [...new Set(codes ?? defaults)].sort((a, b) => a - b);
}

/** `rawStatus` values as the integers the list API takes; one it does not document is BAD_USER_INPUT. */
export function rawCodes(platform: PlatformCode, values: readonly string[], known: readonly number[]): number[] {
  return values.map((text) => {
    const code = /^-?\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
    if (!known.includes(code)) throw badFilter(platform, 'rawStatus', `"${text}" is not one of its status codes (${known.join(', ')})`);
    return code;
  });
}

/** An inclusive instant range as inclusive whole unix seconds (from rounded up, to rounded down). */
export function toUnixSecondsRange(range: DateTimeRange | null | undefined): { from?: number; to?: number } {
  const out: { from?: number; to?: number } = {};
  if (range?.from) out.from = Math.ceil(Date.parse(range.from) / 1000);
  if (range?.to) out.to = Math.floor(Date.parse(range.to) / 1000);
  return out;
}
