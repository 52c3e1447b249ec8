import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import type { FaultRule } from '../../src/sandbox/types';
import { call, callJson, createFakePlatform, postJson } from './coreFakePlatform';

let sandbox: RunningSandbox;
let admin: string;
let fake: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, faultSeed: 7, platforms: [createFakePlatform()] });
  admin = `${sandbox.url}/__sandbox`;
  fake = sandbox.baseUrls.xiaoe;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await postJson(`${admin}/faults`, { faults: [] });
  await call(`${admin}/reset`, { method: 'POST' });
});

const setFaults = (faults: FaultRule[]): Promise<unknown> => postJson(`${admin}/faults`, { faults });
const lastLogged = async (): Promise<{ status: number; outcome: string } | undefined> =>
  (await callJson<{ requests: { status: number; outcome: string }[] }>(`${admin}/requests?limit=1`)).requests[0];

/** 'F' when the call got the injected error, '.' when it was answered normally. */
async function faultPattern(calls: number): Promise<string> {
  let pattern = '';
  for (let i = 0; i < calls; i++) pattern += (await callJson<{ code: number }>(`${fake}/echo`)).code === 0 ? '.' : 'F';
  return pattern;
}

describe('Sandbox faults: rules', () => {
  it('answers the platform error envelope for the next `count` calls only', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 2008, message: 'token gone', count: 2 }]);
    expect(await callJson(`${fake}/echo`)).toEqual({ code: 2008, msg: 'token gone', data: null });
    expect(await lastLogged()).toEqual(expect.objectContaining({ status: 200, outcome: 'fault:error' }));
    expect((await callJson(`${fake}/echo`)).code).toBe(2008);
    expect((await callJson(`${fake}/echo`)).code).toBe(0);
    expect(await callJson(`${admin}/stats`)).toEqual({ calls: { 'xiaoe:echo': 3 } });
    expect(await callJson(`${admin}/faults`)).toEqual({
      faults: [{ platform: 'xiaoe', kind: 'error', code: 2008, message: 'token gone', count: 2, remaining: 0 }],
    });
  });

  it('restores spent counts on reset, keeping the rules', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 2008, count: 1 }]);
    expect(await faultPattern(2)).toBe('F.');
    await call(`${admin}/reset`, { method: 'POST' });
    expect(await faultPattern(2)).toBe('F.');
  });

  it('applies a rule only to its operation when it names one', async () => {
    await setFaults([{ platform: 'xiaoe', operation: 'token', kind: 'error', code: 500 }]);
    expect((await callJson(`${fake}/echo`)).code).toBe(0);
    expect((await callJson(`${fake}/token`)).code).toBe(500);
  });

  it('draws a partial rate from the fault seed: the same rules give the same pattern', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 1, rate: 0.5 }]);
    const first = await faultPattern(40);
    expect(first).toMatch(/F/);
    expect(first).toMatch(/\./);
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 1, rate: 0.5 }]);
    expect(await faultPattern(40)).toBe(first);
    await call(`${admin}/reset`, { method: 'POST' });
    expect(await faultPattern(40)).toBe(first);
  });

  it('gives another pattern from another fault seed', async () => {
    const other = await startSandbox({ port: 0, faultSeed: 8, platforms: [createFakePlatform()] });
    try {
      const rule = [{ platform: 'xiaoe', kind: 'error', code: 1, rate: 0.5 }];
      await postJson(`${other.url}/__sandbox/faults`, { faults: rule });
      let otherPattern = '';
      for (let i = 0; i < 40; i++)
        otherPattern += (await callJson<{ code: number }>(`${other.baseUrls.xiaoe}/echo`)).code === 0 ? '.' : 'F';
      await setFaults(rule as FaultRule[]);
      expect(await faultPattern(40)).not.toBe(otherPattern);
    } finally {
      await other.close();
    }
  });

  it('applies faults given at start-up', async () => {
    const other = await startSandbox({
      port: 0,
      platforms: [createFakePlatform()],
      faults: [{ platform: 'xiaoe', kind: 'http', status: 500 }],
    });
    try {
      expect((await call(`${other.baseUrls.xiaoe}/echo`)).status).toBe(500);
    } finally {
      await other.close();
    }
  });

  it.each([
    [{ platform: 'nowhere', kind: 'error', code: 1 }, /platform/],
    [{ platform: 'xiaoe', kind: 'explode' }, /kind/],
    [{ platform: 'xiaoe', kind: 'error' }, /code/],
    [{ platform: 'xiaoe', kind: 'http', rate: 1.5 }, /rate/],
    [{ platform: 'xiaoe', kind: 'latency', count: 0 }, /count/],
  ])('refuses an invalid rule %j with 400 and keeps the rules in force', async (rule, message) => {
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 9 }]);
    const res = await call(`${admin}/faults`, { body: JSON.stringify({ faults: [rule] }) });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toMatch(message);
    expect((await callJson<{ faults: unknown[] }>(`${admin}/faults`)).faults).toHaveLength(1);
  });

  it('clears every rule with an empty list', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 1 }]);
    await setFaults([]);
    expect(await callJson(`${admin}/faults`)).toEqual({ faults: [] });
    expect((await callJson(`${fake}/echo`)).code).toBe(0);
  });
});

