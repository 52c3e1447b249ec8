/**
 * The custom fetch Mesh's JSON-schema source runs with: what its configuration cannot say. A Taobao
 * call arrives with the business parameters in the query string; it leaves as TOP wants it, a form
 * POST to /router/rest with the system parameters and the `sign` (signed by the gateway's own
 * `signedParams`). A Xiaoe call gets `access_token` added to its JSON body, from a
 * token fetched once from `/token` (it lives 2 hours, longer than any bench run). A WeChat call gets
 * `access_token` in its query string, from a token fetched once from `/cgi-bin/stable_token` with
 * force_refresh false: the same stable token the gateway and the baseline use, so fetching it cuts
 * no other process's token short (a `/cgi-bin/token` fetch would).
 */
import { signedParams } from '../../src/platforms/taobao/client';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export function createUpstreamFetch(sandboxUrl: string, fetchImpl: Fetch = globalThis.fetch): Fetch {
  let xiaoeToken: Promise<string> | undefined;
  let wechatToken: Promise<string> | undefined;
  return async (url, init) => {
    const target = new URL(url);
    if (target.pathname.startsWith('/taobao/')) return fetchImpl(`${target.origin}${target.pathname}`, signedTopPost(target.searchParams));
    if (target.pathname.startsWith('/xiaoe/')) {
      xiaoeToken ??= fetchXiaoeToken(sandboxUrl, fetchImpl);
      const body = { access_token: await xiaoeToken, ...(JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as object) };
      return fetchImpl(url, { ...init, method: 'POST', body: JSON.stringify(body) });
    }
    if (target.pathname.startsWith('/wechat/')) {
      wechatToken ??= fetchWechatToken(sandboxUrl, fetchImpl);
      target.searchParams.set('access_token', await wechatToken);
      return fetchImpl(target.toString(), { ...init, method: 'POST' });
    }
    return fetchImpl(url, init);
  };
}

function signedTopPost(business: URLSearchParams): RequestInit {
  const params = signedParams(Object.fromEntries(business), SANDBOX_CREDENTIALS.TAOBAO, Date.now());
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
  };
}

async function fetchXiaoeToken(sandboxUrl: string, fetchImpl: Fetch): Promise<string> {
  const { appId, clientId, secretKey } = SANDBOX_CREDENTIALS.XIAOE;
  const query = new URLSearchParams({ app_id: appId, client_id: clientId, secret_key: secretKey, grant_type: 'client_credential' });
  const res = await fetchImpl(`${sandboxUrl}/xiaoe/token?${query.toString()}`);
  const answer = (await res.json()) as { code?: number; data?: { access_token?: string } };
  if (answer.code !== 0 || !answer.data?.access_token) throw new Error(`Xiaoe token refused: ${JSON.stringify(answer)}`);
  return answer.data.access_token;
}

async function fetchWechatToken(sandboxUrl: string, fetchImpl: Fetch): Promise<string> {
  const { appId, appSecret } = SANDBOX_CREDENTIALS.WECHAT_SHOP;
  const res = await fetchImpl(`${sandboxUrl}/wechat/cgi-bin/stable_token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false }),
  });
  const answer = (await res.json()) as { errcode?: number; access_token?: string };
  if (answer.errcode || !answer.access_token) throw new Error(`WeChat token refused: ${JSON.stringify(answer)}`);
  return answer.access_token;
}
