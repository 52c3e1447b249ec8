/**
 * Secrets at rest in a tenant record: `enc:v1:<base64url iv|tag|ciphertext>` (AES-256-GCM under
 * CREDENTIALS_KEY) or `env:<VARIABLE>` (a reference to the gateway's environment). Errors name the
 * problem, never the value.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class SecretError extends Error {
  override name = 'SecretError';
}

export interface SecretSources {
  /** The 32-byte CREDENTIALS_KEY, when configured. */
  key?: Buffer;
  env: Record<string, string | undefined>;
}

export function isSecretReference(value: string): boolean {
  return value.startsWith(PREFIX) || value.startsWith('env:');
}

/** The plain value of an `enc:` or `env:` reference. */
export function resolveSecret(value: string, sources: SecretSources): string {
  if (value.startsWith('env:')) {
    const name = value.slice(4);
    const resolved = sources.env[name];
    if (resolved === undefined || resolved === '') throw new SecretError(`environment variable ${name} is not set`);
    return resolved;
  }
  if (!value.startsWith(PREFIX)) throw new SecretError('is neither an enc:v1: nor an env: reference');
  if (!sources.key) throw new SecretError('is encrypted but CREDENTIALS_KEY is not set');
  const blob = Buffer.from(value.slice(PREFIX.length), 'base64url');
  if (blob.length <= IV_BYTES + TAG_BYTES) throw new SecretError('is not a valid encrypted value');
  try {
    const decipher = createDecipheriv('aes-256-gcm', sources.key, blob.subarray(0, IV_BYTES));
    decipher.setAuthTag(blob.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(blob.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretError('cannot be decrypted with CREDENTIALS_KEY');
  }
}

/** `enc:v1:...` of `plain` under `key` (a fresh random IV each time). */
export function encryptSecret(plain: string, key: Buffer): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url');
}
