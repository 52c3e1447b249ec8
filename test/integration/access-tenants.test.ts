/**
 * Tenants over the sandbox's extra merchants: two tenants on the same platforms get their own catalogs,
 * through every field, however their requests interleave, and each request calls upstream with its own
 * tenant's credentials only (the sandbox logs which merchant each call named).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import type { PlatformCredentials } from '../../src/config/credentials';
import type { RequestLogEntry } from '../../src/sandbox/requestLog';
import { startAccessStack, tempDir, type AccessStack } from '../helpers/accessStack';

const PEPPER = randomBytes(24).toString('hex');
const KEYS = { alpha: newApiKey(), beta: newApiKey(), gamma: newApiKey() };
const LOOKUPS = `{
  tb: product(platform: TAOBAO, id: "1489161932") { id title price { min { amount } } }
  xe: products(platform: XIAOE, ids: ["2:a_619fba7ae4b03f3fb99c7809"]) { id title }
  wx: product(platform: WECHAT_SHOP, id: "12345") { id title skus { price { amount } } }
}`;
const LISTINGS = `{
  ark: catalog(platform: XHS_ARK, first: 5) { edges { node { platformProductId title } } }
  mini: catalog(platform: XHS_MINIAPP, first: 5) { edges { node { platformProductId title } } }
}`;

let stack: AccessStack;
let files: ReturnType<typeof tempDir>;

/** A tenant record naming a merchant's credentials, every secret as an env: reference. */
function tenantRecord(id: string, credentials: PlatformCredentials, key: string, env: Record<string, string>): object {
  const sealed: Record<string, Record<string, string>> = {};
  for (const [platform, fields] of Object.entries(credentials)) {
    sealed[platform] = {};
    for (const [name, value] of Object.entries(fields as unknown as Record<string, string>)) {
      const variable = `${id}_${platform}_${name}`.toUpperCase();
      env[variable] = value;
      sealed[platform][name] = ['appSecret', 'session', 'secretKey'].includes(name) ? `env:${variable}` : value;
    }
  }
  return { id, credentials: sealed, clients: [{ id: 'app', keyDigest: digestApiKey(key, PEPPER), scopes: [] }] };
}

/** A gateway whose tenants alpha, beta and gamma act for the sandbox's merchants m2, m3 and m2 (Taobao only). */
const startTenantsStack = (extraEnv: Record<string, string> = {}): Promise<AccessStack> =>
  startAccessStack(async (sandboxUrl) => {
    const { merchants } = (await (await fetch(`${sandboxUrl}/__sandbox/credentials`)).json()) as {
      merchants: Record<string, PlatformCredentials>;
    };
    const env: Record<string, string> = { AUTH: 'api-key', API_KEY_PEPPER: PEPPER, TENANTS_REFRESH_MS: '60000', ...extraEnv };
    const tenants = [
      tenantRecord('alpha', merchants.m2!, KEYS.alpha, env),
      tenantRecord('beta', merchants.m3!, KEYS.beta, env),
      tenantRecord('gamma', { TAOBAO: merchants.m2!.TAOBAO }, KEYS.gamma, env),
    ];
    return { ...env, TENANTS_FILE: files.write(`tenants-${randomBytes(4).toString('hex')}.json`, JSON.stringify({ tenants })) };
  });

beforeAll(async () => {
  files = tempDir();
  stack = await startTenantsStack();
});
afterAll(async () => {
  await stack?.close();
  files?.remove();
});

const as = (tenant: keyof typeof KEYS, query: string) => stack.post({ query }, { 'x-api-key': KEYS[tenant] });

async function sandboxLog(since: number): Promise<RequestLogEntry[]> {
  const { requests } = (await (await fetch(`${stack.sandboxUrl}/__sandbox/requests?limit=10000`)).json()) as {
    requests: RequestLogEntry[];
  };
  return requests.filter((r) => r.seq > since);
}

async function lastSeq(): Promise<number> {
  return Math.max(0, ...(await sandboxLog(0)).map((r) => r.seq));
}

