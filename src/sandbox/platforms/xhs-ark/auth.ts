/**
 * Ark v1 request authentication, checked like the platform (docs/platforms.md, "Xiaohongshu Ark: signing and the envelope"): headers
 * `app-key`, `timestamp` (unix seconds, within the sandbox's tolerance) and `sign`, the lowercase hex
 * MD5 of `path?query` + appSecret over every query parameter plus `app-key` and `timestamp`, sorted
 * by name. Written apart from the gateway's signer on purpose: the sandbox must catch a wrong client.
 */
import { createHash } from 'node:crypto';
import type { XhsArkCredentials } from './credentials';
import type { SandboxContext, SandboxReply, SandboxRequest } from '../../types';
import { arkError, ARK_SIGN_INVALID, ARK_TIMESTAMP_INVALID } from './envelope';

/**
 * The reply for a request that fails authentication, or undefined when it passes. `credentials` are
 * those of the merchant the `app-key` header names, undefined when it names none.
 */
export function checkArkAuth(
  req: SandboxRequest,
  ctx: SandboxContext,
  credentials: XhsArkCredentials | undefined,
): SandboxReply | undefined {
  const appKey = header(req, 'app-key');
  if (appKey === undefined) return arkError(ARK_SIGN_INVALID, '缺少 app-key');
  if (!credentials || appKey !== credentials.appKey) return arkError(ARK_SIGN_INVALID, 'app-key 无效');
  const timestamp = header(req, 'timestamp');
  if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return arkError(ARK_TIMESTAMP_INVALID, '缺少 timestamp 或格式错误');
  if (Math.abs(ctx.now() / 1000 - Number(timestamp)) > ctx.options.timestampToleranceSeconds) {
    return arkError(ARK_TIMESTAMP_INVALID, 'timestamp 已过期');
  }
  const sign = header(req, 'sign');
  if (sign === undefined) return arkError(ARK_SIGN_INVALID, '缺少 sign');
  if (sign !== arkExpectedSign(req.path, req.query, appKey, timestamp, credentials.appSecret))
    return arkError(ARK_SIGN_INVALID, '签名错误');
  return undefined;
}

export function arkExpectedSign(path: string, query: URLSearchParams, appKey: string, timestamp: string, appSecret: string): string {
  const pairs: Array<[string, string]> = [...query.entries(), ['app-key', appKey], ['timestamp', timestamp]];
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = `${path}?${pairs.map(([name, value]) => `${name}=${value}`).join('&')}${appSecret}`;
  return createHash('md5').update(canonical, 'utf8').digest('hex');
}

/** A single-valued header; a repeated one counts as missing. */
export function header(req: SandboxRequest, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
