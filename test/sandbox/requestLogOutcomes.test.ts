/**
 * The request log's `error:<code>` outcome reads each platform's own envelope (its module's
 * `errorCodeOf`): TOP `error_response.code`, WeChat `errcode`, Ark `error_code`, Xiaoe and the
 * mini-program `code`; a success is `ok`. Each entry also carries the bytes of the body answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 2, merchants: 1 });
});
afterAll(async () => sandbox.close());

async function lastOutcome(platform: string): Promise<string> {
  const answer = (await (await fetch(`${sandbox.url}/__sandbox/requests?platform=${platform}&limit=1`)).json()) as {
    requests: Array<{ outcome: string }>;
  };
  return answer.requests[0]!.outcome;
}

async function call(path: string, init?: RequestInit): Promise<Record<string, any>> {
  return (await (await fetch(`${sandbox.url}${path}`, init)).json()) as Record<string, any>;
}

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('request log outcomes per platform envelope', () => {
  it('taobao: error_response.code', async () => {
    const body = await call('/taobao/router/rest');
    expect(body.error_response.code).toEqual(expect.any(Number));
    expect(await lastOutcome('taobao')).toBe(`error:${body.error_response.code}`);
  });

  it('xhs-ark: error_code', async () => {
    const body = await call('/xhs-ark/ark/open_api/v1/items');
    expect(body.success).toBe(false);
    expect(await lastOutcome('xhs-ark')).toBe(`error:${body.error_code}`);
  });

  it('wechat: errcode, and a token answer without one is ok', async () => {
    const body = await call('/wechat/cgi-bin/token?grant_type=client_credential&appid=nobody&secret=x');
    expect(body.errcode).toEqual(expect.any(Number));
    expect(await lastOutcome('wechat')).toBe(`error:${body.errcode}`);
    const { appId, appSecret } = SANDBOX_CREDENTIALS.WECHAT_SHOP;
    expect((await call(`/wechat/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${appSecret}`)).access_token).toEqual(
      expect.any(String),
    );
    expect(await lastOutcome('wechat')).toBe('ok');
  });

  it('xiaoe: code, 0 is ok', async () => {
    const { appId, clientId, secretKey } = SANDBOX_CREDENTIALS.XIAOE;
    const bad = await call(`/xiaoe/token?app_id=${appId}&client_id=${clientId}&secret_key=wrong&grant_type=client_credential`);
    expect(bad.code).not.toBe(0);
    expect(await lastOutcome('xiaoe')).toBe(`error:${bad.code}`);
    const good = await call(`/xiaoe/token?app_id=${appId}&client_id=${clientId}&secret_key=${secretKey}&grant_type=client_credential`);
    expect(good.code).toBe(0);
    expect(await lastOutcome('xiaoe')).toBe('ok');
  });

  it('xhs-miniapp: code, 0 is ok', async () => {
    const { appId, appSecret } = SANDBOX_CREDENTIALS.XHS_MINIAPP;
    const bad = await call('/xhs-miniapp/api/rmp/token', postJson({ appid: appId, secret: 'wrong' }));
    expect(bad.success).toBe(false);
    expect(await lastOutcome('xhs-miniapp')).toBe(`error:${bad.code}`);
    const good = await call('/xhs-miniapp/api/rmp/token', postJson({ appid: appId, secret: appSecret }));
    expect(good.code).toBe(0);
    expect(await lastOutcome('xhs-miniapp')).toBe('ok');
  });
});

describe('request log bytes', () => {
  it('records the bytes of the body each call answered, as the client received them', async () => {
    const { appId, appSecret } = SANDBOX_CREDENTIALS.WECHAT_SHOP;
    const res = await fetch(`${sandbox.url}/wechat/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${appSecret}`);
    const received = (await res.arrayBuffer()).byteLength;
    const answer = (await (await fetch(`${sandbox.url}/__sandbox/requests?platform=wechat&limit=1`)).json()) as {
      requests: Array<{ bytes: number }>;
    };
    expect(received).toBeGreaterThan(0);
    expect(answer.requests[0]!.bytes).toBe(received);
  });
});
