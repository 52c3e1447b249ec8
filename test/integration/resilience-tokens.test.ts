/**
 * Token lifecycle through the gateway (Xiaoe, WeChat) and the mini-program adapter: an expired token,
 * an old token killed by a newer one after the 5-minute overlap, a token the platform keeps refusing,
 * and credentials that are simply wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { XhsMiniappAdapter } from '../../src/platforms/xhs-miniapp/adapter';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox';
import { errorAt, expectNoLeaks, startFaultStack, type FaultStack } from './resilienceStack';

const XIAOE = `{ x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } }`;
const WECHAT = `{ w: product(platform: WECHAT_SHOP, id: "12345") { title } }`;
const BOTH = `{ ${XIAOE.slice(1, -1)} ${WECHAT.slice(1, -1)} }`;
const TOKEN_LIFE_MS = 7200_000;
const OVERLAP_MS = 300_000;

/** Another process of the same merchant takes a new token: ours dies `OVERLAP_MS` later. */
async function takeNewTokenElsewhere(stack: FaultStack, platform: 'xiaoe' | 'wechat' | 'xhs-miniapp'): Promise<void> {
  const base = `${stack.sandboxUrl}/${platform}`;
  let res: Response;
  if (platform === 'xiaoe') {
    const c = SANDBOX_CREDENTIALS.XIAOE;
    res = await fetch(`${base}/token?app_id=${c.appId}&client_id=${c.clientId}&secret_key=${c.secretKey}&grant_type=client_credential`);
  } else if (platform === 'wechat') {
    const c = SANDBOX_CREDENTIALS.WECHAT_SHOP;
    res = await fetch(`${base}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: c.appId, secret: c.appSecret, force_refresh: true }),
    });
  } else {
    const c = SANDBOX_CREDENTIALS.XHS_MINIAPP;
    res = await fetch(`${base}/api/rmp/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appid: c.appId, secret: c.appSecret }),
    });
  }
  expect(JSON.stringify(await res.json())).toMatch(/access_token/);
}

