/**
 * The physical floor for S1: the same `taobao.miniapp.items.get` the gateway sends, signed here and
 * sent straight to the sandbox, so "added latency" is gateway minus this, at one connection.
 */
import { signTopRequest } from '../../src/platforms/taobao/sign';
import { toShanghaiLocal } from '../../src/platforms/time';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { ScenarioRequest } from './scenarios';

/** Signed now: valid within the sandbox's ±600 s timestamp tolerance, so build one per mode. */
export function directTopRequest(numIids: readonly string[], fields: string): ScenarioRequest {
  const { appKey, appSecret, session, signMethod } = SANDBOX_CREDENTIALS.TAOBAO;
  const params: Record<string, string> = {
    method: 'taobao.miniapp.items.get',
    app_key: appKey,
    session,
    timestamp: toShanghaiLocal(Date.now()),
    v: '2.0',
    format: 'json',
    sign_method: signMethod,
    num_iids: numIids.join(','),
    fields,
  };
  params.sign = signTopRequest(params, appSecret, signMethod);
  return {
    path: '/taobao/router/rest',
    body: new URLSearchParams(params).toString(),
    contentType: 'application/x-www-form-urlencoded;charset=utf-8',
    expectedProducts: numIids.length,
  };
}
