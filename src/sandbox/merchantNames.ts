/**
 * The sandbox's merchants by name: `default` and, unless `merchants: 1`, extra merchants `m2`, `m3`, ...
 * (README, "Merchants"). Platform modules read these; merchants.ts adds their credentials and seeds.
 */

export const DEFAULT_MERCHANT = 'default';
/** Merchants per platform, the default one included. */
export const DEFAULT_MERCHANT_COUNT = 3;
export const MAX_MERCHANT_COUNT = 9;

/** `['default', 'm2', ..., 'm<count>']`. */
export function merchantNames(count: number): string[] {
  return [DEFAULT_MERCHANT, ...Array.from({ length: count - 1 }, (_, i) => `m${i + 2}`)];
}

/** 2 for `m2`; a name that is not `m<2..9>` is a programming error. */
export function merchantNumber(name: string): number {
  const match = /^m([2-9])$/.exec(name);
  if (!match) throw new TypeError(`sandbox merchant names are "default" or m2..m${MAX_MERCHANT_COUNT}, got ${JSON.stringify(name)}`);
  return Number(match[1]);
}
