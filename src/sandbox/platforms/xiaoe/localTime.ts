/** Xiaoe's time format: `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai (UTC+8, no daylight saving). */

/** Xiaoe's "no time" value (detail page: 若没有则默认为0000-00-00 00:00:00). */
export const NO_TIME = '0000-00-00 00:00:00';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

export function formatShanghaiTime(epochMs: number): string {
  const d = new Date(epochMs + SHANGHAI_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** Epoch ms of a well-formed, real local time; undefined otherwise (so 2021-02-30 is rejected). */
export function parseShanghaiTime(text: string): number | undefined {
  const m = LOCAL_TIME.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(y, mo - 1, d, h, mi, s) - SHANGHAI_OFFSET_MS;
  return formatShanghaiTime(ms) === text ? ms : undefined;
}
