/**
 * The one HTTP client every adapter uses: axios over an undici connection pool (undiciAdapter.ts: keep-alive
 * connections, 256 per origin), no redirects (no upstream redirects a business call), text bodies (adapters
 * parse them, so a non-JSON or HTML body becomes UPSTREAM_BAD_RESPONSE instead of a crash), and
 * transport failures mapped to UpstreamError here, once.
 */
import axios, { Axios, AxiosError } from 'axios';
import type { PlatformCode } from '../generated/graphql';
import { isRecord } from '../util/isRecord';
import { GatewayReason, UpstreamError, badResponse } from './errors';
import { createUndiciAdapter, createUpstreamDispatcher } from './undiciAdapter';

export const DEFAULT_TIMEOUT_MS = 5_000;

// A request's timeout bounds the whole attempt, connecting included (one timer in undiciAdapter.ts); the
// pool's connect timeout only ends a connection attempt nobody waits for any more.
// 256 connections per origin: a listing page's SKU calls all go out at once (src/platforms/pacedFanOut.ts),
// so 8 concurrent pages of 50 queued behind 64 connections in waves (bench S4, mode B: 42 -> 81 req/s).
const dispatcher = createUpstreamDispatcher({ connections: 256, connectTimeoutMs: DEFAULT_TIMEOUT_MS });

// An Axios with only the defaults we use, not `axios.create`'s copy of all of `axios.defaults`: axios
// merges its defaults into every request's config, and merging the full set was the largest CPU cost
// left per call after the transport (issue 14). Headers and body encoding are what axios.create gave.
const client = new Axios({
  adapter: createUndiciAdapter(dispatcher),
  transformRequest: axios.defaults.transformRequest, // JSON objects, URLSearchParams as a form
  transformResponse: [(data: unknown) => data],
  responseType: 'text',
  maxRedirects: 0,
  validateStatus: () => true,
  headers: { Accept: 'application/json, text/plain, */*', 'User-Agent': 'catalog-gateway' },
});

export interface UpstreamRequest {
  platform: PlatformCode;
  method: 'GET' | 'POST';
  url: string;
  /** Query string parameters. */
  params?: Record<string, string | number> | undefined;
  /** A JSON body (object) or a form body (URLSearchParams). */
  data?: unknown;
  headers?: Record<string, string> | undefined;
  timeoutMs?: number | undefined;
}

export interface UpstreamResponse {
  status: number;
  body: string;
  headers: Record<string, string>;
}

export async function sendUpstream(req: UpstreamRequest): Promise<UpstreamResponse> {
  try {
    const res = await client.request<string>({
      method: req.method,
      url: req.url,
      params: req.params,
      data: req.data,
      headers:
        req.data instanceof URLSearchParams
          ? { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', ...req.headers }
          : req.headers,
      timeout: req.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
    return { status: res.status, body: typeof res.data === 'string' ? res.data : String(res.data ?? ''), headers };
  } catch (err) {
    throw toTransportError(req.platform, err);
  }
}

function toTransportError(platform: PlatformCode, err: unknown): UpstreamError {
  const code = err instanceof AxiosError ? err.code : undefined;
  // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR...): the upstream answered, with a body that cannot be read;
  // asking again would get the same bytes.
  if (code?.startsWith('Z_')) return badResponse(platform, `body does not decode (${code})`);
  if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') {
    // Not retried: a hung upstream must cost the client at most one timeout.
    return new UpstreamError({ platform, code: 'UPSTREAM_TIMEOUT', reason: GatewayReason.Timeout, detail: code, retryable: false });
  }
  // Resets, refused connections, DNS failures: the message of a network error never holds secrets,
  // but we keep only the code anyway.
  return new UpstreamError({ platform, code: 'UPSTREAM_UNAVAILABLE', reason: GatewayReason.Network, detail: code, retryable: true });
}

/**
 * Parses a JSON object body. A 5xx is UPSTREAM_UNAVAILABLE (retryable); anything that is not a JSON
 * object (an HTML error page, a truncated body) is UPSTREAM_BAD_RESPONSE.
 */
export function parseJsonObject(platform: PlatformCode, res: UpstreamResponse): Record<string, unknown> {
  if (res.status >= 500) {
    throw new UpstreamError({
      platform,
      code: 'UPSTREAM_UNAVAILABLE',
      reason: GatewayReason.HttpStatus,
      detail: `HTTP ${res.status}`,
      retryable: true,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body);
  } catch {
    throw badResponse(platform, `HTTP ${res.status}, body is not JSON`);
  }
  if (!isRecord(parsed)) throw badResponse(platform, `HTTP ${res.status}, body is not a JSON object`);
  return parsed;
}
