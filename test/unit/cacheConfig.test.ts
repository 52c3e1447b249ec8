import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('cache settings', () => {
  it('defaults: on, 64 MB, stock 15 s, price and status 60 s, content 10 min, NOT_FOUND and list pages 30 s, no window, no Redis', () => {
    const { cache, adminToken, redis, replicas } = loadConfig({});
    expect(cache).toMatchObject({
      enabled: true,
      maxBytes: 64 * 1024 * 1024,
      notFoundMs: 30_000,
      listingMs: 30_000,
      batchWindowMs: 0,
    });
    expect(redis).toBeNull();
    expect(replicas).toBe(1);
    expect(cache.freshness.TAOBAO).toEqual({ stock: 15_000, price: 60_000, status: 60_000, content: 600_000 });
    expect(adminToken).toBeNull();
  });

  it('takes global bounds, overridden per platform', () => {
    const { cache } = loadConfig({ CACHE_FRESH_STOCK_MS: '5000', WECHAT_CACHE_FRESH_STOCK_MS: '1000' });
    expect(cache.freshness.TAOBAO.stock).toBe(5000);
    expect(cache.freshness.WECHAT_SHOP.stock).toBe(1000);
  });

  it('reads CACHE=off, REDIS_URL and its timeout, REPLICAS', () => {
    const { cache, redis, replicas } = loadConfig({
      CACHE: 'off',
      REDIS_URL: 'redis://127.0.0.1:6379/2',
      REDIS_TIMEOUT_MS: '20',
      REPLICAS: '3',
    });
    expect(cache.enabled).toBe(false);
    expect(redis).toEqual({ url: 'redis://127.0.0.1:6379/2', timeoutMs: 20, keyPrefix: 'catalog-gateway' });
    expect(replicas).toBe(3);
  });

  it('refuses bad values, naming the variable', () => {
    for (const [name, value] of [
      ['CACHE', 'maybe'],
      ['CACHE_MAX_MB', '0'],
      ['REDIS_URL', 'http://x'],
      ['REPLICAS', '0'],
      ['REPLICAS', 'two'],
      ['BATCH_WINDOW_MS', '5000'],
      ['ADMIN_TOKEN', 'short'],
      ['TAOBAO_CACHE_FRESH_PRICE_MS', '-1'],
    ]) {
      expect(() => loadConfig({ [name!]: value })).toThrow(ConfigError);
      expect(() => loadConfig({ [name!]: value })).toThrow(name);
    }
  });
});
