/**
 * The Xiaohongshu mini-program client: access tokens from `POST /api/rmp/token` (cached per app id,
 * single flight, refreshed once on code 10003), business calls with `app_id` and `access_token` in the
 * query string and a JSON body, and the `{data, success, msg, code}` envelope.
 */
import type { XhsMiniappCredentials } from './credentials';
import { badResponse } from '../errors';
import { parseJsonObject, sendUpstream } from '../http';
import { guardedCall } from '../resilience/guardedCall';
import { createTokenCache } from '../sharedTokens';
import { callWithToken, tokenCacheKey, type IssuedToken } from '../tokenCache';
import type { AdapterOptions } from '../types';
import { toMiniappError } from './errors';
import type { MiniappProductsPage } from './types';

export const MINIAPP_TOKEN_PATH = '/api/rmp/token';
export const MINIAPP_BATCH_GET_PATH = '/api/rmp/mp/deal/product/batch_get';
/** Not published; the sandbox enforces it [assumption]. */
export const MINIAPP_MAX_PAGE_SIZE = 100;
/** `page_no` counts from 0 (the page's own request example sends 0) [assumption]. */
export const MINIAPP_FIRST_PAGE_NO = 0;

export interface XhsMiniappClient {
  /** One page of deal products; `status` undefined lists every status. Rejects with an UpstreamError. */
  batchGet(
    pageNo: number,
    pageSize: number,
    status: number | undefined,
    credentials: XhsMiniappCredentials,
    deadline?: number,
  ): Promise<MiniappProductsPage>;
}

export function createXhsMiniappClient(options: AdapterOptions): XhsMiniappClient {
  const cache = createTokenCache('XHS_MINIAPP', options.redis);

  function fetchToken(credentials: XhsMiniappCredentials, deadline?: number): Promise<IssuedToken> {
    return guardedCall(options, { endpoint: 'token', purpose: 'token', credentialKey: credentials.appId, deadline }, (timeoutMs) =>
      fetchTokenOnce(credentials, timeoutMs),
    );
  }

  async function fetchTokenOnce(credentials: XhsMiniappCredentials, timeoutMs: number): Promise<IssuedToken> {
    const res = await sendUpstream({
      platform: 'XHS_MINIAPP',
      method: 'POST',
      url: `${options.baseUrl}${MINIAPP_TOKEN_PATH}`,
      data: { appid: credentials.appId, secret: credentials.appSecret },
      timeoutMs,
    });
    const data = readEnvelope(parseJsonObject('XHS_MINIAPP', res)) as { access_token?: unknown; expire_in?: unknown } | null;
    if (typeof data?.access_token !== 'string' || data.access_token === '' || typeof data.expire_in !== 'number' || !(data.expire_in > 0)) {
      throw badResponse('XHS_MINIAPP', 'token answer without access_token or expire_in');
    }
    return { token: data.access_token, expiresInSeconds: data.expire_in };
  }

  function batchGetWith(
    token: string,
    body: Record<string, number>,
    credentials: XhsMiniappCredentials,
    deadline?: number,
  ): Promise<MiniappProductsPage> {
    return guardedCall(options, { endpoint: 'product/batch_get', credentialKey: credentials.appId, deadline }, async (timeoutMs) => {
      const res = await sendUpstream({
        platform: 'XHS_MINIAPP',
        method: 'POST',
        url: `${options.baseUrl}${MINIAPP_BATCH_GET_PATH}`,
        params: { app_id: credentials.appId, access_token: token },
        data: body,
        timeoutMs,
      });
      return readProductsPage(readEnvelope(parseJsonObject('XHS_MINIAPP', res)));
    });
  }

  return {
    batchGet(pageNo, pageSize, status, credentials, deadline) {
      const body: Record<string, number> = { page_no: pageNo, page_size: pageSize };
      if (status !== undefined) body.status = status;
      return callWithToken(
        cache,
        tokenCacheKey([credentials.appId], credentials.appSecret),
        () => fetchToken(credentials, deadline),
        (token) => batchGetWith(token, body, credentials, deadline),
        deadline,
      );
    },
  };
}

/** `data` of a `code: 0, success: true` envelope; anything else as the table's UpstreamError. */
function readEnvelope(body: Record<string, unknown>): unknown {
  if (body.code !== 0 || body.success !== true) throw toMiniappError(body);
  return body.data;
}

function readProductsPage(data: unknown): MiniappProductsPage {
  const page = data as Partial<MiniappProductsPage> | null | undefined;
  if (!page || typeof page !== 'object' || !Array.isArray(page.list) || typeof page.total !== 'number') {
    throw badResponse('XHS_MINIAPP', 'data.list or data.total missing');
  }
  for (const product of page.list) {
    if (typeof product?.item_id !== 'string' || product.item_id === '') throw badResponse('XHS_MINIAPP', 'a product without item_id');
  }
  return { list: page.list, total: page.total };
}
