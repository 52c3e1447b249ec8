/** A tenant: one customer of the gateway, its merchants' credentials, who may act for it, and its budget. */
import type { PlatformCredentials } from '../config/credentials';

/** A budget in upstream calls: a token bucket of `limit` calls refilled at `restorePerSecond`. */
export interface Budget {
  limit: number;
  restorePerSecond: number;
}

/** A client: one holding an API key (only its HMAC-SHA256 digest is stored), or a JWT subject given its own budget. */
export interface TenantClient {
  id: string;
  /** Lower-case hex HMAC-SHA256 of the key under the server's pepper (`npm run auth:new-key`). */
  keyDigest?: string;
  /** A JWT `sub` this entry names (its scopes come from the token; the entry gives its id and budget). */
  jwtSubject?: string;
  /** An API key's scopes. */
  scopes: readonly string[];
  /** Overrides the tenant's budget for this client. */
  budget?: Budget;
}

export interface Tenant {
  id: string;
  /** Per platform; a platform absent here is unconfigured for this tenant. */
  credentials: PlatformCredentials;
  clients: readonly TenantClient[];
  /** Values of the JWT tenant claim that act for this tenant. */
  jwtTenantClaims: readonly string[];
  /** Default budget of each of its clients. */
  budget?: Budget;
}

/** The id of the tenant that today's environment credentials (`TAOBAO_APP_KEY`, ...) form. */
export const DEFAULT_TENANT_ID = 'default';
