/**
 * The token cache's shared tier on the real Redis (127.0.0.1:6379, a random key prefix per run, deleted
 * afterwards): several token caches, each with its own Redis connection, stand for several replicas.
 * The counts are of `fetchToken` calls, i.e. of token requests a platform would see.
 * (test/integration/replicas-tokens.test.ts checks the same across gateway processes and the sandbox.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpstreamError } from '../../src/platforms/errors';
import { createTokenCache } from '../../src/platforms/sharedTokens';
import { TokenCache, type IssuedToken } from '../../src/platforms/tokenCache';
import { redisLinks, until } from '../helpers/redisLinks';

const links = redisLinks('test-tokens');
const { connect, connections } = links;

/** A token endpoint: counts its calls, answers t1, t2, … after `delayMs`. */
function endpoint(delayMs = 50) {
  let calls = 0;
  const fetchToken = async (): Promise<IssuedToken> => {
    const n = ++calls;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    return { token: `t${n}`, expiresInSeconds: 7200 };
  };
  return { fetchToken, calls: () => calls };
}

/** Three "replicas", each with its own connection and cache. */
async function replicas(options: Parameters<typeof createTokenCache>[2] = {}): Promise<TokenCache[]> {
  const links = [connect(), connect(), connect()];
  await until(() => links.every((l) => l.isUp));
  return links.map((redis) => createTokenCache('XIAOE', redis, options));
}

describe('tokens shared through Redis', () => {
  beforeAll(() => links.ready());
  afterAll(() => links.closeAll());

  it('fetches one token for concurrent first requests on every replica', async () => {
    const caches = await replicas();
    const api = endpoint();
    const tokens = await Promise.all(caches.flatMap((cache) => [1, 2, 3].map(() => cache.get('first', api.fetchToken))));
    expect(new Set(tokens)).toEqual(new Set(['t1']));
    expect(api.calls()).toBe(1);
  });

  it('without the shared tier, each replica fetches its own (the contrast)', async () => {
    const caches = [new TokenCache(), new TokenCache(), new TokenCache()];
    const api = endpoint();
    await Promise.all(caches.map((cache) => cache.get('alone', api.fetchToken)));
    expect(api.calls()).toBe(3);
  });

  it('refreshes a stale token once across replicas, and a replica that reads it later adopts it', async () => {
    const caches = await replicas();
    const api = endpoint();
    const stale = await caches[0]!.get('stale', api.fetchToken);
    await Promise.all(caches.slice(1).map((cache) => cache.get('stale', api.fetchToken)));
    expect(api.calls()).toBe(1);
    const fresh = await Promise.all(caches.map((cache) => cache.refresh('stale', stale, api.fetchToken)));
    expect(fresh).toEqual(['t2', 't2', 't2']);
    expect(api.calls()).toBe(2);
    // A replica that hears of the stale token only now finds the new one in Redis: no call.
    const late = createTokenCache('XIAOE', connections[1]);
    expect(await late.refresh('stale', stale, api.fetchToken)).toBe('t2');
    expect(api.calls()).toBe(2);
  });

  it('shares a refusal of the credentials: the other replicas do not call the endpoint', async () => {
    const caches = await replicas();
    let calls = 0;
    const refused = async (): Promise<IssuedToken> => {
      calls++;
      throw new UpstreamError({ platform: 'XIAOE', code: 'UPSTREAM_AUTH', upstreamCode: '2001', upstreamMessage: 'invalid secret' });
    };
    await expect(caches[0]!.get('refused', refused)).rejects.toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '2001' });
    for (const cache of caches.slice(1)) {
      await expect(cache.get('refused', refused)).rejects.toMatchObject({ code: 'UPSTREAM_AUTH', platform: 'XIAOE', upstreamCode: '2001' });
    }
    expect(calls).toBe(1);
  });

  it("counts the token endpoint's quota jointly and refuses beyond it", async () => {
    const caches = await replicas({ endpointQuota: { limit: 2, windowMs: 60_000 } });
    const api = endpoint(0);
    expect(await caches[0]!.get('quota', api.fetchToken)).toBe('t1');
    expect(await caches[1]!.refresh('quota', 't1', api.fetchToken)).toBe('t2');
    const beyond = await caches[2]!.refresh('quota', 't2', api.fetchToken).catch((err: unknown) => err);
    expect(beyond).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', platform: 'XIAOE' });
    expect((beyond as UpstreamError).retryAfterMs).toBeGreaterThan(50_000);
    expect(api.calls()).toBe(2);
  });

  it('takes over the refresh when the replica holding the lock never finishes (lock expiry)', async () => {
    const caches = await replicas({ lockTtlMs: 300 });
    let calls = 0;
    const stuck = (): Promise<IssuedToken> => {
      calls++;
      return new Promise(() => undefined);
    };
    const api = endpoint(0);
    void caches[0]!.get('takeover', stuck);
    await until(() => calls === 1);
    // Within its deadline the waiter gives up; with time past the lock's expiry it fetches itself.
    await expect(caches[1]!.get('takeover', api.fetchToken, Date.now() + 100)).rejects.toMatchObject({
      code: 'UPSTREAM_TIMEOUT',
      reason: 'DEADLINE',
    });
    expect(await caches[2]!.get('takeover', api.fetchToken, Date.now() + 5_000)).toBe('t1');
    expect(api.calls()).toBe(1);
  });

  it('falls back to fetching here when Redis does not answer', async () => {
    const down = [connect('redis://127.0.0.1:1'), connect('redis://127.0.0.1:1')];
    const caches = down.map((redis) => createTokenCache('XIAOE', redis));
    const api = endpoint(0);
    expect(await Promise.all(caches.map((cache) => cache.get('down', api.fetchToken)))).toEqual(['t1', 't2']);
    expect(api.calls()).toBe(2);
  });
});
