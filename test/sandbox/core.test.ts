import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import type { RequestLogEntry } from '../../src/sandbox/requestLog';
import { call, callJson, createFakePlatform, postJson } from './coreFakePlatform';

type LoggedRequest = RequestLogEntry;

let sandbox: RunningSandbox;
let admin: string;
let fake: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, platforms: [createFakePlatform()] });
  admin = `${sandbox.url}/__sandbox`;
  fake = sandbox.baseUrls.xiaoe;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await postJson(`${admin}/faults`, { faults: [] });
  await call(`${admin}/reset`, { method: 'POST' });
});

const requests = async (query = ''): Promise<LoggedRequest[]> =>
  (await callJson<{ requests: LoggedRequest[] }>(`${admin}/requests${query}`)).requests;
const stats = async (): Promise<Record<string, number>> => (await callJson<{ calls: Record<string, number> }>(`${admin}/stats`)).calls;

describe('Sandbox core: start', () => {
  it('listens on a free port of 127.0.0.1 and gives one base URL per platform', () => {
    expect(sandbox.url).toBe(`http://127.0.0.1:${sandbox.port}`);
    expect(sandbox.port).toBeGreaterThan(0);
    expect(sandbox.baseUrls).toEqual({
      taobao: `${sandbox.url}/taobao`,
      xiaoe: `${sandbox.url}/xiaoe`,
      wechat: `${sandbox.url}/wechat`,
      'xhs-ark': `${sandbox.url}/xhs-ark`,
      'xhs-miniapp': `${sandbox.url}/xhs-miniapp`,
    });
  });

  it('refuses two stand-ins with the same name', async () => {
    await expect(startSandbox({ platforms: [createFakePlatform(), createFakePlatform()] })).rejects.toThrow(/given twice/);
  });

  it('refuses an out-of-range option, naming it', async () => {
    await expect(startSandbox({ platforms: [], tokenTtlSeconds: 0 })).rejects.toThrow(/tokenTtlSeconds/);
  });
});

describe('Sandbox core: routing', () => {
  it('routes the path below the platform prefix to the platform and answers its reply as JSON', async () => {
    const res = await call(`${fake}/echo`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(JSON.parse(res.text)).toEqual({ code: 0, msg: 'ok', data: { method: 'GET', json: null, bodyBytes: 0 } });
  });

  it('sends a Uint8Array body as it is, with its byte length', async () => {
    const res = await call(`${fake}/bytes`);
    expect(res.text).toBe('{"code":0,"msg":"预编码"}');
    expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(res.text));
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it.each([
    ['an unknown top-level path', '/nowhere'],
    ['a prefix that only starts like a platform', '/xiaoe-not/echo'],
    ['a platform this sandbox does not serve', '/taobao/router/rest'],
    ['a path the platform does not route', '/xiaoe/unknown'],
  ])('answers 404 JSON for %s, without counting it', async (_label, path) => {
    const res = await call(`${sandbox.url}${path}`);
    expect(res.status).toBe(404);
    expect(JSON.parse(res.text)).toMatchObject({ error: 'not found' });
    expect(await stats()).toEqual({});
  });

  it('answers 404 for an unknown admin endpoint and 405 for a wrong method', async () => {
    expect((await call(`${admin}/nothing`)).status).toBe(404);
    const wrong = await call(`${admin}/reset`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });
});

describe('Sandbox core: bodies', () => {
  it('parses a JSON body into json', async () => {
    const body = await postJson<{ data: { json: unknown } }>(`${fake}/echo`, { ids: ['a', 'b'], 名称: '连衣裙' });
    expect(body.data.json).toEqual({ ids: ['a', 'b'], 名称: '连衣裙' });
  });

  it('leaves json undefined for a body that is not JSON', async () => {
    const body = await callJson<{ data: { json: unknown; bodyBytes: number } }>(`${fake}/echo`, {
      body: '{"broken":',
      contentType: 'application/json',
    });
    expect(body.data).toMatchObject({ json: null, bodyBytes: 10 });
  });

  it('parses a form body into form (as the request log shows)', async () => {
    await call(`${fake}/echo?ids=1,2,3`, {
      body: 'method=taobao.miniapp.items.get&fields=title%2Cprice&name=a+b',
      contentType: 'application/x-www-form-urlencoded;charset=utf-8',
    });
    const [logged] = await requests();
    expect(logged?.params).toEqual({
      ids: ['1', '2', '3'],
      form: { method: 'taobao.miniapp.items.get', fields: 'title,price', name: 'a b' },
    });
  });

  it('accepts a body of exactly 1 MiB and answers 413 above it', async () => {
    const mib = 1024 * 1024;
    const fits = await call(`${fake}/echo`, { body: 'x'.repeat(mib), contentType: 'text/plain' });
    expect(JSON.parse(fits.text).data.bodyBytes).toBe(mib);
    const tooLarge = await call(`${fake}/echo`, { body: 'x'.repeat(mib + 1), contentType: 'text/plain' });
    expect(tooLarge.status).toBe(413);
    expect(await stats()).toEqual({ 'xiaoe:echo': 1 });
  });
});

describe('Sandbox core: clients that go away', () => {
  it('drops a request whose client leaves mid-body, without reporting a sandbox bug', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const partial = request(`${fake}/echo`, { method: 'POST', headers: { 'Content-Length': 1000 }, agent: false });
      partial.on('error', () => undefined);
      partial.write('{"ids":');
      await new Promise((resolve) => setTimeout(resolve, 20));
      partial.destroy();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await callJson(`${fake}/echo`)).code).toBe(0);
      expect(errors).not.toHaveBeenCalled();
      expect(await stats()).toEqual({ 'xiaoe:echo': 1 });
    } finally {
      errors.mockRestore();
    }
  });
});