describe('two tenants on the same platforms', () => {
  it('each get their own merchant catalog by lookup, calling upstream only with their own credentials', async () => {
    const since = await lastSeq();
    const alpha = await as('alpha', LOOKUPS);
    const alphaLog = await sandboxLog(since);
    const beta = await as('beta', LOOKUPS);
    const betaLog = (await sandboxLog(since)).filter((r) => !alphaLog.some((a) => a.seq === r.seq));
    expect(alpha.json.errors).toBeUndefined();
    expect(beta.json.errors).toBeUndefined();
    expect(alpha.json.data.tb.title).toMatch(/\(m2\)$/);
    expect(beta.json.data.tb.title).toMatch(/\(m3\)$/);
    expect(alpha.json.data.xe[0].title).toMatch(/\(m2\)$/);
    expect(beta.json.data.xe[0].title).toMatch(/\(m3\)$/);
    expect(alpha.json.data.wx.title).toMatch(/\(m2\)$/);
    expect(beta.json.data.wx.title).toMatch(/\(m3\)$/);
    expect(alpha.json.data.tb.price).not.toEqual(beta.json.data.tb.price);
    expect(new Set(alphaLog.map((r) => r.merchant))).toEqual(new Set(['m2']));
    expect(new Set(betaLog.map((r) => r.merchant))).toEqual(new Set(['m3']));
  });

  it('each get their own listing', async () => {
    const [alpha, beta] = await Promise.all([as('alpha', LISTINGS), as('beta', LISTINGS)]);
    expect(alpha.json.errors).toBeUndefined();
    expect(beta.json.errors).toBeUndefined();
    for (const field of ['ark', 'mini']) {
      expect(alpha.json.data[field].edges.length).toBe(5);
      expect(alpha.json.data[field].edges).not.toEqual(beta.json.data[field].edges);
    }
  });

  it('never cross, however their requests interleave', async () => {
    const since = await lastSeq();
    const order = ['alpha', 'beta', 'beta', 'alpha', 'alpha', 'beta', 'alpha', 'beta'] as const;
    const answers = await Promise.all(order.map((tenant) => as(tenant, LOOKUPS)));
    answers.forEach((answer, i) => {
      const mark = order[i] === 'alpha' ? '(m2)' : '(m3)';
      expect(
        [answer.json.data.tb.title, answer.json.data.xe[0].title, answer.json.data.wx.title].every((t: string) => t.endsWith(mark)),
      ).toBe(true);
    });
    expect(new Set((await sandboxLog(since)).map((r) => r.merchant))).toEqual(new Set(['m2', 'm3']));
  });

  it('answer another tenant global id with their own merchant record, never the other one', async () => {
    const betaId: string = (await as('beta', LOOKUPS)).json.data.tb.id;
    const alpha = await as('alpha', `{ node(id: "${betaId}") { ... on Product { title } } }`);
    expect(alpha.json.data.node.title).toMatch(/\(m2\)$/);
  });
});

describe('a tenant without a platform', () => {
  it('sees it unconfigured and never reaches it with anyone else credentials', async () => {
    const since = await lastSeq();
    const answer = await as('gamma', `{ platforms { code configured } wx: product(platform: WECHAT_SHOP, id: "12345") { title } }`);
    expect(answer.json.data.platforms.filter((p: { configured: boolean }) => p.configured).map((p: { code: string }) => p.code)).toEqual([
      'TAOBAO',
    ]);
    expect(answer.json.errors.map((e: any) => e.extensions.code)).toEqual(['PLATFORM_NOT_CONFIGURED']);
    expect(await sandboxLog(since)).toEqual([]);
  });

  it('does not tell which other tenants exist', async () => {
    const responses = stack.responses();
    expect(responses.split('\n').filter((line) => /\b(alpha|beta|gamma)\b/.test(line))).toEqual([]);
  });
});

describe('quota pacing per tenant', () => {
  let paced: AccessStack;
  beforeAll(async () => {
    paced = await startAccessStack(async (sandboxUrl) => {
      const { merchants } = (await (await fetch(`${sandboxUrl}/__sandbox/credentials`)).json()) as {
        merchants: Record<string, PlatformCredentials>;
      };
      const env: Record<string, string> = {
        AUTH: 'api-key',
        API_KEY_PEPPER: PEPPER,
        TAOBAO_RATE_LIMIT: '2/60s',
        REQUEST_TIMEOUT_MS: '1500',
      };
      const tenants = [
        tenantRecord('alpha', { TAOBAO: merchants.m2!.TAOBAO }, KEYS.alpha, env),
        tenantRecord('beta', { TAOBAO: merchants.m3!.TAOBAO }, KEYS.beta, env),
      ];
      return { ...env, TENANTS_FILE: files.write('paced.json', JSON.stringify({ tenants })) };
    });
  });
  afterAll(async () => paced?.close());

  it('spends one tenant quota without touching the other one', async () => {
    const lookup = (tenant: 'alpha' | 'beta', id: string) =>
      paced.post({ query: `{ product(platform: TAOBAO, id: "${id}") { title } }` }, { 'x-api-key': KEYS[tenant] });
    expect((await lookup('alpha', '1489161932')).json.errors).toBeUndefined();
    const codes: unknown[] = [];
    for (let id = 1489161933; codes.at(-1) !== 'UPSTREAM_RATE_LIMITED' && codes.length < 4; id++) {
      codes.push((await lookup('alpha', String(id))).json.errors?.[0]?.extensions?.code);
    }
    expect(codes.at(-1)).toBe('UPSTREAM_RATE_LIMITED');
    const beta = await lookup('beta', '1489161932');
    expect(beta.json.errors).toBeUndefined();
    expect(beta.json.data.product.title).toMatch(/\(m3\)$/);
  });
});

describe('two tenants over the same ids with the entity cache on', () => {
  it("never get each other's cached products, however their requests interleave", async () => {
    const cached = await startTenantsStack({ CACHE: 'on' });
    try {
      const order = ['alpha', 'beta', 'beta', 'alpha', 'alpha', 'beta', 'alpha', 'beta'] as const;
      // Twice: the second round is answered from the cache that the first one filled.
      for (let round = 0; round < 2; round++) {
        const answers = await Promise.all(order.map((tenant) => cached.post({ query: LOOKUPS }, { 'x-api-key': KEYS[tenant] })));
        answers.forEach((answer, i) => {
          const mark = order[i] === 'alpha' ? '(m2)' : '(m3)';
          expect(
            [answer.json.data.tb.title, answer.json.data.xe[0].title, answer.json.data.wx.title].every((t: string) => t.endsWith(mark)),
          ).toBe(true);
        });
        if (round === 1) expect(answers.every((answer) => answer.json.extensions.cache.misses === 0)).toBe(true);
      }
    } finally {
      await cached.close();
    }
  });
});
