/** Upstream counts (stock, quantities) and status codes, read by type as the pages' tables give them. */
import type { Reading } from './fieldIssues';

/** A count: a whole number >= 0; absent is none. Negative, fractional or non-numbers are problems. */
export function readCount(value: unknown): Reading<number> {
  if (value === undefined || value === null) return { value: null };
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return { problem: 'is not a whole number' };
  return value < 0 ? { problem: 'is a negative count' } : { value };
}

/**
 * A status or flag code typed Int on one page and String on another (Ark `status` is a String in its
 * response table, `"0"`): a whole number, or its decimal text. Anything else is undefined.
 */
export function asCode(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,15}$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** A raw upstream value as text for `rawStatus`: kept whatever its type; null only when absent. */
export function rawText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  // A JSON scalar reads as itself (a string without quotes); anything else as its JSON.
  return typeof value === 'string' ? value : JSON.stringify(value);
}
