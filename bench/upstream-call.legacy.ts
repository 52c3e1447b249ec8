/**
 * The implementations issue 14 replaced, kept verbatim for bench/upstream-call.ts's before/after pairs
 * (src/platforms/wechat/wireJson.ts `quoteLargeIds`, src/platforms/time.ts `readShanghaiLocal`, and
 * http.ts's axios client, also the reference of test/integration/http-transport.test.ts).
 */
import http from 'node:http';
import axios, { type AxiosInstance } from 'axios';
import type { Reading } from '../src/platforms/fieldIssues';

/** axios's node:http adapter, configured as http.ts had it before issue 14. */
export function createLegacyHttpClient(): AxiosInstance {
  return axios.create({
    adapter: 'http',
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 64 }),
    maxRedirects: 0,
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    headers: { 'User-Agent': 'catalog-gateway' },
  });
}

const LONG_ID = /(?<!\\)"(product_id|sku_id)"(\s*):(\s*)(\d{16,})(?=\s*[,}\]])/g;

export function legacyQuoteLargeIds(body: string): string {
  return body.replace(LONG_ID, '"$1"$2:$3"$4"');
}

const EARLIEST_MS = Date.UTC(2000, 0, 1);
const LATEST_MS = Date.UTC(2100, 0, 1);
const SHANGHAI_LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})$/;

export function legacyReadShanghaiLocal(value: unknown): Reading<string> {
  if (
    value === undefined ||
    value === null ||
    value === '' ||
    (typeof value === 'string' && /^0000-00-00[ T]00:00:00$/.test(value.trim()))
  ) {
    return { value: null };
  }
  const iso = fromShanghaiLocal(value);
  if (iso === null) return { problem: 'is not a "yyyy-MM-dd HH:mm:ss" time' };
  const ms = Date.parse(iso);
  return ms >= EARLIEST_MS && ms < LATEST_MS ? { value: new Date(ms).toISOString() } : { problem: 'is not a time between 2000 and 2100' };
}

function fromShanghaiLocal(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = SHANGHAI_LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (year === 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour - 8, minute, second);
  const check = new Date(utc + 8 * 3_600_000);
  if (check.getUTCDate() !== day) return null;
  return new Date(utc).toISOString();
}
