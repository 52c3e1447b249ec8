/**
 * Who is calling, from the request headers: an API key (`Authorization: Bearer <key>` or `x-api-key`),
 * a JWT (`Authorization: Bearer <jwt>`), or nobody under AUTH=none. Every failure is the same
 * `undefined`, so a client never learns which part failed or whether a tenant exists.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { AuthSettings } from '../config/auth';
import type { ClientIdentity } from '../server/context';
import type { TenantDirectory } from '../tenants/tenantDirectory';
import { DEFAULT_TENANT_ID, type Tenant } from '../tenants/tenant';
import { digestApiKey, sameDigest } from './apiKey';
import { createJwtVerifier, type JwtVerifier } from './jwtVerifier';

/** What a request may do: its tenant, and the client (null when anonymous) with its scopes. */
export interface RequestAccess {
  client: ClientIdentity | null;
  tenant: Tenant;
  scopes: ReadonlySet<string>;
}

/** Resolves to the request's access, or undefined: answer 401. */
export type Authenticate = (headers: IncomingHttpHeaders) => Promise<RequestAccess | undefined>;

/** Longer credentials are refused before any work (a JWT with a few claims is well under 2 KB). */
const MAX_CREDENTIAL_LENGTH = 8_192;
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

export async function createAuthenticator(settings: AuthSettings, directory: TenantDirectory): Promise<Authenticate> {
  if (settings.anonymous) {
    const scopes: ReadonlySet<string> = new Set(settings.anonymous.scopes);
    return async () => ({ client: null, tenant: directory.tenant(DEFAULT_TENANT_ID)!, scopes });
  }
  const verifyJwt = settings.jwt ? await createJwtVerifier(settings.jwt) : undefined;
  const pepper = settings.apiKey?.pepper;
  return async (headers) => {
    const credential = presentedCredential(headers);
    if (credential === undefined) return undefined;
    if (verifyJwt && credential.bearer && JWT_SHAPE.test(credential.value)) return byJwt(credential.value, verifyJwt, directory);
    if (pepper !== undefined) return byApiKey(credential.value, pepper, directory);
    return undefined;
  };
}

/** The one credential the request carries; undefined when there is none, two, or a malformed one. */
function presentedCredential(headers: IncomingHttpHeaders): { value: string; bearer: boolean } | undefined {
  const authorization = headers.authorization;
  const apiKey = headers['x-api-key'];
  if (authorization !== undefined && apiKey !== undefined) return undefined;
  let credential: { value: string; bearer: boolean } | undefined;
  if (typeof authorization === 'string') {
    const m = /^Bearer +(\S+) *$/i.exec(authorization);
    credential = m ? { value: m[1]!, bearer: true } : undefined;
  } else if (typeof apiKey === 'string') {
    credential = { value: apiKey.trim(), bearer: false };
  }
  if (!credential || credential.value === '' || credential.value.length > MAX_CREDENTIAL_LENGTH) return undefined;
  return credential;
}

function byApiKey(key: string, pepper: string, directory: TenantDirectory): RequestAccess | undefined {
  const digest = digestApiKey(key, pepper);
  // The map lookup is keyed by an HMAC the caller cannot steer without the pepper; the constant-time
  // comparison below is what decides.
  const found = directory.clientByKeyDigest(digest);
  if (!found || !sameDigest(found.client.keyDigest ?? '', digest)) return undefined;
  const { tenant, client } = found;
  return {
    tenant,
    scopes: new Set(client.scopes),
    client: withBudget(
      { clientId: `${tenant.id}/${client.id}`, tenantId: tenant.id, scopes: new Set(client.scopes) },
      client.budget ?? tenant.budget,
    ),
  };
}

async function byJwt(token: string, verify: JwtVerifier, directory: TenantDirectory): Promise<RequestAccess | undefined> {
  const verified = await verify(token);
  const tenant = verified && directory.tenantByJwtClaim(verified.tenant);
  if (!verified || !tenant) return undefined;
  const scopes = new Set(verified.scopes);
  const entry = tenant.clients.find((c) => c.jwtSubject === verified.subject);
  const clientId = entry ? `${tenant.id}/${entry.id}` : `${tenant.id}/jwt:${verified.subject}`;
  return { tenant, scopes, client: withBudget({ clientId, tenantId: tenant.id, scopes }, entry?.budget ?? tenant.budget) };
}

function withBudget(identity: ClientIdentity, budget: ClientIdentity['budget']): ClientIdentity {
  return budget ? { ...identity, budget } : identity;
}
