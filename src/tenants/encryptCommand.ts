/**
 * `npm run tenants:encrypt`: reads one secret on stdin and prints it as `enc:v1:...` under
 * CREDENTIALS_KEY, for a tenant record. Reading stdin keeps the secret out of the shell history.
 */
import { readFileSync } from 'node:fs';
import { ConfigError } from '../config/configError';
import { readTenantStoreSettings } from '../config/tenants';
import { encryptSecret } from './secretValue';

try {
  const key = readTenantStoreSettings(process.env).credentialsKey;
  if (!key) throw new ConfigError('CREDENTIALS_KEY', 'must be set (64 hex digits or base64 of 32 bytes)');
  const secret = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
  if (secret === '') throw new Error('no secret on stdin');
  console.log(encryptSecret(secret, key));
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
