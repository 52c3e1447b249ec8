/**
 * The WeChat mini shop client (docs/platforms.md, "WeChat mini shop: tokens and the envelope"): product calls are JSON POSTs to
 * `<baseUrl>/<path>?access_token=...`, answered with a top-level `errcode`.
 *
 * Tokens come from `POST /cgi-bin/stable_token` (force_refresh false) rather than `GET /cgi-bin/token`:
 * the stable token is shared by every process of the same app (several gateway replicas, or another
 * service of the merchant) instead of each fetch cutting the others' tokens to 5 more minutes, and the
 * secret travels in the body rather than in a URL that proxies log.
 */
import type { WechatCredentials } from './credentials';
import { badResponse } from '../errors';
import { parseJsonObject, sendUpstream, type UpstreamResponse } from '../http';
import { guardedCall } from '../resilience/guardedCall';
import { createTokenCache } from '../sharedTokens';
import { callWithToken, tokenCacheKey, type IssuedToken } from '../tokenCache';
import type { AdapterOptions } from '../types';
import { WECHAT_SPU_NOT_FOUND, toWechatError } from './errors';
import { quoteLargeIds } from './wireJson';

const PLATFORM = 'WECHAT_SHOP';

type Envelope = Record<string, unknown>;

export interface WechatClientOptions extends AdapterOptions {
  /** Clock for quota retry hints. Default `Date.now`. */
  now?: () => number;
}

export interface WechatClient {
  /**
   * POSTs `body` (JSON text) to `path` (e.g. `product/spu/get`) with the app's access token, refreshing
   * it once if WeChat calls it stale. Resolves to the envelope of a call with errcode 0; throws
   * UpstreamError otherwise.
   */
  post(path: string, body: string, credentials: WechatCredentials, deadline?: number): Promise<Envelope>;
  /** As `post`, for a call about one product: resolves to undefined when WeChat says the SPU does not exist (9401002). */
  postForProduct(path: string, body: string, credentials: WechatCredentials, deadline?: number): Promise<Envelope | undefined>;
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const now = options.now ?? Date.now;
  const cache = createTokenCache(PLATFORM, options.redis, { now });
  const fetchToken = (credentials: WechatCredentials, deadline?: number) => () =>
    guardedCall(options, { endpoint: 'cgi-bin/stable_token', purpose: 'token', credentialKey: credentials.appId, deadline }, (timeoutMs) =>
      fetchStableToken(options, credentials, now, timeoutMs),
    );
  const send = <T>(
    path: string,
    body: string,
    credentials: WechatCredentials,
    deadline: number | undefined,
    read: (envelope: Envelope) => T,
  ) =>
    callWithToken(
      cache,
      tokenCacheKey([credentials.appId], credentials.appSecret),
      fetchToken(credentials, deadline),
      (token) =>
        guardedCall(options, { endpoint: path, credentialKey: credentials.appId, deadline }, async (timeoutMs) => {
          const res = await sendUpstream({
            platform: PLATFORM,
            method: 'POST',
            url: `${options.baseUrl}/${path}`,
            params: { access_token: token },
            data: body,
            headers: { 'Content-Type': 'application/json' },
            timeoutMs,
          });
          return read(parseBody(res));
        }),
      deadline,
    );
  return {
    post: (path, body, credentials, deadline) => send(path, body, credentials, deadline, (envelope) => checkEnvelope(envelope, now())),
    postForProduct: (path, body, credentials, deadline) =>
      send(path, body, credentials, deadline, (envelope) =>
        envelope.errcode === WECHAT_SPU_NOT_FOUND ? undefined : checkEnvelope(envelope, now()),
      ),
  };
}

async function fetchStableToken(
  options: AdapterOptions,
  credentials: WechatCredentials,
  now: () => number,
  timeoutMs: number,
): Promise<IssuedToken> {
  const res = await sendUpstream({
    platform: PLATFORM,
    method: 'POST',
    url: `${options.baseUrl}/cgi-bin/stable_token`,
    data: { grant_type: 'client_credential', appid: credentials.appId, secret: credentials.appSecret, force_refresh: false },
    timeoutMs,
  });
  // A stale-token code here is turned into its UpstreamError by the token cache: no refresh loop.
  const { access_token: token, expires_in: expiresIn } = checkEnvelope(parseBody(res), now());
  if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number' || !(expiresIn > 0)) {
    throw badResponse(PLATFORM, 'stable_token answer without access_token/expires_in');
  }
  return { token, expiresInSeconds: expiresIn };
}

function parseBody(res: UpstreamResponse): Record<string, unknown> {
  return parseJsonObject(PLATFORM, { ...res, body: quoteLargeIds(res.body) });
}

/** The envelope itself when `errcode` is 0 or absent (token answers have none); throws otherwise. */
function checkEnvelope(body: Record<string, unknown>, nowMs: number): Record<string, unknown> {
  const { errcode } = body;
  if (errcode === undefined || errcode === 0) return body;
  if (typeof errcode !== 'number') throw badResponse(PLATFORM, 'errcode is not a number');
  throw toWechatError(body, nowMs);
}
