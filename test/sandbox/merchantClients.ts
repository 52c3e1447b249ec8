/**
 * Minimal clients of the five stand-ins for one merchant's credentials, over real HTTP: what the
 * merchant, patch and rate-limit tests need to read a merchant's catalog the way the gateway does.
 */
import { signTopRequest } from '../../src/platforms/taobao/sign';
import { signArkRequest } from '../../src/platforms/xhs-ark/sign';
import { toShanghaiLocal } from '../../src/platforms/time';
import type { RunningSandbox, SandboxCredentialSet } from '../../src/sandbox';

export type Json = Record<string, any>;

export const ARK_ITEMS_PATH = '/ark/open_api/v1/items';

/** The documented example ids, present in every merchant's catalog. */
export const EXAMPLE_IDS = {
  taobao: '1489161932',
  xiaoe: 'a_619fba7ae4b03f3fb99c7809',
  wechat: '12345',
  'xhs-ark': '58e5a8e4c9d7597de8649ab5',
  'xhs-miniapp': 'string',
} as const;

export class MerchantClient {
  constructor(
    private readonly sandbox: RunningSandbox,
    readonly credentials: SandboxCredentialSet,
  ) {}

  /** `taobao.miniapp.items.get`: the whole envelope. */
  async taobaoItems(numIids: readonly string[], fields?: string): Promise<Json> {
    const c = this.credentials.TAOBAO;
    const params: Record<string, string> = {
      method: 'taobao.miniapp.items.get',
      app_key: c.appKey,
      session: c.session,
      timestamp: toShanghaiLocal(Date.now()),
      v: '2.0',
      format: 'json',
      sign_method: c.signMethod,
      num_iids: numIids.join(','),
    };
    if (fields !== undefined) params.fields = fields;
    params.sign = signTopRequest(params, c.appSecret, c.signMethod);
    const res = await fetch(`${this.sandbox.baseUrls.taobao}/router/rest`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
      body: new URLSearchParams(params).toString(),
    });
    return res.json() as Promise<Json>;
  }

  async xiaoeToken(): Promise<string> {
    const c = this.credentials.XIAOE;
    const query = new URLSearchParams({ app_id: c.appId, client_id: c.clientId, secret_key: c.secretKey, grant_type: 'client_credential' });
    const body = (await (await fetch(`${this.sandbox.baseUrls.xiaoe}/token?${query}`)).json()) as Json;
    if (body.code !== 0) throw new Error(`xiaoe token refused: ${JSON.stringify(body)}`);
    return body.data.access_token as string;
  }

  /** Goods detail 2.0 for resource_type 2 ids (the example's type), with every block. */
  async xiaoeDetail(ids: readonly string[], token?: string): Promise<Json> {
    const body = { access_token: token ?? (await this.xiaoeToken()), resources: [{ type: 2, ids }], body: 'stock,sku,attr' };
    return this.xiaoePost('/xe.goods.detail.get/4.0.0', body);
  }

  async xiaoeList(filter: Json, token?: string): Promise<Json> {
    return this.xiaoePost('/xe.goods.list.get/4.0.0', { access_token: token ?? (await this.xiaoeToken()), ...filter });
  }

  async wechatToken(): Promise<string> {
    const c = this.credentials.WECHAT_SHOP;
    const res = await fetch(`${this.sandbox.baseUrls.wechat}/cgi-bin/stable_token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credential', appid: c.appId, secret: c.appSecret }),
    });
    const body = (await res.json()) as Json;
    if (typeof body.access_token !== 'string') throw new Error(`wechat token refused: ${JSON.stringify(body)}`);
    return body.access_token;
  }

  /** A product/* call, e.g. `('/product/spu/get', {product_id: 12345})`. */
  async wechat(path: string, body: Json, token?: string): Promise<Json> {
    const accessToken = token ?? (await this.wechatToken());
    const res = await fetch(`${this.sandbox.baseUrls.wechat}${path}?access_token=${encodeURIComponent(accessToken)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.json() as Promise<Json>;
  }

  async arkItems(query: Record<string, string> = {}): Promise<Json> {
    const c = this.credentials.XHS_ARK;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const sign = signArkRequest(ARK_ITEMS_PATH, { ...query, 'app-key': c.appKey, timestamp }, c.appSecret);
    const res = await fetch(`${this.sandbox.baseUrls['xhs-ark']}${ARK_ITEMS_PATH}?${new URLSearchParams(query)}`, {
      headers: { 'app-key': c.appKey, timestamp, sign },
    });
    return res.json() as Promise<Json>;
  }

  async miniappToken(): Promise<string> {
    const c = this.credentials.XHS_MINIAPP;
    const body = await this.miniappPost('/api/rmp/token', { appid: c.appId, secret: c.appSecret });
    if (body.code !== 0) throw new Error(`miniapp token refused: ${JSON.stringify(body)}`);
    return body.data.access_token as string;
  }

  /** `product/batch_get` with `{page_no, page_size, status?}`. */
  async miniappPage(body: Json, token?: string, appId = this.credentials.XHS_MINIAPP.appId): Promise<Json> {
    const accessToken = token ?? (await this.miniappToken());
    return this.miniappPost(
      `/api/rmp/mp/deal/product/batch_get?${new URLSearchParams({ app_id: appId, access_token: accessToken })}`,
      body,
    );
  }

  private async xiaoePost(path: string, body: Json): Promise<Json> {
    const res = await fetch(`${this.sandbox.baseUrls.xiaoe}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.json() as Promise<Json>;
  }

  private async miniappPost(pathAndQuery: string, body: Json): Promise<Json> {
    const res = await fetch(`${this.sandbox.baseUrls['xhs-miniapp']}${pathAndQuery}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return res.json() as Promise<Json>;
  }
}

/** `/__sandbox/<path>`: GET without a body, else `method` (default POST) with a JSON body. */
export async function sandboxAdmin(
  sandbox: RunningSandbox,
  path: string,
  body?: unknown,
  method = 'POST',
): Promise<{ status: number; body: Json }> {
  const init: RequestInit =
    body === undefined
      ? {}
      : { method, headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) };
  const res = await fetch(`${sandbox.url}/__sandbox${path}`, init);
  return { status: res.status, body: (await res.json()) as Json };
}
