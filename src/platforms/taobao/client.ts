/**
 * The TOP client for `taobao.miniapp.items.get`: one signed form POST to `<baseUrl>/router/rest` per
 * call (docs/platforms.md, "Taobao: signing and the call envelope"), `error_response` mapped through errors.ts, the success
 * envelope unwrapped to its items.
 */
import type { TaobaoCredentials } from './credentials';
import { badResponse } from '../errors';
import { parseJsonObject, sendUpstream } from '../http';
import { guardedCall } from '../resilience/guardedCall';
import { toShanghaiLocal } from '../time';
import type { AdapterOptions } from '../types';
import { toTopError } from './errors';
import { signTopRequest } from './sign';
import type { TopItem } from './topItem';
import { isRecord } from '../../util/isRecord';

export const ITEMS_GET_METHOD = 'taobao.miniapp.items.get';
const RESPONSE_KEY = 'miniapp_items_get_response';

export interface TopClientOptions extends AdapterOptions {
  /** Clock for the signed `timestamp` (tests move it). Default `Date.now`. */
  now?: () => number;
}

export interface TopClient {
  /** The items TOP returned for `numIids` (absent ids are simply missing). Throws UpstreamError. */
  getItems(numIids: readonly string[], fields: string, credentials: TaobaoCredentials, deadline?: number): Promise<TopItem[]>;
}

export function createTopClient(options: TopClientOptions): TopClient {
  const now = options.now ?? Date.now;
  const url = `${options.baseUrl}/router/rest`;
  return {
    getItems(numIids, fields, credentials, deadline) {
      return guardedCall(
        options,
        { endpoint: ITEMS_GET_METHOD, credentialKey: credentials.appKey, deadline, idCount: numIids.length },
        async (timeoutMs) => {
          // Signed per attempt: a retry carries a fresh timestamp.
          const params = signedParams({ num_iids: numIids.join(','), fields }, credentials, now());
          const res = await sendUpstream({ platform: 'TAOBAO', method: 'POST', url, data: new URLSearchParams(params), timeoutMs });
          return itemsOf(parseJsonObject('TAOBAO', res));
        },
      );
    },
  };
}

/** System parameters (all of them signed) plus the business ones and `sign`. */
export function signedParams(business: Record<string, string>, credentials: TaobaoCredentials, nowMs: number): Record<string, string> {
  const params: Record<string, string> = {
    method: ITEMS_GET_METHOD,
    app_key: credentials.appKey,
    session: credentials.session,
    timestamp: toShanghaiLocal(nowMs),
    v: '2.0',
    format: 'json',
    sign_method: credentials.signMethod,
    ...business,
  };
  params.sign = signTopRequest(params, credentials.appSecret, credentials.signMethod);
  return params;
}

/** `{"miniapp_items_get_response":{"items":{"item":[...]}}}`; TOP leaves `items` out when none matched. */
function itemsOf(body: Record<string, unknown>): TopItem[] {
  if (isRecord(body.error_response)) throw toTopError(body.error_response);
  const envelope = body[RESPONSE_KEY];
  if (!isRecord(envelope)) throw badResponse('TAOBAO', `no ${RESPONSE_KEY} or error_response`);
  if (envelope.items === undefined) return [];
  const list = isRecord(envelope.items) ? (envelope.items.item ?? []) : undefined;
  if (!Array.isArray(list) || !list.every((it) => isRecord(it) && typeof it.num_iid === 'number')) {
    throw badResponse('TAOBAO', 'items.item is not a list of items with num_iid');
  }
  return list as TopItem[];
}
