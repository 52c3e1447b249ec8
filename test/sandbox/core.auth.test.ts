import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { call, callJson, createFakePlatform, postJson } from './coreFakePlatform';

interface Issued {
  token: string;
  expiresInSeconds: number;
}

let sandbox: RunningSandbox;
let admin: string;
let fake: string;

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    platforms: [createFakePlatform()],
    tokenTtlSeconds: 60,
    tokenOverlapSeconds: 10,
    rateLimits: { xiaoe: { limit: 3, windowMs: 10_000 } },
  });
  admin = `${sandbox.url}/__sandbox`;
  fake = sandbox.baseUrls.xiaoe;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await call(`${admin}/reset`, { method: 'POST' });
});

const issue = async (query = ''): Promise<Issued> => (await callJson<{ data: Issued }>(`${fake}/token${query}`)).data;
const check = async (token: string): Promise<string> =>
  (await callJson<{ data: { state: string } }>(`${fake}/check?token=${encodeURIComponent(token)}`)).data.state;
const advance = (seconds: number): Promise<unknown> => postJson(`${admin}/clock`, { advanceMs: seconds * 1000 });

describe('Sandbox tokens', () => {
  it('issues a prefixed random token with the configured lifetime, valid until it ends', async () => {
    const issued = await issue();
    expect(issued.token).toMatch(/^xe_[A-Za-z0-9_-]{32}$/);
    expect(issued.expiresInSeconds).toBe(60);
    expect(await check(issued.token)).toBe('valid');
    await advance(59);
    expect(await check(issued.token)).toBe('valid');
    await advance(1);
    expect(await check(issued.token)).toBe('expired');
  });

  it('keeps the previous token alive for the overlap after a new one, then expires it', async () => {
    const first = await issue();
    await advance(5);
    const second = await issue();
    expect(second.token).not.toBe(first.token);
    await advance(9);
    expect(await check(first.token)).toBe('valid');
    await advance(1);
    expect(await check(first.token)).toBe('expired');
    expect(await check(second.token)).toBe('valid');
  });

  it('does not shorten another client’s token', async () => {
    const mine = await issue('?client=a');
    await issue('?client=b');
    await advance(30);
    expect(await check(mine.token)).toBe('valid');
  });

  it('calls a token it never issued invalid, and every token invalid after a reset', async () => {
    expect(await check('xe_never-issued')).toBe('invalid');
    expect(await check('')).toBe('invalid');
    const issued = await issue();
    await call(`${admin}/reset`, { method: 'POST' });
    expect(await check(issued.token)).toBe('invalid');
  });

  it('stable: hands out the same token until its last overlap seconds, then a new one', async () => {
    const first = await issue('?stable=1');
    await advance(20);
    const again = await issue('?stable=1');
    expect(again.token).toBe(first.token);
    // What is left of its life, rounded down (the real clock moved a few ms meanwhile).
    expect([39, 40]).toContain(again.expiresInSeconds);
    await advance(30);
    const renewed = await issue('?stable=1');
    expect(renewed).toEqual({ token: expect.not.stringMatching(first.token) as string, expiresInSeconds: 60 });
    expect(await check(first.token)).toBe('valid');
  });

  it('stable: force_refresh issues a new token at once', async () => {
    const first = await issue('?stable=1');
    const forced = await issue('?stable=force');
    expect(forced.token).not.toBe(first.token);
    expect(await check(first.token)).toBe('valid');
  });
});

describe('Sandbox rate limits', () => {
  const hit = async (key = 'shop'): Promise<{ code: number; msg: string }> => callJson(`${fake}/limited?key=${key}`);

  it('refuses calls beyond the limit inside the window with the seconds left (rounded up)', async () => {
    for (let i = 0; i < 3; i++) expect((await hit()).code).toBe(0);
    await advance(2.5);
    expect(await hit()).toMatchObject({ code: 429, msg: 'retry after 8' });
  });

  it('opens a new window once the old one has passed', async () => {
    for (let i = 0; i < 4; i++) await hit();
    await advance(10);
    expect((await hit()).code).toBe(0);
  });

  it('counts each credential separately', async () => {
    for (let i = 0; i < 3; i++) await hit('a');
    expect((await hit('a')).code).toBe(429);
    expect((await hit('b')).code).toBe(0);
  });

  it('forgets every window on reset', async () => {
    for (let i = 0; i < 4; i++) await hit();
    await call(`${admin}/reset`, { method: 'POST' });
    expect((await hit()).code).toBe(0);
  });
});
