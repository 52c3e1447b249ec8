/**
 * A stored tenant record (JSON or YAML file entry, or a PostgreSQL row's document) -> Tenant, with its
 * secrets resolved. Errors name the tenant and the field, never a value (README, "Tenants").
 */
import type { PlatformCredentials } from '../config/credentials';
import { PLATFORM_MODULES } from '../platforms/registry';
import { isRecord } from '../util/isRecord';
import { isSecretReference, resolveSecret, type SecretSources } from './secretValue';
import type { Budget, Tenant, TenantClient } from './tenant';

export class TenantRecordError extends Error {
  override name = 'TenantRecordError';
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

export function parseTenant(record: unknown, secrets: SecretSources): Tenant {
  if (!isRecord(record)) throw new TenantRecordError('a tenant must be an object');
  const id = record.id;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) throw new TenantRecordError('a tenant needs an id (letters, digits, . _ : -)');
  const where = `tenant ${id}`;
  return {
    id,
    credentials: parseCredentials(record.credentials ?? {}, secrets, where),
    clients: parseList(record.clients, where, 'clients').map((c, i) => parseClient(c, `${where} clients[${i}]`)),
    jwtTenantClaims: parseStrings(record.jwtTenantClaims, `${where} jwtTenantClaims`),
    budget: record.budget === undefined ? undefined : parseBudget(record.budget, `${where} budget`),
  };
}

/**
 * Each platform's credentials from the fields its descriptor names (src/platforms/<p>/credentials.ts):
 * every field without a default is required, secrets are resolved from their references, and the
 * descriptor's own `read` builds the credentials, exactly as from the environment.
 */
function parseCredentials(value: unknown, secrets: SecretSources, where: string): PlatformCredentials {
  if (!isRecord(value)) throw new TenantRecordError(`${where}: credentials must be an object of platforms`);
  const credentials: Record<string, unknown> = {};
  for (const [platform, fields] of Object.entries(value)) {
    const module = PLATFORM_MODULES.find((m) => m.code === platform);
    if (!module) throw new TenantRecordError(`${where}: unknown platform ${JSON.stringify(platform.slice(0, 40))}`);
    if (!isRecord(fields)) throw new TenantRecordError(`${where} ${platform}: credentials must be an object`);
    const values = new Map<string, string>();
    for (const variable of module.credentials.variables) {
      const at = `${where} ${platform}.${variable.field}`;
      const raw = fields[variable.field];
      if (raw === undefined && variable.default !== undefined) {
        values.set(variable.name, variable.default);
        continue;
      }
      if (typeof raw !== 'string' || raw === '') throw new TenantRecordError(`${at}: required string`);
      if (variable.oneOf && !variable.oneOf.includes(raw)) throw new TenantRecordError(`${at}: one of ${variable.oneOf.join(', ')}`);
      values.set(variable.name, readField(raw, variable.secret === true, secrets, at));
    }
    credentials[platform] = module.credentials.read((name) => values.get(name) ?? '');
  }
  return credentials;
}

function readField(raw: string, secret: boolean, secrets: SecretSources, where: string): string {
  if (isSecretReference(raw)) {
    try {
      return resolveSecret(raw, secrets);
    } catch (err) {
      throw new TenantRecordError(`${where}: ${(err as Error).message}`);
    }
  }
  if (secret) throw new TenantRecordError(`${where}: a secret must be stored as enc:v1:... or env:VARIABLE, not in plain text`);
  return raw;
}

function parseClient(value: unknown, where: string): TenantClient {
  if (!isRecord(value)) throw new TenantRecordError(`${where}: must be an object`);
  if (typeof value.id !== 'string' || !ID_PATTERN.test(value.id)) throw new TenantRecordError(`${where}: needs an id`);
  const { keyDigest, jwtSubject } = value;
  if ((keyDigest === undefined) === (jwtSubject === undefined)) throw new TenantRecordError(`${where}: needs a keyDigest or a jwtSubject`);
  if (keyDigest !== undefined && (typeof keyDigest !== 'string' || !DIGEST_PATTERN.test(keyDigest))) {
    throw new TenantRecordError(`${where}: keyDigest must be 64 lower-case hex digits (npm run auth:new-key)`);
  }
  if (jwtSubject !== undefined && (typeof jwtSubject !== 'string' || jwtSubject === ''))
    throw new TenantRecordError(`${where}: jwtSubject must be a string`);
  return {
    id: value.id,
    ...(keyDigest !== undefined ? { keyDigest } : { jwtSubject: jwtSubject }),
    scopes: parseStrings(value.scopes, `${where} scopes`),
    budget: value.budget === undefined ? undefined : parseBudget(value.budget, `${where} budget`),
  };
}

function parseBudget(value: unknown, where: string): Budget {
  if (!isRecord(value)) throw new TenantRecordError(`${where}: must be {limit, restorePerSecond}`);
  const { limit, restorePerSecond } = value;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw new TenantRecordError(`${where}.limit: a positive integer`);
  if (typeof restorePerSecond !== 'number' || !(restorePerSecond >= 0) || !Number.isFinite(restorePerSecond)) {
    throw new TenantRecordError(`${where}.restorePerSecond: a number >= 0`);
  }
  return { limit, restorePerSecond };
}

function parseList(value: unknown, where: string, name: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new TenantRecordError(`${where}: ${name} must be a list`);
  return value;
}

function parseStrings(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v !== ''))
    throw new TenantRecordError(`${where}: must be a list of strings`);
  return value as string[];
}
