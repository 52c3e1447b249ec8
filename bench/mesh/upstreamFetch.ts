/**
 * The custom fetch Mesh's JSON-schema source runs with: what its configuration cannot say. A Taobao
 * call arrives with the business parameters in the query string; it leaves as TOP wants it, a form
 * POST to /router/rest with the system parameters and the `sign` (the project's signTopRequest, the
 * same algorithm the gateway uses). A Xiaoe call gets `access_token` added to its JSON body, from a
 * token fetched once from `/token` (it lives 2 hours, longer than any bench run).
 */
import { signTopRequest } from '../../src/platforms/taobao/sign';
import { toShanghaiLocal } from '../../src/platforms/time';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export function createUpstreamFetch(sandboxUrl: string, fetchImpl: Fetch = globalThis.fetch): Fetch {
  let xiaoeToken: Promise<string> | undefined;
  return async (url, init) => {
    const target = new URL(url);
    if (target.pathname.startsWith('/taobao/')) return fetchImpl(`${target.origin}${target.pathname}`, signedTopPost(target.searchParams));
    if (target.pathname.startsWith('/xiaoe/')) {
      xiaoeToken ??= fetchXiaoeToken(sandboxUrl, fetchImpl);
      const body = { access_token: await xiaoeToken, ...(JSON.parse(String(init?.body ?? '{}')) as object) };
      return fetchImpl(url, { ...init, method: 'POST', body: JSON.stringify(body) });
    }
    return fetchImpl(url, init);
  };
}

function signedTopPost(business: URLSearchParams): RequestInit {
  const { appKey, appSecret, session, signMethod } = SANDBOX_CREDENTIALS.TAOBAO;
  const params: Record<string, string> = {
    method: 'taobao.miniapp.items.get',
    app_key: appKey,
    session,
    timestamp: toShanghaiLocal(Date.now()),
    v: '2.0',
    format: 'json',
    sign_method: signMethod,
    ...Object.fromEntries(business),
  };
  params.sign = signTopRequest(params, appSecret, signMethod);
  return {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
  };
}

async function fetchXiaoeToken(sandboxUrl: string, fetchImpl: Fetch): Promise<string> {
  const { appId, clientId, secretKey } = SANDBOX_CREDENTIALS.XIAOE;
  const query = new URLSearchParams({ app_id: appId, client_id: clientId, secret_key: secretKey, grant_type: 'client_credential' });
  const res = await fetchImpl(`${sandboxUrl}/xiaoe/token?${query}`);
  const answer = (await res.json()) as { code?: number; data?: { access_token?: string } };
  if (answer.code !== 0 || !answer.data?.access_token) throw new Error(`Xiaoe token refused: ${JSON.stringify(answer)}`);
  return answer.data.access_token;
}
