/**
 * AUTH=none|api-key|jwt (api-key,jwt combined) and their settings. Default `none` only while every
 * platform is served by the embedded sandbox and no tenant store is set; otherwise AUTH must be set,
 * and AUTH=none then is allowed only explicitly (the server warns at start-up).
 */
import { ALL_SCOPES } from '../auth/scopes';
import { ConfigError } from './configError';
import { readHttpUrl, readList, readText, type Env } from './envValues';

export interface JwtSettings {
  /** `JWT_JWKS_URL`; or a static PEM public key in `JWT_PUBLIC_KEY`. */
  jwksUrl?: string;
  publicKeyPem?: string;
  /** `JWT_ALGORITHMS`, default RS256 ES256 EdDSA (never `none`, never HMAC with a public key). */
  algorithms: string[];
  issuer: string;
  audience: string;
  /** `JWT_TENANT_CLAIM`, default `tenant`. */
  tenantClaim: string;
  /** `JWT_SCOPE_CLAIM`, default `scope` (a space-separated string or a list). */
  scopeClaim: string;
}

export interface AuthSettings {
  /** `API_KEY_PEPPER` when api-key mode is on. */
  apiKey: { pepper: string } | null;
  jwt: JwtSettings | null;
  /** AUTH=none: requests are anonymous, for the default tenant, with these scopes (`ANONYMOUS_SCOPES`). */
  anonymous: { scopes: string[] } | null;
  /** Said at start-up: AUTH=none set explicitly over real credentials. */
  warning?: string;
}

const MODES = ['none', 'api-key', 'jwt'];

export function readAuthSettings(env: Env, context: { realCredentials: boolean }): AuthSettings {
  const modes = readList(env, 'AUTH') ?? [];
  for (const mode of modes)
    if (!MODES.includes(mode)) throw new ConfigError('AUTH', `must be none, api-key, jwt or api-key,jwt; got "${env.AUTH}"`);
  if (modes.includes('none') && modes.length > 1) throw new ConfigError('AUTH', '"none" cannot be combined with another mode');
  if (modes.length === 0 && context.realCredentials) {
    throw new ConfigError(
      'AUTH',
      'must be set when real credentials or a tenant store are configured (api-key, jwt, or none to accept anonymous requests)',
    );
  }
  if (modes.length === 0 || modes.includes('none')) {
    // Over the sandbox alone nothing is private, so anonymous development gets every scope.
    const scopes = readList(env, 'ANONYMOUS_SCOPES') ?? (context.realCredentials ? [] : [...ALL_SCOPES]);
    const warning = context.realCredentials
      ? 'AUTH=none over real credentials: anyone who reaches the port acts for the default tenant'
      : undefined;
    return { apiKey: null, jwt: null, anonymous: { scopes }, warning };
  }
  return {
    apiKey: modes.includes('api-key') ? { pepper: readPepper(env) } : null,
    jwt: modes.includes('jwt') ? readJwtSettings(env) : null,
    anonymous: null,
  };
}

function readPepper(env: Env): string {
  const pepper = readText(env, 'API_KEY_PEPPER');
  if (pepper === undefined || pepper.length < 32)
    throw new ConfigError('API_KEY_PEPPER', 'is required with AUTH=api-key: at least 32 characters of random text');
  return pepper;
}

function readJwtSettings(env: Env): JwtSettings {
  const jwksUrl = readHttpUrl(env, 'JWT_JWKS_URL');
  const publicKeyPem = readText(env, 'JWT_PUBLIC_KEY')?.replace(/\\n/g, '\n');
  if (!jwksUrl === !publicKeyPem) throw new ConfigError('JWT_JWKS_URL', 'AUTH=jwt needs exactly one of JWT_JWKS_URL and JWT_PUBLIC_KEY');
  const issuer = readText(env, 'JWT_ISSUER');
  if (!issuer) throw new ConfigError('JWT_ISSUER', 'is required with AUTH=jwt');
  const audience = readText(env, 'JWT_AUDIENCE');
  if (!audience) throw new ConfigError('JWT_AUDIENCE', 'is required with AUTH=jwt');
  const algorithms = readList(env, 'JWT_ALGORITHMS') ?? ['RS256', 'ES256', 'EdDSA'];
  const unsafe = algorithms.find((a) => a === 'none' || a.startsWith('HS'));
  if (unsafe) throw new ConfigError('JWT_ALGORITHMS', `"${unsafe}" is not accepted: only asymmetric algorithms`);
  return {
    jwksUrl,
    publicKeyPem,
    algorithms,
    issuer,
    audience,
    tenantClaim: readText(env, 'JWT_TENANT_CLAIM') ?? 'tenant',
    scopeClaim: readText(env, 'JWT_SCOPE_CLAIM') ?? 'scope',
  };
}
