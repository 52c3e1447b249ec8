/**
 * The physical floor for S1: the same `taobao.miniapp.items.get` the gateway sends, signed here and
 * sent straight to the sandbox, so "added latency" is gateway minus this, at one connection.
 */
import { signedParams } from '../../src/platforms/taobao/client';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { ScenarioRequest } from './scenarios';

/** Signed now: valid within the sandbox's ±600 s timestamp tolerance, so build one per mode. */
export function directTopRequest(numIids: readonly string[], fields: string): ScenarioRequest {
  const params = signedParams({ num_iids: numIids.join(','), fields }, SANDBOX_CREDENTIALS.TAOBAO, Date.now());
  return {
    path: '/taobao/router/rest',
    body: new URLSearchParams(params).toString(),
    contentType: 'application/x-www-form-urlencoded;charset=utf-8',
    expectedProducts: numIids.length,
  };
}
