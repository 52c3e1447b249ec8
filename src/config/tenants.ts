/** Where tenants are stored: TENANTS_FILE, DATABASE_URL, or neither (only the environment's default tenant). */
import { ConfigError } from './configError';
import { readMs, readSwitch, readText, type Env } from './envValues';

export interface TenantStoreSettings {
  /** `TENANTS_FILE`: JSON, or YAML by a .yaml/.yml name. */
  file: string | null;
  /** `DATABASE_URL`, `TENANTS_DB_SCHEMA` (default public), `DATABASE_MIGRATE` (default on: migrate at start-up). */
  database: { url: string; schema: string; migrate: boolean } | null;
  /** `TENANTS_REFRESH_MS`, default 10000: changed records take effect within this time. */
  refreshMs: number;
  /** `CREDENTIALS_KEY`: 32 bytes, as 64 hex digits or base64, for `enc:v1:` secrets. */
  credentialsKey: Buffer | undefined;
  /** The environment `env:` secret references read (the one the configuration was read from). */
  env: Env;
}

export function readTenantStoreSettings(env: Env): TenantStoreSettings {
  const file = readText(env, 'TENANTS_FILE') ?? null;
  const url = readText(env, 'DATABASE_URL');
  if (file && url) throw new ConfigError('TENANTS_FILE', 'set TENANTS_FILE or DATABASE_URL, not both');
  const schema = readText(env, 'TENANTS_DB_SCHEMA') ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new ConfigError('TENANTS_DB_SCHEMA', 'must be a lower-case SQL identifier');
  return {
    file,
    database: url ? { url, schema, migrate: readSwitch(env, 'DATABASE_MIGRATE', true) } : null,
    refreshMs: readMs(env, 'TENANTS_REFRESH_MS', 10_000),
    credentialsKey: readCredentialsKey(env),
    env,
  };
}

function readCredentialsKey(env: Env): Buffer | undefined {
  const value = readText(env, 'CREDENTIALS_KEY');
  if (value === undefined) return undefined;
  const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64');
  if (key.length !== 32) throw new ConfigError('CREDENTIALS_KEY', 'must be 32 bytes: 64 hex digits or base64');
  return key;
}
