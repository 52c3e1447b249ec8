/**
 * Exact money. Amounts are held as integer fen (bigint while parsing, so nothing is ever rounded by
 * binary floating point) and handed out as the schema's `Money`.
 */
import type { Money } from '../generated/graphql';

const CURRENCY = 'CNY';

/** Money from integer fen (Xiaoe, WeChat, the Xiaohongshu mini-program). */
export function toMoneyFromFen(fen: number | bigint): Money {
  const value = typeof fen === 'bigint' ? fen : BigInt(checkInteger(fen));
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`amount ${value} fen is beyond the exact range of SafeInt`);
  }
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const yuan = abs / 100n;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return { amount: `${negative ? '-' : ''}${yuan}.${cents}`, currency: CURRENCY, minorUnits: Number(value) };
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

function yuanTextToFen(text: string): bigint | null {
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
