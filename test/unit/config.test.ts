import { describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RESILIENCE, loadConfig } from '../../src/config/config';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

describe('loadConfig', () => {
  it('serves every platform from the embedded sandbox on a fresh clone', () => {
    const config = loadConfig({}, SANDBOX_CREDENTIALS);
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.sandbox).toEqual({ port: 4010, url: 'http://127.0.0.1:4010' });
    expect(config.platforms.TAOBAO).toEqual({
      baseUrl: 'http://127.0.0.1:4010/taobao',
      sandbox: true,
      timeoutMs: 5000,
      quota: null,
      resilience: DEFAULT_RESILIENCE,
    });
    expect(config.platforms.XIAOE.quota).toEqual({ limit: 3000, windowMs: 10_000 });
    expect(config.requestTimeoutMs).toBe(10_000);
    expect(config.platforms.XHS_MINIAPP.baseUrl).toBe('http://127.0.0.1:4010/xhs-miniapp');
    expect(config.credentials.WECHAT_SHOP).toEqual(SANDBOX_CREDENTIALS.WECHAT_SHOP);
  });

  it('moves a platform to its real host when its credentials are present, and only that one', () => {
    const config = loadConfig({ WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's', AUTH: 'none' }, SANDBOX_CREDENTIALS);
    expect(config.platforms.WECHAT_SHOP).toEqual({
      baseUrl: 'https://api.weixin.qq.com',
      sandbox: false,
      timeoutMs: 5000,
      quota: null,
      resilience: DEFAULT_RESILIENCE,
    });
    expect(config.credentials.WECHAT_SHOP).toEqual({ appId: 'wx1', appSecret: 's' });
    expect(config.platforms.TAOBAO.sandbox).toBe(true);
  });

  it('honours a base URL override and the TOP sign method', () => {
    const config = loadConfig({
      TAOBAO_APP_KEY: 'k',
      TAOBAO_APP_SECRET: 's',
      TAOBAO_SESSION: 'x',
      TAOBAO_SIGN_METHOD: 'hmac',
      TAOBAO_BASE_URL: 'https://gw.api.tbsandbox.com/',
      AUTH: 'none',
    });
    expect(config.platforms.TAOBAO.baseUrl).toBe('https://gw.api.tbsandbox.com');
    expect(config.credentials.TAOBAO?.signMethod).toBe('hmac');
  });

  it('reads quotas to pace calls to', () => {
    const config = loadConfig({ WECHAT_RATE_LIMIT: '20/1s', XIAOE_RATE_LIMIT: 'off' }, SANDBOX_CREDENTIALS);
    expect(config.platforms.WECHAT_SHOP.quota).toEqual({ limit: 20, windowMs: 1000 });
    expect(config.platforms.XIAOE.quota).toBeNull();
  });

  it('reads retry and breaker settings per platform, leaving the others at the defaults', () => {
    const config = loadConfig(
      { TAOBAO_RETRY_ATTEMPTS: '1', TAOBAO_BREAKER_RESET_MS: '300', TAOBAO_BREAKER_MIN_CALLS: '2', WECHAT_RETRY_MAX_MS: '50' },
      SANDBOX_CREDENTIALS,
    );
    expect(config.platforms.TAOBAO.resilience).toEqual({
      ...DEFAULT_RESILIENCE,
      retryAttempts: 1,
      breakerResetMs: 300,
      breakerMinCalls: 2,
    });
    expect(config.platforms.WECHAT_SHOP.resilience).toEqual({ ...DEFAULT_RESILIENCE, retryMaxDelayMs: 50 });
    expect(config.platforms.XIAOE.resilience).toEqual(DEFAULT_RESILIENCE);
  });

  it('serves platforms from the sandbox but leaves them unconfigured when not handed its credentials', () => {
    const config = loadConfig({});
    expect(config.platforms.XIAOE).toMatchObject({ baseUrl: 'http://127.0.0.1:4010/xiaoe', sandbox: true });
    expect(config.credentials).toEqual({});
  });

  it('leaves platforms without credentials unconfigured when SANDBOX=off', () => {
    const config = loadConfig({ SANDBOX: 'off' }, SANDBOX_CREDENTIALS);
    expect(config.sandbox).toBeNull();
    expect(config.credentials).toEqual({});
    expect(config.platforms.XIAOE.sandbox).toBe(false);
  });

  it.each([
    [{ TAOBAO_APP_KEY: 'k' }, 'TAOBAO_APP_SECRET'],
    [{ XIAOE_APP_ID: 'a', XIAOE_CLIENT_ID: 'c' }, 'XIAOE_SECRET_KEY'],
    [{ TAOBAO_APP_KEY: 'k', TAOBAO_APP_SECRET: 's', TAOBAO_SESSION: 'x', TAOBAO_SIGN_METHOD: 'sha1' }, 'TAOBAO_SIGN_METHOD'],
    [{ WECHAT_APP_ID: 'a', WECHAT_APP_SECRET: 'b', WECHAT_BASE_URL: 'ftp://x' }, 'WECHAT_BASE_URL'],
    [{ XHS_ARK_BASE_URL: 'https://ark.example' }, 'XHS_ARK_BASE_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ SANDBOX_PORT: '70000' }, 'SANDBOX_PORT'],
    [{ SANDBOX: 'maybe' }, 'SANDBOX'],
    [{ XIAOE_TIMEOUT_MS: '0' }, 'XIAOE_TIMEOUT_MS'],
    [{ TAOBAO_RATE_LIMIT: '10 per second' }, 'TAOBAO_RATE_LIMIT'],
    [{ REQUEST_TIMEOUT_MS: '-1' }, 'REQUEST_TIMEOUT_MS'],
    [{ WECHAT_BREAKER_RESET_MS: '3000000000' }, 'WECHAT_BREAKER_RESET_MS'],
    [{ XIAOE_BREAKER_ERROR_PERCENT: '101' }, 'XIAOE_BREAKER_ERROR_PERCENT'],
    [{ XIAOE_RETRY_ATTEMPTS: '0' }, 'XIAOE_RETRY_ATTEMPTS'],
    [{ XIAOE_RETRY_ATTEMPTS: '11' }, 'XIAOE_RETRY_ATTEMPTS'],
    [{ WECHAT_BREAKER_ERROR_PERCENT: '150' }, 'WECHAT_BREAKER_ERROR_PERCENT'],
    [{ XHS_ARK_BREAKER_RESET_MS: 'soon' }, 'XHS_ARK_BREAKER_RESET_MS'],
  ])('fails at start-up naming the variable: %j -> %s', (env, variable) => {
    expect(() => loadConfig(env, SANDBOX_CREDENTIALS)).toThrow(ConfigError);
    expect(() => loadConfig(env, SANDBOX_CREDENTIALS)).toThrow(new RegExp(`^${variable}:`));
  });
});
