/**
 * Budgets of authenticated clients: the tenant's default budget per client, a client's own budget
 * overriding it, each client its own bucket. Twice: budgets in memory, and in Redis (127.0.0.1:6379,
 * a random key prefix, deleted afterwards), which must answer the same.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { RedisConnection } from '../../src/redis/redisConnection';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startAccessStack, tempDir, type AccessStack } from '../helpers/accessStack';

const PEPPER = `pepper-${randomBytes(16).toString('hex')}`;
const KEYS = { a: newApiKey(), b: newApiKey(), big: newApiKey() };
const REDIS_PREFIX = `test-client-budget-${randomUUID()}`;

describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL: 'redis://127.0.0.1:6379', REDIS_KEY_PREFIX: REDIS_PREFIX, REDIS_TIMEOUT_MS: '1000' }],
])('budgets of authenticated clients, kept %s', (_where, redisEnv: Record<string, string>) => {
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
      ...redisEnv,
    });
  });
  afterAll(async () => {
    await stack?.close();
    files?.remove();
    if (!redisEnv.REDIS_URL) return;
    const redis = new RedisConnection({ url: redisEnv.REDIS_URL, timeoutMs: 500, keyPrefix: REDIS_PREFIX }, () => undefined);
    for (let i = 0; i < 100 && !redis.isUp; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await redis.delete([], `${REDIS_PREFIX}:*`)).toBeGreaterThan(0);
    await redis.close();
  });

  // Three WeChat lookups: 3 calls plus a token fetch when none is cached, estimate 4.
  const QUERY = { query: '{ products(platform: WECHAT_SHOP, ids: ["12345", "10001", "10002"]) { id } }' };

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
    // 1 call missing at 0.001 per second: 1000 s.
    expect(refused.headers.get('retry-after')).toBe('1000');
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
