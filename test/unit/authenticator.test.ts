import { describe, expect, it } from 'vitest';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { createAuthenticator } from '../../src/auth/authenticator';
import { TenantDirectory } from '../../src/tenants/tenantDirectory';

const PEPPER = 'p'.repeat(40);
const KEYS = { web: newApiKey(), ops: newApiKey() };

async function directory(): Promise<TenantDirectory> {
  const records = [
    {
      id: 'acme',
      budget: { limit: 100, restorePerSecond: 1 },
      jwtTenantClaims: ['acme-co'],
      clients: [
        { id: 'web', keyDigest: digestApiKey(KEYS.web, PEPPER), scopes: [] },
        { id: 'ops', keyDigest: digestApiKey(KEYS.ops, PEPPER), scopes: ['catalog:raw'], budget: { limit: 900, restorePerSecond: 9 } },
        { id: 'batch', jwtSubject: 'svc-batch', scopes: [], budget: { limit: 5000, restorePerSecond: 50 } },
      ],
    },
  ];
  const source = { description: 'memory', load: async () => records, close: async () => {} };
  return TenantDirectory.open({ source, defaultCredentials: {}, secrets: { env: {} }, refreshMs: 60_000, warn: () => {} });
}

describe('createAuthenticator', () => {
  it('gives an API key client its identity, scopes and budget (its own, else its tenant one)', async () => {
    const authenticate = await createAuthenticator({ apiKey: { pepper: PEPPER }, jwt: null, anonymous: null }, await directory());
    const web = await authenticate({ 'x-api-key': KEYS.web });
    expect(web?.tenant.id).toBe('acme');
    expect(web?.client).toEqual({ clientId: 'acme/web', tenantId: 'acme', scopes: new Set(), budget: { limit: 100, restorePerSecond: 1 } });
    const ops = await authenticate({ authorization: `Bearer ${KEYS.ops}` });
    expect(ops?.client).toEqual({
      clientId: 'acme/ops',
      tenantId: 'acme',
      scopes: new Set(['catalog:raw']),
      budget: { limit: 900, restorePerSecond: 9 },
    });
    expect(await authenticate({ authorization: `bearer   ${KEYS.ops}` })).toBeDefined();
    expect(await authenticate({ authorization: `Token ${KEYS.ops}` })).toBeUndefined();
  });

  it('gives a JWT client its token scopes, and the budget of the entry naming its subject', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const jwt = {
      publicKeyPem: await exportSPKI(publicKey),
      algorithms: ['ES256'],
      issuer: 'iss',
      audience: 'gw',
      tenantClaim: 'tenant',
      scopeClaim: 'scope',
    };
    const authenticate = await createAuthenticator({ apiKey: { pepper: PEPPER }, jwt, anonymous: null }, await directory());
    const sign = (sub: string) =>
      new SignJWT({ tenant: 'acme-co', scope: 'catalog:raw' })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject(sub)
        .setIssuer('iss')
        .setAudience('gw')
        .setExpirationTime('1m')
        .sign(privateKey);
    expect((await authenticate({ authorization: `Bearer ${await sign('svc-batch')}` }))?.client).toEqual({
      clientId: 'acme/batch',
      tenantId: 'acme',
      scopes: new Set(['catalog:raw']),
      budget: { limit: 5000, restorePerSecond: 50 },
    });
    expect((await authenticate({ authorization: `Bearer ${await sign('user-7')}` }))?.client).toMatchObject({
      clientId: 'acme/jwt:user-7',
      budget: { limit: 100, restorePerSecond: 1 },
    });
    // An API key still works beside JWTs.
    expect((await authenticate({ authorization: `Bearer ${KEYS.web}` }))?.client?.clientId).toBe('acme/web');
  });

  it('runs anonymous requests for the default tenant with the configured scopes, and no client', async () => {
    const authenticate = await createAuthenticator({ apiKey: null, jwt: null, anonymous: { scopes: ['catalog:raw'] } }, await directory());
    const access = await authenticate({ 'x-api-key': 'ignored' });
    expect(access).toMatchObject({ client: null, tenant: { id: 'default' }, scopes: new Set(['catalog:raw']) });
  });
});