describe('stale tokens, through the gateway', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack();
    expect((await stack.query(BOTH)).errors).toBeUndefined();
  });
  afterAll(async () => stack.close());

  it('Xiaoe: an expired token costs exactly one refresh and one retry (2008)', async () => {
    await stack.advanceClock(TOKEN_LIFE_MS + 1000);
    const { result, calls, requests } = await stack.measure(() => stack.query(XIAOE));
    expect(result.data).toEqual({ x: { title: '呜呜' } });
    expect(calls).toEqual({ 'xiaoe:xe.goods.detail.get': 2, 'xiaoe:token': 1 });
    expect(requests.map((r) => `${r.operation} ${(r as any).outcome}`)).toEqual([
      'xe.goods.detail.get error:2008',
      'token ok',
      'xe.goods.detail.get ok',
    ]);
  });

  it('Xiaoe: a token replaced elsewhere works through the overlap, then is refreshed once', async () => {
    await takeNewTokenElsewhere(stack, 'xiaoe');
    const during = await stack.measure(() => stack.query(XIAOE));
    expect(during.calls).toEqual({ 'xiaoe:xe.goods.detail.get': 1 });
    await stack.advanceClock(OVERLAP_MS + 1000);
    const after = await stack.measure(() => stack.query(XIAOE));
    expect(after.result.data).toEqual({ x: { title: '呜呜' } });
    expect(after.calls).toEqual({ 'xiaoe:xe.goods.detail.get': 2, 'xiaoe:token': 1 });
  });

  it('Xiaoe: concurrent requests that all find the token expired share one refresh', async () => {
    await stack.advanceClock(TOKEN_LIFE_MS + 1000);
    const { result, calls } = await stack.measure(() => Promise.all(Array.from({ length: 6 }, () => stack.query(XIAOE))));
    expect(result.every((r) => r.errors === undefined)).toBe(true);
    expect(calls['xiaoe:token']).toBe(1);
  });

  it('WeChat: an expired token costs exactly one stable_token call and one retry (42001)', async () => {
    const { result, calls, requests } = await stack.measure(() => stack.query(WECHAT)); // the clock moved past its life above
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ 'wechat:product/spu/get': 2, 'wechat:token': 1 });
    expect((requests[0] as any).outcome).toBe('error:42001');
  });

  it('WeChat: a token replaced elsewhere (force_refresh) is refreshed once after the overlap (40001)', async () => {
    await takeNewTokenElsewhere(stack, 'wechat');
    await stack.advanceClock(OVERLAP_MS + 1000);
    const { result, calls, requests } = await stack.measure(() => stack.query(WECHAT));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ 'wechat:product/spu/get': 2, 'wechat:token': 1 });
    expect((requests[0] as any).outcome).toMatch(/^error:(40001|42001)$/);
  });

  // WeChat documents the stable token as isolated from /cgi-bin/token's (docs/platforms.md, "Which token
  // endpoint each client uses"): another service of the merchant taking classic tokens must not end ours.
  it("WeChat: a classic-token client on the same app never breaks the gateway's token", async () => {
    expect((await stack.query(WECHAT)).errors).toBeUndefined();
    const c = SANDBOX_CREDENTIALS.WECHAT_SHOP;
    const classic = `${stack.sandboxUrl}/wechat/cgi-bin/token?grant_type=client_credential&appid=${c.appId}&secret=${c.appSecret}`;
    for (let i = 0; i < 3; i++) expect((await (await fetch(classic)).json()).access_token).toEqual(expect.any(String));
    await stack.advanceClock(OVERLAP_MS + 1000);
    const { result, calls } = await stack.measure(() => stack.query(WECHAT));
    expect(result.errors).toBeUndefined();
    expect(calls).toEqual({ 'wechat:product/spu/get': 1 });
  });

  it('never loops on a token the platform keeps calling stale: one refresh, one retry, then UPSTREAM_AUTH', async () => {
    await stack.setFaults([
      { platform: 'xiaoe', operation: 'xe.goods.detail.get', kind: 'error', code: 2008 },
      { platform: 'wechat', operation: 'product/spu/get', kind: 'error', code: 40001 },
    ]);
    const { result, calls } = await stack.measure(() => stack.query(BOTH));
    await stack.setFaults([]);
    expect(result.data).toEqual({ x: null, w: null });
    expect(errorAt(result, ['x']).extensions).toMatchObject({
      code: 'UPSTREAM_AUTH',
      platform: 'XIAOE',
      upstreamCode: '2008',
      retryable: false,
    });
    expect(errorAt(result, ['w']).extensions).toMatchObject({ code: 'UPSTREAM_AUTH', platform: 'WECHAT_SHOP', upstreamCode: '40001' });
    expect(calls).toEqual({ 'xiaoe:xe.goods.detail.get': 2, 'xiaoe:token': 1, 'wechat:product/spu/get': 2, 'wechat:token': 1 });
    expectNoLeaks(result);
  });

  it('mini-program: an expired token and an old token after the overlap each cost one refresh and one retry (10003)', async () => {
    const adapter = stack.registry.get('XHS_MINIAPP')!.adapter as unknown as XhsMiniappAdapter;
    const call = { credentials: SANDBOX_CREDENTIALS.XHS_MINIAPP, deadline: Date.now() + 5_000 };
    await adapter.listPage({ pageNo: 0, pageSize: 5 }, call);
    await stack.advanceClock(TOKEN_LIFE_MS + 1000);
    const expired = await stack.measure(() => adapter.listPage({ pageNo: 0, pageSize: 5 }, call));
    expect(expired.result.products).toHaveLength(5);
    expect(expired.calls).toEqual({ 'xhs-miniapp:product/batch_get': 2, 'xhs-miniapp:token': 1 });
    await takeNewTokenElsewhere(stack, 'xhs-miniapp');
    await stack.advanceClock(OVERLAP_MS + 1000);
    const replaced = await stack.measure(() => adapter.listPage({ pageNo: 0, pageSize: 5 }, call));
    expect(replaced.calls).toEqual({ 'xhs-miniapp:product/batch_get': 2, 'xhs-miniapp:token': 1 });
  });
});