describe('Sandbox faults: kinds', () => {
  it('latency: delays, then answers normally', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'latency', latencyMs: 30, jitterMs: 20 }]);
    expect((await callJson(`${fake}/echo`)).code).toBe(0);
    expect(await lastLogged()).toEqual(expect.objectContaining({ status: 200, outcome: 'fault:latency' }));
  });

  it('http: the chosen status with a short text body', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'http', status: 502 }]);
    const res = await call(`${fake}/echo`);
    expect(res).toMatchObject({ status: 502, text: 'Bad Gateway' });
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(await lastLogged()).toEqual(expect.objectContaining({ status: 502, outcome: 'fault:http' }));
  });

  it('http: 503 by default', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'http' }]);
    expect((await call(`${fake}/echo`)).status).toBe(503);
  });

  it('html: an HTML error page, 502 by default', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'html' }]);
    const res = await call(`${fake}/echo`);
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toContain('<title>502 Bad Gateway</title>');
  });

  it('non-json: HTTP 200 declared as JSON with a body that does not parse', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'non-json' }]);
    const res = await call(`${fake}/echo`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(() => JSON.parse(res.text)).toThrow(SyntaxError);
  });

  it('reset: the client sees a connection reset and no answer', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'reset', count: 1 }]);
    await expect(call(`${fake}/echo`)).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect(await lastLogged()).toEqual(expect.objectContaining({ status: 0, outcome: 'fault:reset' }));
    expect((await callJson(`${fake}/echo`)).code).toBe(0);
  });

  it('hang: never answers; the call ends when the client times out', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'hang', count: 1 }]);
    await expect(call(`${fake}/echo`, { timeoutMs: 1000 })).rejects.toThrow('client timeout');
    expect(await lastLogged()).toEqual(expect.objectContaining({ status: 0, outcome: 'fault:hang' }));
    expect((await callJson(`${fake}/echo`)).code).toBe(0);
  });

  it('any kind may wait its latencyMs first', async () => {
    await setFaults([{ platform: 'xiaoe', kind: 'error', code: 45011, latencyMs: 20 }]);
    expect((await callJson(`${fake}/echo`)).code).toBe(45011);
  });
});

describe('Sandbox faults: close()', () => {
  it('ends a hanging request and resolves', async () => {
    const other = await startSandbox({ port: 0, platforms: [createFakePlatform()], faults: [{ platform: 'xiaoe', kind: 'hang' }] });
    const hanging = call(`${other.baseUrls.xiaoe}/echo`);
    const settled = hanging.then(
      () => 'answered',
      (err: NodeJS.ErrnoException) => err.code,
    );
    await waitUntilLogged(`${other.url}/__sandbox`);
    await other.close();
    expect(await settled).toBe('ECONNRESET');
  });

  it('ends a request waiting on a long latency', async () => {
    const other = await startSandbox({
      port: 0,
      platforms: [createFakePlatform()],
      faults: [{ platform: 'xiaoe', kind: 'latency', latencyMs: 600_000 }],
    });
    const waiting = call(`${other.baseUrls.xiaoe}/echo`).then(
      () => 'answered',
      (err: NodeJS.ErrnoException) => err.code,
    );
    await waitUntilLogged(`${other.url}/__sandbox`);
    await other.close();
    expect(await waiting).toBe('ECONNRESET');
  });
});

async function waitUntilLogged(adminUrl: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const { requests } = await callJson<{ requests: unknown[] }>(`${adminUrl}/requests`);
    if (requests.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the request never reached the sandbox');
}
