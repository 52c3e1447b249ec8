import { describe, expect, it } from 'vitest';
import { callWithToken, TokenCache } from '../../src/platforms/tokenCache';
import { StaleTokenError, UpstreamError } from '../../src/platforms/errors';

function countingIssuer() {
  let n = 0;
  const fetchToken = async () => ({ token: `t${++n}`, expiresInSeconds: 7200 });
  return { fetchToken, count: () => n };
}

describe('TokenCache', () => {
  it('fetches once for many concurrent callers (single flight) and caches', async () => {
    const cache = new TokenCache();
    const issuer = countingIssuer();
    const tokens = await Promise.all(Array.from({ length: 20 }, () => cache.get('app', issuer.fetchToken)));
    expect(new Set(tokens)).toEqual(new Set(['t1']));
    await cache.get('app', issuer.fetchToken);
    expect(issuer.count()).toBe(1);
  });

  it('refreshes ahead of expiry', async () => {
    let now = 0;
    const cache = new TokenCache({ now: () => now, refreshAheadMs: 300_000 });
    const issuer = countingIssuer();
    await cache.get('app', issuer.fetchToken);
    now = (7200 - 301) * 1000;
    expect(await cache.get('app', issuer.fetchToken)).toBe('t1');
    now = (7200 - 299) * 1000;
    expect(await cache.get('app', issuer.fetchToken)).toBe('t2');
  });

  it('refreshes a stale token once however many calls found it stale', async () => {
    const cache = new TokenCache();
    const issuer = countingIssuer();
    const stale = await cache.get('app', issuer.fetchToken);
    const fresh = await Promise.all(Array.from({ length: 5 }, () => cache.refresh('app', stale, issuer.fetchToken)));
    expect(new Set(fresh)).toEqual(new Set(['t2']));
    expect(await cache.refresh('app', stale, issuer.fetchToken)).toBe('t2');
    expect(issuer.count()).toBe(2);
  });

  it('retries a call exactly once after a stale-token error, and never loops', async () => {
    const cache = new TokenCache();
    const issuer = countingIssuer();
    const seen: string[] = [];
    const stale = new StaleTokenError(new UpstreamError({ platform: 'WECHAT_SHOP', code: 'UPSTREAM_AUTH', upstreamCode: '40001' }));
    await expect(
      callWithToken(cache, 'app', issuer.fetchToken, async (token) => {
        seen.push(token);
        throw stale;
      }),
    ).rejects.toBe(stale.upstream);
    expect(seen).toEqual(['t1', 't2']);
  });

  it('answers a stale-token code from the token endpoint itself as its UpstreamError, remembered like any refusal', async () => {
    const cache = new TokenCache();
    let calls = 0;
    const refused = new UpstreamError({ platform: 'WECHAT_SHOP', code: 'UPSTREAM_AUTH', upstreamCode: '40001' });
    const fetchToken = async () => {
      calls += 1;
      throw new StaleTokenError(refused);
    };
    await expect(callWithToken(cache, 'app', fetchToken, async () => 'never')).rejects.toBe(refused);
    await expect(cache.get('app', fetchToken)).rejects.toBe(refused);
    expect(calls).toBe(1);
  });

  it('does not refresh on other errors', async () => {
    const cache = new TokenCache();
    const issuer = countingIssuer();
    const rejected = new UpstreamError({ platform: 'XIAOE', code: 'UPSTREAM_REJECTED', upstreamCode: '2002' });
    await expect(callWithToken(cache, 'app', issuer.fetchToken, async () => Promise.reject(rejected))).rejects.toBe(rejected);
    expect(issuer.count()).toBe(1);
  });
});

describe('TokenCache with wrong credentials', () => {
  it('answers a refused credential from memory instead of asking the token endpoint again', async () => {
    let now = 0;
    const cache = new TokenCache({ now: () => now, failureTtlMs: 30_000 });
    let calls = 0;
    const refused = new UpstreamError({ platform: 'XIAOE', code: 'UPSTREAM_AUTH', upstreamCode: '2001' });
    const fetchToken = async () => {
      calls += 1;
      throw refused;
    };
    for (let i = 0; i < 5; i++) await expect(cache.get('app', fetchToken)).rejects.toBe(refused);
    expect(calls).toBe(1);
    now = 30_001;
    await expect(cache.get('app', fetchToken)).rejects.toBe(refused);
    expect(calls).toBe(2);
  });

  it('asks again at once after a transient token-endpoint failure', async () => {
    const cache = new TokenCache();
    let calls = 0;
    const fetchToken = async () => {
      calls += 1;
      if (calls === 1) throw new UpstreamError({ platform: 'XIAOE', code: 'UPSTREAM_UNAVAILABLE', retryable: true });
      return { token: 'ok', expiresInSeconds: 7200 };
    };
    await expect(cache.get('app', fetchToken)).rejects.toThrow();
    expect(await cache.get('app', fetchToken)).toBe('ok');
  });
});
