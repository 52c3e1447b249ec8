/**
 * Exact money. Amounts are held as integer fen (bigint while parsing, so nothing is ever rounded by
 * binary floating point) and handed out as the schema's `Money`.
 */
import type { Money, PriceRange } from '../generated/graphql';
import type { Reading } from './fieldIssues';

const CURRENCY = 'CNY';

/** Money from integer fen (Xiaoe, WeChat, the Xiaohongshu mini-program). */
export function toMoneyFromFen(fen: number | bigint): Money {
  if (typeof fen === 'number') return fenMoney(checkInteger(fen));
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${fen} fen is beyond the exact range of SafeInt`);
  }
  return fenMoney(Number(fen));
}

/** `fen` is a safe integer, so `%` and the division below are exact: no bigint needed to format it. */
function fenMoney(fen: number): Money {
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const yuan = (abs - cents) / 100;
  // `|| 0`: -0 fen is 0, as the bigint reading of it always was.
  return { amount: `${fen < 0 ? '-' : ''}${yuan}.${cents < 10 ? '0' : ''}${cents}`, currency: CURRENCY, minorUnits: fen || 0 };
}

/**
 * Money from a decimal text in yuan (Taobao's `"200.07"`), rounded half-up to the fen from the text
 * itself. Returns null for an empty or malformed value rather than guessing.
 */
export function toMoneyFromYuanText(text: string): Money | null {
  const fen = yuanTextToFen(text.trim());
  return fen === null ? null : toMoneyFromFen(fen);
}

/**
 * Money from a JSON number in yuan (Ark's `252.69999999999999`). JavaScript's shortest round-trip
 * text of the number ("252.7") is rounded half-up to the fen; never `x * 100` on the float.
 */
export function toMoneyFromYuanNumber(value: number): Money | null {
  if (!Number.isFinite(value)) return null;
  return toMoneyFromYuanText(expandExponent(String(value)));
}

const NOT_MONEY = 'is not an amount of money';
const NEGATIVE = 'is a negative price';
const TOO_LARGE = 'is beyond the exact range of Money';

/**
 * A price in integer fen as an upstream sends it: a JSON number, or digit text (Xiaoe's
 * `sku_line_price` is typed string). Absent is none; negative, fractional or unsafe numbers are problems.
 */
export function readFen(value: unknown): Reading<Money> {
  if (value === undefined || value === null) return { value: null };
  const n = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return { problem: NOT_MONEY };
  if (n < 0) return { problem: NEGATIVE };
  if (!Number.isSafeInteger(n)) return { problem: Number.isInteger(n) ? TOO_LARGE : 'is not a whole number of fen' };
  return { value: toMoneyFromFen(n) };
}

/** A yuan decimal text (Taobao `"200.07"`), or the JSON number a typed-String field sometimes is; absent or empty is none. */
export function readYuanText(value: unknown): Reading<Money> {
  if (value === undefined || value === null || value === '') return { value: null };
  if (typeof value === 'number') return readYuanNumber(value);
  if (typeof value !== 'string') return { problem: NOT_MONEY };
  const fen = yuanTextToFen(value.trim());
  return fenReading(fen);
}

/** A yuan JSON number (Ark `252.69999999999999`); absent is none. */
export function readYuanNumber(value: unknown): Reading<Money> {
  if (value === undefined || value === null) return { value: null };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { problem: NOT_MONEY };
  return fenReading(yuanTextToFen(expandExponent(String(value))));
}

function fenReading(fen: number | bigint | null): Reading<Money> {
  if (fen === null) return { problem: NOT_MONEY };
  if (fen < 0) return { problem: NEGATIVE };
  if (fen > Number.MAX_SAFE_INTEGER) return { problem: TOO_LARGE };
  return { value: toMoneyFromFen(fen) };
}

/**
 * Lowest and highest of `prices`; null when there are none. Of equal amounts, the lowest is the first
 * and the highest the last (as a stable sort would have them).
 */
export function priceRangeOf(prices: readonly Money[]): PriceRange | null {
  if (prices.length === 0) return null;
  let min = prices[0]!;
  let max = min;
  for (let i = 1; i < prices.length; i++) {
    const price = prices[i]!;
    if (price.minorUnits < min.minorUnits) min = price;
    if (price.minorUnits >= max.minorUnits) max = price;
  }
  return { min, max };
}

/** The most whole digits read as a number: 13 digits of yuan, in fen plus rounding, stay below 2^53. */
const EXACT_WHOLE_DIGITS = 13;

/**
 * Fen of a yuan decimal text (`[+-]digits[.digits]`), rounded half-up on the third decimal; null when
 * malformed. A number while that is exact, a bigint beyond (a parse per price, so no regex or bigint on
 * the common path).
 */
function yuanTextToFen(text: string): number | bigint | null {
  const end = text.length;
  const first = text.charCodeAt(0);
  const negative = first === 0x2d; // '-'
  let i = negative || first === 0x2b ? 1 : 0; // '+'
  const wholeStart = i;
  let whole = 0;
  for (let digit = digitAt(text, i); digit >= 0; digit = digitAt(text, ++i)) whole = whole * 10 + digit;
  const wholeDigits = i - wholeStart;
  if (wholeDigits === 0) return null;
  if (wholeDigits > EXACT_WHOLE_DIGITS) return bigYuanTextToFen(text);
  let fen = whole * 100;
  if (i < end) {
    if (text.charCodeAt(i) !== 0x2e) return null; // '.'
    for (let place = 0; ++i < end; place++) {
      const digit = digitAt(text, i);
      if (digit < 0) return null;
      if (place === 0) fen += digit * 10;
      else if (place === 1) fen += digit;
      else if (place === 2 && digit >= 5) fen += 1;
    }
  }
  return negative && fen !== 0 ? -fen : fen;
}

/** The decimal digit at `i`, or -1 (past the end too). */
function digitAt(text: string, i: number): number {
  const digit = text.charCodeAt(i) - 0x30; // NaN past the end
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/** yuanTextToFen in bigint, for whole parts of more than EXACT_WHOLE_DIGITS digits. */
function bigYuanTextToFen(text: string): bigint | null {
  const match = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole = '0', frac = ''] = match;
  const cents = BigInt(whole) * 100n + BigInt((frac + '00').slice(0, 2));
  const roundUp = frac.length > 2 && frac.charCodeAt(2) >= 0x35; // third decimal digit >= 5
  const fen = cents + (roundUp ? 1n : 0n);
  return sign === '-' ? -fen : fen;
}

/** "1e-7" -> "0.0000001", "1.5e+21" -> "1500000000000000000000". */
function expandExponent(text: string): string {
  const match = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!match) return text;
  const [, sign = '', whole = '', frac = '', expText = '0'] = match;
  const digits = whole + frac;
  const point = whole.length + Number(expText);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function checkInteger(n: number): number {
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount ${n} fen is not an exact integer`);
  return n;
}
