/**
 * The Ark open API v1 client: signs each call (headers `app-key`, `timestamp`, `sign`), sends it
 * through sendUpstream, and reads the `{error_code, error_msg, success, data}` envelope.
 */
import type { XhsArkCredentials } from './credentials';
import { badResponse } from '../errors';
import { parseJsonObject, sendUpstream, type UpstreamResponse } from '../http';
import { guardedCall } from '../resilience/guardedCall';
import type { AdapterOptions } from '../types';
import { arkHttpRateLimited, toArkError } from './errors';
import { signArkRequest } from './sign';
import type { ArkItemsPage, ArkItemsQuery } from './types';

export const ARK_ITEMS_PATH = '/ark/open_api/v1/items';
/** Documented maximum of `page_size`. */
export const ARK_MAX_PAGE_SIZE = 50;

export interface XhsArkClientOptions extends AdapterOptions {
  /** Epoch ms for the `timestamp` header (tests pin it). */
  now?: () => number;
}

export interface XhsArkClient {
  /** One page of `GET /ark/open_api/v1/items`. Rejects with an UpstreamError on any failure. */
  listItems(query: ArkItemsQuery, credentials: XhsArkCredentials, deadline?: number): Promise<ArkItemsPage>;
}

export function createXhsArkClient(options: XhsArkClientOptions): XhsArkClient {
  const now = options.now ?? Date.now;
  return {
    listItems(query, credentials, deadline) {
      const params = toQueryParams(query);
      return guardedCall(options, { endpoint: 'items', credentialKey: credentials.appKey, deadline }, async (timeoutMs) => {
        // Signed per attempt: a retry carries a fresh timestamp.
        const timestamp = String(Math.floor(now() / 1000));
        const sign = signArkRequest(ARK_ITEMS_PATH, { ...params, 'app-key': credentials.appKey, timestamp }, credentials.appSecret);
        const res = await sendUpstream({
          platform: 'XHS_ARK',
          method: 'GET',
          url: `${options.baseUrl}${ARK_ITEMS_PATH}`,
          params,
          headers: { 'app-key': credentials.appKey, timestamp, sign },
          timeoutMs,
        });
        return readItemsPage(res);
      });
    },
  };
}

/** Query parameters as the page names them; absent ones are not sent (and so not signed). */
export function toQueryParams(query: ArkItemsQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of Object.entries(query) as Array<[string, string | number | null | undefined]>) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new TypeError(`Ark query parameter ${name} must be an integer, but got ${value}`);
    }
    params[name] = String(value);
  }
  return params;
}

/** The `data` of a successful envelope, checked enough that the mapper can rely on `item.id`. */
export function readItemsPage(res: UpstreamResponse): ArkItemsPage {
  if (res.status === 429 && !looksLikeEnvelope(res.body)) throw arkHttpRateLimited(res.headers['retry-after']);
  const body = parseJsonObject('XHS_ARK', res);
  if ((body.error_code !== 0 && body.error_code !== undefined) || body.success !== true) {
    throw toArkError(body);
  }
  const data = body.data as Partial<ArkItemsPage> | null | undefined;
  if (!data || typeof data !== 'object' || !Array.isArray(data.hits) || typeof data.total !== 'number') {
    throw badResponse('XHS_ARK', 'data.hits or data.total missing');
  }
  for (const hit of data.hits) {
    if (typeof hit?.item?.id !== 'string' || hit.item.id === '') throw badResponse('XHS_ARK', 'a hit without item.id');
  }
  return {
    current_page: typeof data.current_page === 'number' ? data.current_page : 0,
    page_size: typeof data.page_size === 'number' ? data.page_size : data.hits.length,
    total: data.total,
    hits: data.hits,
  };
}

function looksLikeEnvelope(body: string): boolean {
  return body.includes('"error_code"');
}
