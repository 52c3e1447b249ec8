/**
 * Verifies a bearer JWT with jose against a JWKS URL (keys fetched and cached by jose, re-fetched for an
 * unknown `kid`) or a static public key, checking signature, issuer, audience and expiry.
 */
import { createRemoteJWKSet, importSPKI, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import type { JwtSettings } from '../config/auth';

export interface VerifiedToken {
  subject: string;
  /** The tenant claim's value. */
  tenant: string;
  scopes: string[];
}

/** Resolves to the token's facts, or undefined for any token that does not verify (why is never told). */
export type JwtVerifier = (token: string) => Promise<VerifiedToken | undefined>;

/** Clock skew tolerated on `exp` and `nbf`. */
const CLOCK_TOLERANCE_S = 30;

export async function createJwtVerifier(settings: JwtSettings): Promise<JwtVerifier> {
  const options: JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    algorithms: settings.algorithms,
    clockTolerance: CLOCK_TOLERANCE_S,
    requiredClaims: ['exp', 'sub'],
  };
  let verify: (token: string) => Promise<{ payload: JWTPayload }>;
  if (settings.jwksUrl) {
    const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 3_000, cooldownDuration: 30_000 });
    verify = (token) => jwtVerify(token, jwks, options);
  } else {
    // importSPKI binds the key to one algorithm: the first configured one is the key's.
    const key = await importSPKI(settings.publicKeyPem!, settings.algorithms[0]!);
    verify = (token) => jwtVerify(token, key, options);
  }
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch {
      return undefined;
    }
    const tenant = payload[settings.tenantClaim];
    if (typeof tenant !== 'string' || tenant === '' || typeof payload.sub !== 'string') return undefined;
    return { subject: payload.sub, tenant, scopes: readScopes(payload[settings.scopeClaim]) };
  };
}

/** OAuth's space-separated `scope` string, or a list (`scp`-style). */
function readScopes(value: unknown): string[] {
  if (typeof value === 'string') return value.split(' ').filter((s) => s !== '');
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string');
  return [];
}
