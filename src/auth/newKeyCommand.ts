/**
 * `npm run auth:new-key`: prints a new API key (give it to the client, once) and its digest (put it in
 * the tenant record's `clients[].keyDigest`). Reads API_KEY_PEPPER from the environment.
 */
import { digestApiKey, newApiKey } from './apiKey';

const pepper = process.env.API_KEY_PEPPER ?? '';
if (pepper.trim().length < 32) {
  console.error('API_KEY_PEPPER must be set (at least 32 characters), the same value the gateway runs with.');
  process.exit(1);
}
const key = newApiKey();
console.log(`key:    ${key}`);
console.log(`digest: ${digestApiKey(key, pepper.trim())}`);
