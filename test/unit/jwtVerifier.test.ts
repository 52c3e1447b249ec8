import { describe, expect, it } from 'vitest';
import { exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { createJwtVerifier } from '../../src/auth/jwtVerifier';

const SETTINGS = { algorithms: ['ES256'], issuer: 'https://issuer.test', audience: 'gw', tenantClaim: 'org', scopeClaim: 'scp' };

describe('createJwtVerifier with a static public key', () => {
  it('reads the configured tenant and scope claims of a valid token, and refuses any other', async () => {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    const verify = await createJwtVerifier({ ...SETTINGS, publicKeyPem: await exportSPKI(publicKey) });
    const sign = (claims: Record<string, unknown>, audience = 'gw') =>
      new SignJWT({ org: 'acme', scp: ['catalog:raw', 7], ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('svc-1')
        .setIssuer('https://issuer.test')
        .setAudience(audience)
        .setExpirationTime('1m')
        .sign(privateKey);
    expect(await verify(await sign({}))).toEqual({ subject: 'svc-1', tenant: 'acme', scopes: ['catalog:raw'] });
    expect(await verify(await sign({ scp: 'a b' }))).toMatchObject({ scopes: ['a', 'b'] });
    expect(await verify(await sign({}, 'other'))).toBeUndefined();
    expect(await verify(await sign({ org: undefined }))).toBeUndefined();
    expect(await verify('not.a.jwt')).toBeUndefined();
  });
});
