import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey, sameDigest } from '../../src/auth/apiKey';
import { ConfigError, loadConfig } from '../../src/config/config';
import { parseTenant } from '../../src/tenants/parseTenant';
import { encryptSecret, resolveSecret } from '../../src/tenants/secretValue';

const REAL_WECHAT = { WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's' };

describe('access settings', () => {
  it('defaults to anonymous access with every scope, any CORS origin and introspection over the sandbox', () => {
    const { access } = loadConfig({});
    expect(access.auth).toEqual({ apiKey: null, jwt: null, anonymous: { scopes: ['catalog:raw', 'documents:any'] }, warning: undefined });
    expect(access.cors.origins).toBe('*');
    expect(access.exposure).toEqual({ introspection: true, landingPage: true });
    expect(access.trustedDocuments).toBeNull();
  });

  it('refuses to start over real credentials without AUTH, and warns when AUTH=none is explicit', () => {
    expect(() => loadConfig(REAL_WECHAT)).toThrow(/^AUTH: must be set/);
    expect(() => loadConfig({ TENANTS_FILE: '/x/tenants.json' })).toThrow(/^AUTH: must be set/);
    const { access } = loadConfig({ ...REAL_WECHAT, AUTH: 'none' });
    expect(access.auth.warning).toMatch(/AUTH=none over real credentials/);
    expect(access.auth.anonymous?.scopes).toEqual([]);
    expect(access.cors.origins).toEqual(new Set());
  });

  it('reads combined modes, the pepper and the JWT settings', () => {
    const { access } = loadConfig({
      ...REAL_WECHAT,
      AUTH: 'api-key,jwt',
      API_KEY_PEPPER: 'p'.repeat(32),
      JWT_JWKS_URL: 'https://issuer.test/.well-known/jwks.json',
      JWT_ISSUER: 'https://issuer.test',
      JWT_AUDIENCE: 'gw',
      JWT_TENANT_CLAIM: 'org',
      CORS_ORIGINS: 'https://shop.example, https://studio.apollographql.com',
      NODE_ENV: 'production',
    });
    expect(access.auth.apiKey).toEqual({ pepper: 'p'.repeat(32) });
    expect(access.auth.jwt).toMatchObject({
      issuer: 'https://issuer.test',
      audience: 'gw',
      tenantClaim: 'org',
      scopeClaim: 'scope',
      algorithms: ['RS256', 'ES256', 'EdDSA'],
    });
    expect(access.cors.origins).toEqual(new Set(['https://shop.example', 'https://studio.apollographql.com']));
    expect(access.exposure).toEqual({ introspection: false, landingPage: false });
  });

  it.each([
    [{ AUTH: 'password' }, 'AUTH'],
    [{ AUTH: 'none,jwt' }, 'AUTH'],
    [{ AUTH: 'api-key', API_KEY_PEPPER: 'short' }, 'API_KEY_PEPPER'],
    [{ AUTH: 'jwt', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' }, 'JWT_JWKS_URL'],
    [{ AUTH: 'jwt', JWT_JWKS_URL: 'https://x/jwks', JWT_AUDIENCE: 'a' }, 'JWT_ISSUER'],
    [{ AUTH: 'jwt', JWT_JWKS_URL: 'https://x/jwks', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a', JWT_ALGORITHMS: 'HS256' }, 'JWT_ALGORITHMS'],
    [{ CREDENTIALS_KEY: 'abcd' }, 'CREDENTIALS_KEY'],
    [{ TENANTS_FILE: 'a.json', DATABASE_URL: 'postgres://x', AUTH: 'none' }, 'TENANTS_FILE'],
    [{ CORS_ORIGINS: 'https://shop.example/path' }, 'CORS_ORIGINS'],
    [{ INTROSPECTION: 'maybe' }, 'INTROSPECTION'],
  ])('rejects %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^${variable}:`));
  });
});

describe('API keys', () => {
  it('digests a key with HMAC-SHA256 under the pepper, and compares digests', () => {
    const key = newApiKey();
    expect(key).toMatch(/^cgk_[A-Za-z0-9_-]{43}$/);
    const digest = digestApiKey(key, 'pepper-one');
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digestApiKey(key, 'pepper-two')).not.toBe(digest);
    expect(sameDigest(digest, digestApiKey(key, 'pepper-one'))).toBe(true);
    expect(sameDigest(digest, digestApiKey(newApiKey(), 'pepper-one'))).toBe(false);
    expect(sameDigest(digest, '')).toBe(false);
  });
});

describe('tenant records', () => {
  const key = randomBytes(32);
  const secrets = { key, env: { SHOP_SECRET: 'from-env' } };

  it('resolves encrypted and environment secrets', () => {
    const sealed = encryptSecret('s3cret', key);
    expect(sealed).toMatch(/^enc:v1:/);
    expect(sealed).not.toContain('s3cret');
    expect(resolveSecret(sealed, secrets)).toBe('s3cret');
    const tenant = parseTenant(
      {
        id: 'shop',
        credentials: { WECHAT_SHOP: { appId: 'wx1', appSecret: 'env:SHOP_SECRET' }, XHS_ARK: { appKey: 'k', appSecret: sealed } },
        budget: { limit: 10, restorePerSecond: 0.5 },
      },
      secrets,
    );
    expect(tenant.credentials).toEqual({
      WECHAT_SHOP: { appId: 'wx1', appSecret: 'from-env' },
      XHS_ARK: { appKey: 'k', appSecret: 's3cret' },
    });
    expect(tenant.budget).toEqual({ limit: 10, restorePerSecond: 0.5 });
  });

  it('refuses a tampered or foreign ciphertext, a plain-text secret and a missing variable, never quoting the value', () => {
    const sealed = encryptSecret('s3cret-value', key);
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA');
    const cases = [
      { WECHAT_SHOP: { appId: 'wx1', appSecret: tampered } },
      { WECHAT_SHOP: { appId: 'wx1', appSecret: encryptSecret('s3cret-value', randomBytes(32)) } },
      { WECHAT_SHOP: { appId: 'wx1', appSecret: 's3cret-value' } },
      { WECHAT_SHOP: { appId: 'wx1', appSecret: 'env:NOT_SET' } },
      { TAOBAO: { appKey: 'k', appSecret: sealed, session: sealed, signMethod: 'sha1' } },
      { AMAZON: {} },
    ];
    for (const credentials of cases) {
      let message = '';
      try {
        parseTenant({ id: 'shop', credentials }, secrets);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/^tenant shop/);
      expect(message).not.toContain('s3cret-value');
    }
  });

  it('refuses malformed ids, digests and budgets', () => {
    expect(() => parseTenant({ id: '../x' }, secrets)).toThrow(/id/);
    expect(() => parseTenant({ id: 'a', clients: [{ id: 'c', keyDigest: 'XYZ' }] }, secrets)).toThrow(/keyDigest/);
    expect(() => parseTenant({ id: 'a', budget: { limit: 0, restorePerSecond: 1 } }, secrets)).toThrow(/limit/);
    expect(() => parseTenant({ id: 'a', jwtTenantClaims: 'a' }, secrets)).toThrow(/jwtTenantClaims/);
  });
});
