/**
 * The Xiaoe-tech client (docs/platforms.md, "Xiaoe-tech: tokens and the envelope"): a cached access token from
 * `GET <baseUrl>/token` (refreshed once when a call answers 2008), JSON POSTs to
 * `<baseUrl>/<api>/<version>` carrying it, and the `{code, msg, data}` envelope unwrapped here.
 */
import type { XiaoeCredentials } from './credentials';
import { badResponse } from '../errors';
import { parseJsonObject, sendUpstream } from '../http';
import { guardedCall } from '../resilience/guardedCall';
import { createTokenCache } from '../sharedTokens';
import { callWithToken, tokenCacheKey, type IssuedToken } from '../tokenCache';
import type { AdapterOptions } from '../types';
import { toXiaoeError } from './errors';
import { isRecord } from '../../util/isRecord';

/** One goods record exactly as Xiaoe sent it (goods detail 2.0 field names). */
export type XiaoeGoodsRecord = Readonly<Record<string, unknown>>;

export interface GoodsDetailRequest {
  resources: ReadonlyArray<{ type: number; ids: readonly string[] }>;
  /** `"stock,sku,attr"` or a part of it; absent: no blocks. */
  body?: string | undefined;
}

/** Goods list 2.0 parameters (gateway names; the upstream's in comments). */
export interface GoodsListParams {
  page: number;
  pageSize: number; // page_size, at most 100
  goodsName?: string | undefined; // goods_name, keyword
  resourceType?: number | undefined; // resource_type
  saleStatus?: 0 | 1 | 2 | 3 | undefined; // sale_status: 0 off, 1 on, 2 pending, 3 on + pending
  isReturnDeleted?: 0 | 1 | undefined; // is_return_deleted
  startTime?: string | undefined; // start_time, `yyyy-MM-dd HH:mm:ss`, at most 15 days before end_time
  endTime?: string | undefined; // end_time
}

export interface GoodsListPage {
  currentPage: number;
  total: number;
  list: XiaoeGoodsRecord[];
}

export interface XiaoeClient {
  /** The goods Xiaoe returned (unknown ids are simply missing). Throws UpstreamError. */
  getGoodsDetail(request: GoodsDetailRequest, credentials: XiaoeCredentials, deadline?: number): Promise<XiaoeGoodsRecord[]>;
  listGoods(params: GoodsListParams, credentials: XiaoeCredentials, deadline?: number): Promise<GoodsListPage>;
}

export const GOODS_DETAIL_PATH = '/xe.goods.detail.get/4.0.0';
export const GOODS_LIST_PATH = '/xe.goods.list.get/4.0.0';

/** The token endpoint's own quota per app (docs/platforms.md, "Xiaoe-tech: quota"), counted across replicas. */
export const XIAOE_TOKEN_QUOTA = { limit: 100, windowMs: 600_000 };

export function createXiaoeClient(options: AdapterOptions): XiaoeClient {
  const tokens = createTokenCache('XIAOE', options.redis, { endpointQuota: XIAOE_TOKEN_QUOTA });
  const post = (
    path: string,
    credentials: XiaoeCredentials,
    body: Record<string, unknown>,
    deadline: number | undefined,
    idCount?: number,
  ): Promise<unknown> => {
    const call = { credentialKey: credentials.appId, deadline };
    const token = () =>
      guardedCall(options, { ...call, endpoint: 'token', purpose: 'token' }, (timeoutMs) => fetchToken(options, credentials, timeoutMs));
    return callWithToken(
      tokens,
      tokenCacheKey([credentials.appId, credentials.clientId], credentials.secretKey),
      token,
      (accessToken) =>
        guardedCall(options, { ...call, endpoint: path, ...(idCount !== undefined ? { idCount } : {}) }, async (timeoutMs) => {
          const res = await sendUpstream({
            platform: 'XIAOE',
            method: 'POST',
            url: `${options.baseUrl}${path}`,
            data: { access_token: accessToken, ...body },
            headers: { 'Content-Type': 'application/json' },
            timeoutMs,
          });
          return unwrapEnvelope(parseJsonObject('XIAOE', res));
        }),
      deadline,
    );
  };
  return {
    async getGoodsDetail(request, credentials, deadline) {
      const body: Record<string, unknown> = { resources: request.resources };
      if (request.body !== undefined) body.body = request.body;
      const idCount = request.resources.reduce((n, r) => n + r.ids.length, 0);
      return goodsListOf(await post(GOODS_DETAIL_PATH, credentials, body, deadline, idCount));
    },
    async listGoods(params, credentials, deadline) {
      return listPageOf(await post(GOODS_LIST_PATH, credentials, toListBody(params), deadline));
    },
  };
}

async function fetchToken(options: AdapterOptions, credentials: XiaoeCredentials, timeoutMs: number): Promise<IssuedToken> {
  const res = await sendUpstream({
    platform: 'XIAOE',
    method: 'GET',
    url: `${options.baseUrl}/token`,
    params: {
      app_id: credentials.appId,
      client_id: credentials.clientId,
      secret_key: credentials.secretKey,
      grant_type: 'client_credential',
    },
    timeoutMs,
  });
  const data = unwrapEnvelope(parseJsonObject('XIAOE', res));
  const fields = isRecord(data) ? data : {};
  const token = fields.access_token;
  const expiresIn = fields.expires_in;
  if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
    throw badResponse('XIAOE', 'token answer without access_token and expires_in');
  }
  return { token, expiresInSeconds: expiresIn };
}

/** `data` of a `code: 0` answer; an UpstreamError (errors.ts) for any other code. */
function unwrapEnvelope(body: Record<string, unknown>): unknown {
  const code = typeof body.code === 'string' && /^-?\d+$/.test(body.code) ? Number(body.code) : body.code;
  if (typeof code !== 'number' || !Number.isInteger(code)) throw badResponse('XIAOE', 'answer without an integer code');
  if (code !== 0) throw toXiaoeError(body);
  return body.data;
}

function goodsListOf(data: unknown): XiaoeGoodsRecord[] {
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data) || !data.every(isRecord)) throw badResponse('XIAOE', 'detail data is not a list of goods');
  return data;
}

function listPageOf(data: unknown): GoodsListPage {
  if (!isRecord(data)) throw badResponse('XIAOE', 'list data is not an object');
  const list = data.list ?? [];
  if (!Array.isArray(list) || !list.every(isRecord)) throw badResponse('XIAOE', 'list data.list is not a list of goods');
  const total = data.total;
  const currentPage = data.current_page;
  if (typeof total !== 'number' || typeof currentPage !== 'number') throw badResponse('XIAOE', 'list data without total and current_page');
  return { currentPage, total, list };
}

function toListBody(params: GoodsListParams): Record<string, unknown> {
  const body: Record<string, unknown> = { page: params.page, page_size: params.pageSize };
  const optional: Array<[string, unknown]> = [
    ['goods_name', params.goodsName],
    ['resource_type', params.resourceType],
    ['sale_status', params.saleStatus],
    ['is_return_deleted', params.isReturnDeleted],
    ['start_time', params.startTime],
    ['end_time', params.endTime],
  ];
  for (const [name, value] of optional) if (value !== undefined) body[name] = value;
  return body;
}