describe('wrong credentials', () => {
  let stack: FaultStack;
  beforeAll(async () => {
    stack = await startFaultStack({}, (url) => ({
      AUTH: 'none',
      TAOBAO_APP_KEY: SANDBOX_CREDENTIALS.TAOBAO.appKey,
      TAOBAO_APP_SECRET: 'wrong-taobao-secret',
      TAOBAO_SESSION: SANDBOX_CREDENTIALS.TAOBAO.session,
      TAOBAO_SIGN_METHOD: 'hmac-sha256',
      TAOBAO_BASE_URL: `${url}/taobao`,
      XIAOE_APP_ID: SANDBOX_CREDENTIALS.XIAOE.appId,
      XIAOE_CLIENT_ID: SANDBOX_CREDENTIALS.XIAOE.clientId,
      XIAOE_SECRET_KEY: 'wrong-xiaoe-secret',
      XIAOE_BASE_URL: `${url}/xiaoe`,
      WECHAT_APP_ID: SANDBOX_CREDENTIALS.WECHAT_SHOP.appId,
      WECHAT_APP_SECRET: 'wrong-wechat-secret',
      WECHAT_BASE_URL: `${url}/wechat`,
      XHS_MINIAPP_APP_ID: SANDBOX_CREDENTIALS.XHS_MINIAPP.appId,
      XHS_MINIAPP_APP_SECRET: 'wrong-miniapp-secret',
      XHS_MINIAPP_BASE_URL: `${url}/xhs-miniapp`,
    }));
  });
  afterAll(async () => stack.close());

  it('surfaces as UPSTREAM_AUTH naming the platform, without hammering the token endpoints', async () => {
    const all = `{ t: product(platform: TAOBAO, id: "1489161932") { title } ${XIAOE.slice(1, -1)} ${WECHAT.slice(1, -1)} }`;
    const { result, calls } = await stack.measure(async () => {
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await stack.query(all));
      return answers;
    });
    for (const res of result) {
      expect(res.data).toEqual({ t: null, x: null, w: null });
      expect(errorAt(res, ['t']).extensions).toMatchObject({
        code: 'UPSTREAM_AUTH',
        platform: 'TAOBAO',
        upstreamCode: '25',
        retryable: false,
      });
      expect(errorAt(res, ['x']).extensions).toMatchObject({
        code: 'UPSTREAM_AUTH',
        platform: 'XIAOE',
        upstreamCode: '2001',
        retryable: false,
      });
      expect(errorAt(res, ['w']).extensions).toMatchObject({ code: 'UPSTREAM_AUTH', platform: 'WECHAT_SHOP', retryable: false });
      expect(res.errors![0]!.message).toMatch(/^(TAOBAO|XIAOE|WECHAT_SHOP): upstream rejected the credentials/);
      expectNoLeaks(res);
      expect(JSON.stringify(res)).not.toContain('wrong-');
    }
    // One token call per platform for all four requests (refusals are remembered); Taobao signs each
    // call and has no token endpoint: one call per request, never retried.
    expect(calls).toEqual({ 'xiaoe:token': 1, 'wechat:token': 1, 'taobao:taobao.miniapp.items.get': 4 });
  });

  it('mini-program: the list adapter refuses quickly with UPSTREAM_AUTH, one token call for several pages', async () => {
    const adapter = stack.registry.get('XHS_MINIAPP')!.adapter as unknown as XhsMiniappAdapter;
    const credentials = { appId: SANDBOX_CREDENTIALS.XHS_MINIAPP.appId, appSecret: 'wrong-miniapp-secret' };
    const { result, calls } = await stack.measure(() =>
      Promise.allSettled(
        [0, 1, 2].map((pageNo) => adapter.listPage({ pageNo, pageSize: 5 }, { credentials, deadline: Date.now() + 2_000 })),
      ),
    );
    for (const r of result)
      expect(r).toMatchObject({ status: 'rejected', reason: { code: 'UPSTREAM_AUTH', platform: 'XHS_MINIAPP', upstreamCode: '10001' } });
    expect(calls).toEqual({ 'xhs-miniapp:token': 1 });
  });
});
