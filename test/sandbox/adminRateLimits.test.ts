/**
 * Rate limits at run time (issue 10 item 5): `GET /__sandbox/rate-limits` shows them, `POST` changes
 * them at once for new windows (open windows are cleared), `null` restores the start-up limit, and an
 * invalid body is refused with 400 naming the field, changing nothing.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { DEFAULT_RATE_LIMITS } from '../../src/sandbox/options';
import { EXAMPLE_IDS, MerchantClient, sandboxAdmin } from './merchantClients';

let sandbox: RunningSandbox;
let client: MerchantClient;
const STARTED_WITH = { limit: 5, windowMs: 2000 };

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 5, size: 5, rateLimits: { wechat: STARTED_WITH } });
  client = new MerchantClient(sandbox, SANDBOX_CREDENTIALS);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await sandboxAdmin(sandbox, '/rate-limits', { taobao: null, wechat: null, xiaoe: null });
  await sandboxAdmin(sandbox, '/reset', {});
});

const limited = async (): Promise<boolean> => (await client.taobaoItems([EXAMPLE_IDS.taobao])).error_response?.code === 7;

describe('Sandbox admin: rate limits at run time', () => {
  it('shows the limits in force, start-up options included', async () => {
    const { status, body } = await sandboxAdmin(sandbox, '/rate-limits');
    expect(status).toBe(200);
    expect(body).toEqual({ rateLimits: { ...DEFAULT_RATE_LIMITS, wechat: STARTED_WITH } });
  });

  it('applies a new limit at once, clearing the open window, and null restores the start-up limit', async () => {
    expect(await limited()).toBe(false);
    expect(await limited()).toBe(false);
    const set = await sandboxAdmin(sandbox, '/rate-limits', { taobao: { limit: 1, windowMs: 60_000 } });
    expect(set.body.rateLimits.taobao).toEqual({ limit: 1, windowMs: 60_000 });
    // The two calls above were in the cleared window: the new one has room for exactly one.
    expect(await limited()).toBe(false);
    expect(await limited()).toBe(true);
    await sandboxAdmin(sandbox, '/clock', { advanceMs: 60_000 });
    expect(await limited()).toBe(false);
    const restored = await sandboxAdmin(sandbox, '/rate-limits', { taobao: null, wechat: null });
    expect(restored.body.rateLimits.taobao).toEqual(DEFAULT_RATE_LIMITS.taobao);
    expect(restored.body.rateLimits.wechat).toEqual(STARTED_WITH);
    expect(await limited()).toBe(false);
  });

  it('keeps the limits in force across a reset', async () => {
    await sandboxAdmin(sandbox, '/rate-limits', { xiaoe: { limit: 7, windowMs: 100 } });
    await sandboxAdmin(sandbox, '/reset', {});
    expect((await sandboxAdmin(sandbox, '/rate-limits')).body.rateLimits.xiaoe).toEqual({ limit: 7, windowMs: 100 });
  });

  it('refuses a body that is not an object with 400', async () => {
    expect(await sandboxAdmin(sandbox, '/rate-limits', [1])).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('body must be') },
    });
  });

  it.each([
    ['an unknown platform', { nowhere: { limit: 1, windowMs: 1 } }, 'nowhere is not a platform'],
    ['a limit of 0', { taobao: { limit: 0, windowMs: 1000 } }, 'taobao.limit'],
    ['a fractional windowMs', { taobao: { limit: 1, windowMs: 1.5 } }, 'taobao.windowMs'],
    ['a missing windowMs', { taobao: { limit: 1 } }, 'taobao.windowMs'],
    ['a value that is not an object', { taobao: 5 }, 'taobao'],
  ])('refuses %s with 400 naming the field, changing nothing (not even the valid entries)', async (_what, body, field) => {
    const res = await sandboxAdmin(sandbox, '/rate-limits', { xiaoe: { limit: 9, windowMs: 9 }, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(field);
    expect((await sandboxAdmin(sandbox, '/rate-limits')).body.rateLimits.xiaoe).toEqual(DEFAULT_RATE_LIMITS.xiaoe);
  });
});
