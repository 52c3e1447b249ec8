/** Upstream times to ISO-8601 UTC. Each returns null for "no time" rather than a made-up instant. */
import type { Reading } from './fieldIssues';

/** No product on these platforms predates 2000 or lies past 2100: outside is a broken value, not a time. */
const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);
const OUT_OF_RANGE = 'is not a time between 2000 and 2100';

/**
 * A unix timestamp whose unit the page does not state (or states loosely): seconds and milliseconds of
 * 2000-2100 have disjoint magnitudes (9.5e8-4.1e9 s, 9.5e11-4.1e12 ms), so the magnitude decides. 0 is
 * none (the pages' examples send 0); digit text is read like the number.
 */
export function readUnixTime(value: unknown): Reading<string> {
  if (value === undefined || value === null || value === 0 || value === '' || value === '0') return { value: null };
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) return { problem: 'is not a unix time' };
  const ms = n >= EARLIEST_MS ? n : n * 1000;
  return inRange(ms);
}

/** `yyyy-MM-dd HH:mm:ss` Asia/Shanghai text (see fromShanghaiLocal); empty and `0000-00-00 00:00:00` are none. */
export function readShanghaiLocal(value: unknown): Reading<string> {
  if (value === undefined || value === null || value === '') return { value: null };
  const ms = shanghaiLocalMs(value);
  if (ms !== null) return inRange(ms);
  // Year 0 never reads as a time, so Xiaoe's "none" is told apart only here, off the common path.
  return typeof value === 'string' && /^0000-00-00[ T]00:00:00$/.test(value.trim())
    ? { value: null }
    : { problem: 'is not a "yyyy-MM-dd HH:mm:ss" time' };
}

function inRange(ms: number): Reading<string> {
  return ms >= EARLIEST_MS && ms < LATEST_MS ? { value: isoInRange(ms) } : { problem: OUT_OF_RANGE };
}

const DAY_MS = 86_400_000;

/**
 * `new Date(ms).toISOString()` for an instant of 2000-2100, by arithmetic: formatting was most of the
 * cost of reading a time (issue 14). Days to a civil date as in H. Hinnant's `civil_from_days`
 * (howardhinnant.github.io/date_algorithms.html), for a March-based year.
 */
function isoInRange(instant: number): string {
  const ms = Math.trunc(instant); // as Date's TimeClip
  const days = Math.floor(ms / DAY_MS);
  let rest = ms - days * DAY_MS;
  const z = days + 719_468; // days since 0000-03-01
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / 60_000);
  rest -= minute * 60_000;
  const second = Math.floor(rest / 1000);
  const milli = rest - second * 1000;
  return `${year}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * `yyyy-MM-dd HH:mm:ss` read as Asia/Shanghai (UTC+8, no daylight saving since 1991): Taobao dates and
 * Xiaoe times. `0000-00-00 00:00:00` (Xiaoe's "none"), an empty string and malformed text give null.
 */
export function fromShanghaiLocal(value: unknown): string | null {
  const ms = shanghaiLocalMs(value);
  return ms === null ? null : new Date(ms).toISOString();
}

const HOUR_MS = 3_600_000;

/**
 * The instant of fromShanghaiLocal's text in ms, or null. A fixed-width scan of the (trimmed) text rather
 * than a regular expression and a Date round trip per field: listings read two or more per product (issue 14).
 */
function shanghaiLocalMs(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = value.length === 19 ? value : value.trim();
  if (
    text.length !== 19 ||
    text[4] !== '-' ||
    text[7] !== '-' ||
    (text[10] !== ' ' && text[10] !== 'T') ||
    text[13] !== ':' ||
    text[16] !== ':'
  )
    return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  if (
    year <= 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour < 0 ||
    hour > 23 ||
    minute < 0 ||
    minute > 59 ||
    second < 0 ||
    second > 59
  )
    return null;
  const utc = Date.UTC(year, month - 1, day, hour - 8, minute, second);
  // Days past the 28th may not exist (2021-02-30 and the like): Date rolls them over into the next month.
  if (day > 28 && new Date(utc + 8 * HOUR_MS).getUTCDate() !== day) return null;
  return utc;
}

/** The number written by `count` ASCII digits of `text` from `start`; -1 if any is not a digit. */
function digits(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** The inverse, for request parameters that platforms read in Asia/Shanghai (TOP `timestamp`). */
export function toShanghaiLocal(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
