/** Upstream times to ISO-8601 UTC. Each returns null for "no time" rather than a made-up instant. */

/** Unix seconds (Ark `create_time`). 0 and negatives mean "none". */
export function fromUnixSeconds(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? new Date(value * 1000).toISOString() : null;
}

/** Unix milliseconds (the Xiaohongshu mini-program's `biz_create_time`). 0 and negatives mean "none". */
export function fromUnixMillis(value: unknown): string | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? new Date(value).toISOString() : null;
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
