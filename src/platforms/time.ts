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
  if (value === undefined || value === null || value === '' || (typeof value === 'string' && /^0000-00-00[ T]00:00:00$/.test(value.trim()))) {
    return { value: null };
  }
  const iso = fromShanghaiLocal(value);
  return iso === null ? { problem: 'is not a "yyyy-MM-dd HH:mm:ss" time' } : inRange(Date.parse(iso));
}

function inRange(ms: number): Reading<string> {
  return ms >= EARLIEST_MS && ms < LATEST_MS ? { value: new Date(ms).toISOString() } : { problem: OUT_OF_RANGE };
}

const SHANGHAI_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

/**
 * `yyyy-MM-dd HH:mm:ss` read as Asia/Shanghai (UTC+8, no daylight saving since 1991): Taobao dates and
 * Xiaoe times. `0000-00-00 00:00:00` (Xiaoe's "none"), an empty string and malformed text give null.
 */
export function fromShanghaiLocal(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = SHANGHAI_LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour - 8, minute, second);
  const check = new Date(utc + 8 * 3_600_000);
  if (check.getUTCDate() !== day) return null; // 2021-02-30 and the like
  return new Date(utc).toISOString();
}

/** The inverse, for request parameters that platforms read in Asia/Shanghai (TOP `timestamp`). */
export function toShanghaiLocal(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
