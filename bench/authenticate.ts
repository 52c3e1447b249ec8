/** Cost of authenticating one request by API key among 1000 tenants (HMAC-SHA256 digest, map lookup, constant-time compare). `npx tsx bench/authenticate.ts` */
import { digestApiKey, newApiKey } from '../src/auth/apiKey';
import { createAuthenticator } from '../src/auth/authenticator';
import { TenantDirectory } from '../src/tenants/tenantDirectory';
const pepper = 'p'.repeat(40);
const keys = Array.from({ length: 1000 }, () => newApiKey());
const records = keys.map((k, i) => ({ id: `t${i}`, clients: [{ id: 'c', keyDigest: digestApiKey(k, pepper), scopes: [] }] }));
const directory = await TenantDirectory.open({
  source: { description: 'm', load: async () => records, close: async () => {} },
  defaultCredentials: {},
  secrets: { env: {} },
  refreshMs: 60000,
  warn: console.warn,
});
const auth = await createAuthenticator({ apiKey: { pepper }, jwt: null, anonymous: null }, directory);
const n = 200_000;
for (let i = 0; i < 10000; i++) await auth({ 'x-api-key': keys[i % 1000] });
const t = process.hrtime.bigint();
for (let i = 0; i < n; i++) await auth({ 'x-api-key': keys[i % 1000] });
console.log(`api-key authenticate: ${(Number(process.hrtime.bigint() - t) / n / 1000).toFixed(2)} us per request over 1000 tenants`);
await directory.close();