describe('Sandbox core: stats and request log', () => {
  it('counts every routed call exactly, refused and failing ones included', async () => {
    for (let i = 0; i < 3; i++) await call(`${fake}/echo`);
    await call(`${fake}/refused`);
    await call(`${fake}/refused`);
    await call(`${sandbox.url}/nowhere`);
    expect(await stats()).toEqual({ 'xiaoe:echo': 3, 'xiaoe:refused': 2 });
  });

  it('logs each call with its params, status, outcome and body bytes, most recent last', async () => {
    const echo = await call(`${fake}/echo?ids=a,b&access_token=secret`);
    const refused = await call(`${fake}/refused`);
    const logged = await requests('?platform=xiaoe');
    expect(logged.map(({ at: _at, ...rest }) => rest)).toEqual([
      {
        seq: 1,
        platform: 'xiaoe',
        merchant: null,
        operation: 'echo',
        method: 'GET',
        path: '/xiaoe/echo',
        params: { ids: ['a', 'b'] },
        status: 200,
        outcome: 'ok',
        bytes: Buffer.byteLength(echo.text),
      },
      {
        seq: 2,
        platform: 'xiaoe',
        merchant: null,
        operation: 'refused',
        method: 'GET',
        path: '/xiaoe/refused',
        params: {},
        status: 200,
        outcome: 'error:2008',
        bytes: Buffer.byteLength(refused.text),
      },
    ]);
    expect(new Date(logged[0]!.at).toISOString()).toBe(logged[0]!.at);
  });

  it('returns only the last `limit` entries and filters by platform', async () => {
    for (let i = 0; i < 5; i++) await call(`${fake}/echo?ids=${i}`);
    expect((await requests('?limit=2')).map((r) => r.params.ids)).toEqual([['3'], ['4']]);
    expect(await requests('?platform=wechat')).toEqual([]);
    expect((await call(`${admin}/requests?platform=nope`)).status).toBe(400);
    expect((await call(`${admin}/requests?limit=0`)).status).toBe(400);
  });

  it('answers a throwing handler with HTTP 500 "sandbox bug" and reports it on stderr', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const res = await call(`${fake}/boom`);
      expect(res.status).toBe(500);
      expect(JSON.parse(res.text)).toMatchObject({ error: 'sandbox bug', where: 'xiaoe:boom', message: 'deliberate handler failure' });
      expect(errors).toHaveBeenCalledTimes(1);
      expect((await requests()).at(-1)).toMatchObject({ operation: 'boom', status: 500, outcome: 'error:sandbox-bug' });
    } finally {
      errors.mockRestore();
    }
  });
});

describe('Sandbox core: admin API', () => {
  it('resets counters, log, tokens and clock but keeps the data', async () => {
    const { data } = await callJson<{ data: { token: string } }>(`${fake}/token`);
    await postJson(`${admin}/clock`, { advanceMs: 60_000 });
    await call(`${admin}/reset`, { method: 'POST' });
    expect(await stats()).toEqual({});
    expect(await requests()).toEqual([]);
    expect(await callJson(`${admin}/clock`)).toMatchObject({ offsetMs: 0 });
    const check = await callJson<{ data: { state: string } }>(`${fake}/check?token=${data.token}`);
    expect(check.data.state).toBe('invalid');
    expect((await requests()).map((r) => r.seq)).toEqual([1]);
  });

  it('hands out the fixed credentials and every base URL', async () => {
    // A sandbox of caller-built platforms serves the default merchant only, unless told otherwise.
    expect(await callJson(`${admin}/credentials`)).toEqual({
      credentials: SANDBOX_CREDENTIALS,
      merchants: { default: SANDBOX_CREDENTIALS },
      baseUrls: sandbox.baseUrls,
    });
  });

  it('moves the sandbox clock forward and refuses a negative move', async () => {
    const before = await callJson<{ now: string; offsetMs: number }>(`${admin}/clock`);
    const after = await postJson<{ now: string; offsetMs: number }>(`${admin}/clock`, { advanceMs: 3_600_000 });
    expect(after.offsetMs).toBe(3_600_000);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(3_600_000);
    expect((await call(`${admin}/clock`, { body: JSON.stringify({ advanceMs: -1 }) })).status).toBe(400);
  });
});
