/**
 * Tenants in PostgreSQL (this file's own schema): the migration at start-up, and credential rotation
 * without a restart (a wrong secret, then the right one, picked up within TENANTS_REFRESH_MS).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { pgTenantSource, type PgTenantSource } from '../../src/tenants/pgTenantSource';
import { encryptSecret } from '../../src/tenants/secretValue';
import { startAccessStack, type AccessStack } from '../helpers/accessStack';

const DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `access_${randomBytes(6).toString('hex')}`;
const PEPPER = randomBytes(24).toString('hex');
const CREDENTIALS_KEY = randomBytes(32);
const KEY = newApiKey();
const WRONG_SECRET = `CANARY-wrong-${randomBytes(6).toString('hex')}`;

let source: PgTenantSource;
let stack: AccessStack;

function record(taobaoSecret: string, wechatSecret: string): object {
  const s = SANDBOX_CREDENTIALS;
  return {
    credentials: {
      TAOBAO: {
        appKey: s.TAOBAO.appKey,
        appSecret: encryptSecret(taobaoSecret, CREDENTIALS_KEY),
        session: encryptSecret(s.TAOBAO.session, CREDENTIALS_KEY),
        signMethod: 'hmac-sha256',
      },
      WECHAT_SHOP: { appId: s.WECHAT_SHOP.appId, appSecret: encryptSecret(wechatSecret, CREDENTIALS_KEY) },
    },
    clients: [{ id: 'app', keyDigest: digestApiKey(KEY, PEPPER), scopes: [] }],
  };
}

beforeAll(async () => {
  source = pgTenantSource({ connectionString: DATABASE_URL, schema: SCHEMA, warn: () => {} });
  await source.migrate();
  await source.put('isv-merchant', record(WRONG_SECRET, WRONG_SECRET));
  stack = await startAccessStack({
    AUTH: 'api-key',
    API_KEY_PEPPER: PEPPER,
    DATABASE_URL,
    TENANTS_DB_SCHEMA: SCHEMA,
    TENANTS_REFRESH_MS: '150',
    CREDENTIALS_KEY: CREDENTIALS_KEY.toString('hex'),
  });
});
afterAll(async () => {
  await stack?.close();
  const client = new pg.Client({ connectionString: DATABASE_URL });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await client.end();
  await source?.close();
});

const QUERY = `{ tb: product(platform: TAOBAO, id: "1489161932") { title } wx: product(platform: WECHAT_SHOP, id: "12345") { title } }`;

describe('PostgreSQL tenant store', () => {
  it('migrates once: a second run changes nothing', async () => {
    await source.migrate();
    const client = new pg.Client({ connectionString: DATABASE_URL });
    await client.connect();
    const { rows } = await client.query(`SELECT version FROM "${SCHEMA}".gateway_schema_migrations`);
    await client.end();
    expect(rows).toEqual([{ version: 1 }]);
  });

  it('takes rotated credentials without a restart, within the refresh interval', async () => {
    const before = await stack.post({ query: QUERY }, { 'x-api-key': KEY });
    expect(before.json.data).toEqual({ tb: null, wx: null });
    expect(before.json.errors.map((e: any) => e.extensions.code)).toEqual(['UPSTREAM_AUTH', 'UPSTREAM_AUTH']);

    await source.put('isv-merchant', record(SANDBOX_CREDENTIALS.TAOBAO.appSecret, SANDBOX_CREDENTIALS.WECHAT_SHOP.appSecret));
    await expect
      .poll(async () => (await stack.post({ query: QUERY }, { 'x-api-key': KEY })).json.data, { timeout: 5000, interval: 50 })
      .toEqual({ tb: { title: 'Google test item' }, wx: { title: expect.any(String) } });
  });

  it('never shows the stored secrets', () => {
    expect(stack.responses()).not.toContain(WRONG_SECRET);
    expect(stack.logs()).not.toContain(WRONG_SECRET);
  });
});
