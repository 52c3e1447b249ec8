/**
 * `yyyy-MM-dd HH:mm:ss` in Asia/Shanghai (UTC+8, no daylight saving since 1991): how Taobao, Xiaoe and
 * WeChat write times and how TOP reads its `timestamp`. The sandbox's own, apart from the gateway's time
 * helpers, so a mistake in one is caught by the other.
 */

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
