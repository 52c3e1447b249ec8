/**
 * Budgets of authenticated clients: the tenant's default budget per client, a client's own budget
 * overriding it, each client its own bucket.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startAccessStack, tempDir, type AccessStack } from '../helpers/accessStack';

const PEPPER = `pepper-${randomBytes(16).toString('hex')}`;
const KEYS = { a: newApiKey(), b: newApiKey(), big: newApiKey() };
let stack: AccessStack;
let files: ReturnType<typeof tempDir>;

beforeAll(async () => {
  files = tempDir();
  const tenants = [
    {
      id: 'acme',
      credentials: { WECHAT_SHOP: { appId: SANDBOX_CREDENTIALS.WECHAT_SHOP.appId, appSecret: 'env:ACME_WECHAT_SECRET' } },
      budget: { limit: 6, restorePerSecond: 0.001 },
      clients: [
        { id: 'a', keyDigest: digestApiKey(KEYS.a, PEPPER), scopes: [] },
        { id: 'b', keyDigest: digestApiKey(KEYS.b, PEPPER), scopes: [] },
        { id: 'big', keyDigest: digestApiKey(KEYS.big, PEPPER), scopes: [], budget: { limit: 100, restorePerSecond: 1 } },
      ],
    },
  ];
  stack = await startAccessStack({
    AUTH: 'api-key',
    API_KEY_PEPPER: PEPPER,
    TENANTS_FILE: files.write('tenants.json', JSON.stringify({ tenants })),
    ACME_WECHAT_SECRET: SANDBOX_CREDENTIALS.WECHAT_SHOP.appSecret,
  });
});
afterAll(async () => {
  await stack?.close();
  files?.remove();
});

// Three WeChat lookups: 3 calls plus a token fetch when none is cached, estimate 4.
const QUERY = { query: '{ products(platform: WECHAT_SHOP, ids: ["12345", "10001", "10002"]) { id } }' };

describe('budgets of authenticated clients', () => {
  it("spends each client's own bucket: one over budget is refused while another of the tenant continues", async () => {
    await stack.post(QUERY, { 'x-api-key': KEYS.big }); // warms the token
    const first = await stack.post(QUERY, { 'x-api-key': KEYS.a });
    expect(first.json.extensions.cost).toEqual({
      estimatedCalls: 4,
      actualCalls: 3,
      cacheHits: 0,
      budget: { limit: 6, remaining: 3, restorePerSecond: 0.001 },
    });
    await stack.callsSince();
    const refused = await stack.post(QUERY, { 'x-api-key': KEYS.a });
    expect(refused.status).toBe(429);
    expect(refused.json.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(await stack.callsSince()).toEqual({});
    const other = await stack.post(QUERY, { 'x-api-key': KEYS.b });
    expect(other.status).toBe(200);
    expect(other.json.extensions.cost.budget).toEqual({ limit: 6, remaining: 3, restorePerSecond: 0.001 });
  });

  it("uses a client's own budget over its tenant's", async () => {
    const answer = await stack.post(QUERY, { 'x-api-key': KEYS.big });
    expect(answer.json.extensions.cost.budget).toMatchObject({ limit: 100, restorePerSecond: 1 });
  });
});
