/**
 * Authentication and authorization over real HTTP: API keys from a tenants file, JWTs against a JWKS
 * served on 127.0.0.1, the `catalog:raw` scope, key revocation without a restart, and canary secrets
 * searched for in every response and every log line.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { encryptSecret } from '../../src/tenants/secretValue';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startAccessStack, tempDir, type AccessStack, type Answer } from '../helpers/accessStack';

const PEPPER = `pepper-${randomBytes(24).toString('hex')}`;
const CREDENTIALS_KEY = randomBytes(32);
const KEYS = { web: newApiKey(), ops: newApiKey(), globex: newApiKey() };
const CANARIES = {
  globexTaobaoSecret: `CANARY-tb-${randomBytes(8).toString('hex')}`,
  globexSession: `CANARY-session-${randomBytes(8).toString('hex')}`,
  globexWechatSecret: `CANARY-wx-${randomBytes(8).toString('hex')}`,
};
const TAOBAO_QUERY = '{ product(platform: TAOBAO, id: "1489161932") { title } }';

let stack: AccessStack;
let jwks: { url: string; close(): Promise<void> };
let signingKey: CryptoKey;
let files: ReturnType<typeof tempDir>;
let tenantsPath: string;

function tenantsDocument(withWebKey: boolean): string {
  const s = SANDBOX_CREDENTIALS;
  return JSON.stringify({
    tenants: [
      {
        id: 'acme',
        credentials: {
          TAOBAO: {
            appKey: s.TAOBAO.appKey,
            appSecret: 'env:ACME_TAOBAO_SECRET',
            session: encryptSecret(s.TAOBAO.session, CREDENTIALS_KEY),
            signMethod: 'hmac-sha256',
          },
          WECHAT_SHOP: { appId: s.WECHAT_SHOP.appId, appSecret: encryptSecret(s.WECHAT_SHOP.appSecret, CREDENTIALS_KEY) },
          XIAOE: { appId: s.XIAOE.appId, clientId: s.XIAOE.clientId, secretKey: 'env:ACME_XIAOE_SECRET' },
        },
        clients: [
          ...(withWebKey ? [{ id: 'web', keyDigest: digestApiKey(KEYS.web, PEPPER), scopes: [] }] : []),
          { id: 'ops', keyDigest: digestApiKey(KEYS.ops, PEPPER), scopes: ['catalog:raw'], budget: { limit: 500, restorePerSecond: 5 } },
        ],
        jwtTenantClaims: ['acme-co'],
        budget: { limit: 100, restorePerSecond: 1 },
      },
      {
        id: 'globex',
        credentials: {
          TAOBAO: {
            appKey: '99999999',
            appSecret: encryptSecret(CANARIES.globexTaobaoSecret, CREDENTIALS_KEY),
            session: encryptSecret(CANARIES.globexSession, CREDENTIALS_KEY),
          },
          WECHAT_SHOP: { appId: 'wxglobex', appSecret: encryptSecret(CANARIES.globexWechatSecret, CREDENTIALS_KEY) },
        },
        clients: [{ id: 'globex-web', keyDigest: digestApiKey(KEYS.globex, PEPPER), scopes: ['catalog:raw'] }],
      },
    ],
  });
}

async function startJwks(publicJwk: object): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/jwks.json`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

function token(
  claims: Record<string, unknown>,
  options: { key?: CryptoKey; expiresIn?: string; audience?: string; issuer?: string } = {},
): Promise<string> {
  return new SignJWT({ tenant: 'acme-co', scope: 'catalog:raw', ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setSubject('user-1')
    .setIssuer(options.issuer ?? 'https://issuer.test')
    .setAudience(options.audience ?? 'catalog-gateway')
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '5m')
    .sign(options.key ?? signingKey);
}

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  signingKey = pair.privateKey;
  jwks = await startJwks({ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' });
  files = tempDir();
  tenantsPath = files.write('tenants.json', tenantsDocument(true));
  stack = await startAccessStack({
    AUTH: 'api-key,jwt',
    API_KEY_PEPPER: PEPPER,
    TENANTS_FILE: tenantsPath,
    TENANTS_REFRESH_MS: '150',
    CREDENTIALS_KEY: CREDENTIALS_KEY.toString('base64'),
    ACME_TAOBAO_SECRET: SANDBOX_CREDENTIALS.TAOBAO.appSecret,
    ACME_XIAOE_SECRET: SANDBOX_CREDENTIALS.XIAOE.secretKey,
    JWT_JWKS_URL: jwks.url,
    JWT_ISSUER: 'https://issuer.test',
    JWT_AUDIENCE: 'catalog-gateway',
  });
});
afterAll(async () => {
  await stack?.close();
  await jwks?.close();
  files?.remove();
});

function expectUnauthenticated(answer: Answer): void {
  expect(answer.status).toBe(401);
  expect(answer.json).toEqual({ errors: [{ message: 'Unauthenticated', extensions: { code: 'UNAUTHENTICATED' } }] });
}

describe('API keys', () => {
  it('runs a request for the key tenant, by Authorization: Bearer or x-api-key', async () => {
    const ways: Array<Record<string, string>> = [{ authorization: `Bearer ${KEYS.web}` }, { 'x-api-key': KEYS.web }];
    for (const headers of ways) {
      const answer = await stack.post({ query: TAOBAO_QUERY }, headers);
      expect(answer.status).toBe(200);
      expect(answer.json).toEqual({ data: { product: { title: 'Google test item' } }, extensions: { cost: expect.any(Object) } });
    }
  });

  it('refuses missing, unknown, doubled and malformed credentials alike, with 401 and no upstream call', async () => {
    await stack.callsSince();
    const cases: Array<Record<string, string>> = [
      {},
      { authorization: `Bearer ${newApiKey()}` },
      { 'x-api-key': newApiKey() },
      { authorization: `Bearer ${KEYS.web}`, 'x-api-key': KEYS.web },
      { authorization: `Basic ${Buffer.from(`x:${KEYS.web}`).toString('base64')}` },
      { authorization: 'Bearer' },
      { authorization: `Bearer ${KEYS.web}x` },
      { authorization: `Bearer ${'a'.repeat(9000)}` },
      { 'x-api-key': digestApiKey(KEYS.web, PEPPER) },
      { authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' },
    ];
    for (const headers of cases) expectUnauthenticated(await stack.post({ query: TAOBAO_QUERY }, headers));
    expect(await stack.callsSince()).toEqual({});
  });

  it('stops accepting a revoked key within the refresh interval, without a restart', async () => {
    const other = files.write('tenants.next.json', tenantsDocument(false));
    const { renameSync } = await import('node:fs');
    renameSync(other, tenantsPath);
    await expect
      .poll(async () => (await stack.post({ query: TAOBAO_QUERY }, { 'x-api-key': KEYS.web })).status, { timeout: 3000, interval: 50 })
      .toBe(401);
    expect((await stack.post({ query: TAOBAO_QUERY }, { 'x-api-key': KEYS.ops })).status).toBe(200);
    files.write('tenants.json', tenantsDocument(true));
    await expect
      .poll(async () => (await stack.post({ query: TAOBAO_QUERY }, { 'x-api-key': KEYS.web })).status, { timeout: 3000, interval: 50 })
      .toBe(200);
  });

  it('keeps the last snapshot when the file breaks, and logs no part of it', async () => {
    const good = tenantsDocument(true);
    const digest = digestApiKey(KEYS.ops, PEPPER);
    // A parser's own message would quote the text around the fault: here, the digest.
    files.write('tenants.json', good.replace(`"${digest}"`, `x"${digest}"`));
    await expect.poll(() => stack.logs(), { timeout: 3000, interval: 50 }).toContain('is not valid JSON');
    expect((await stack.post({ query: TAOBAO_QUERY }, { 'x-api-key': KEYS.ops })).status).toBe(200);
    files.write('tenants.json', good);
  });
});

describe('the catalog:raw scope', () => {
  it('refuses raw without the scope with FORBIDDEN naming it, before any upstream call', async () => {
    await stack.callsSince();
    const hidden = '{ product(platform: TAOBAO, id: "1489161932") { title ...R } } fragment R on Product { raw }';
    for (const query of [
      '{ product(platform: TAOBAO, id: "1489161932") { raw } }',
      hidden,
      '{ node(id: "x") { ... on Product { r: raw } } }',
      '{ _entities(representations: [{ __typename: "Product", platform: TAOBAO, platformProductId: "1489161932" }]) { ... on Product { raw } } }',
    ]) {
      const answer = await stack.post({ query }, { 'x-api-key': KEYS.web });
      expect(answer.status).toBe(403);
      expect(answer.json.errors).toEqual([
        { message: 'this operation needs the scope catalog:raw', extensions: { code: 'FORBIDDEN', scope: 'catalog:raw' } },
      ]);
      expect(answer.json.data).toBeUndefined();
    }
    expect(await stack.callsSince()).toEqual({});
  });

  it('answers raw for a client holding the scope', async () => {
    const answer = await stack.post(
      { query: '{ product(platform: TAOBAO, id: "1489161932") { raw } }' },
      { authorization: `Bearer ${KEYS.ops}` },
    );
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.product.raw).toMatchObject({ num_iid: 1489161932 });
  });
});

describe('JWT', () => {
  it('runs a request for the tenant its tenant claim names, with its scopes', async () => {
    const answer = await stack.post(
      { query: '{ product(platform: TAOBAO, id: "1489161932") { title raw } }' },
      { authorization: `Bearer ${await token({})}` },
    );
    expect(answer.json.errors).toBeUndefined();
    expect(answer.json.data.product.title).toBe('Google test item');
    const narrow = await stack.post(
      { query: '{ product(platform: TAOBAO, id: "1489161932") { raw } }' },
      { authorization: `Bearer ${await token({ scope: 'catalog:read' })}` },
    );
    expect(narrow.json.errors[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'catalog:raw' });
  });

  it('refuses expired, foreign, misdirected and unknown-tenant tokens alike', async () => {
    await stack.callsSince();
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const tokens = [
      await token({}, { expiresIn: '-2m' }),
      await token({}, { audience: 'someone-else' }),
      await token({}, { issuer: 'https://evil.test' }),
      await token({}, { key: stranger }),
      await token({ tenant: 'globex' }),
      await token({ tenant: 'nobody' }),
      await token({ tenant: 42 }),
    ];
    const [head, body] = (await token({})).split('.');
    tokens.push(`${head}.${body}.${Buffer.from('forged').toString('base64url')}`);
    for (const t of tokens) expectUnauthenticated(await stack.post({ query: TAOBAO_QUERY }, { authorization: `Bearer ${t}` }));
    expect(await stack.callsSince()).toEqual({});
  });
});

describe('bad input', () => {
  it('answers hostile bodies and headers without crashing, leaking or calling upstream', async () => {
    await stack.callsSince();
    const auth = { 'x-api-key': KEYS.web };
    expect((await stack.post('{"query": ', auth)).status).toBe(400);
    expect((await stack.post({ query: '{ product(platform: TAOBAO, id: 1) { title' }, auth)).status).toBe(400);
    expect((await stack.post({ query: TAOBAO_QUERY, variables: 'x' }, auth)).status).toBe(400);
    expect((await stack.post([{ query: TAOBAO_QUERY }], auth)).status).toBe(400);
    expect((await stack.post({ query: '{ __typename }' }, { 'x-api-key': `${KEYS.web}\u00ff` })).status).toBe(401);
    expect((await stack.post({ query: '{ __typename }' }, { 'x-api-key': '../../../etc/passwd' })).status).toBe(401);
    expect(await stack.callsSince()).toEqual({});
    const health = await stack.fetch('/healthz');
    expect(health.status).toBe(200);
  });

  it('leaks no secret, key digest, other tenant or stack trace in any response, and no secret or digest in any log', async () => {
    // A request of the other tenant, so its (canary) credentials are really used upstream.
    await stack.post({ query: TAOBAO_QUERY }, { 'x-api-key': KEYS.globex });
    const secrets = [
      ...Object.values(CANARIES),
      PEPPER,
      CREDENTIALS_KEY.toString('base64'),
      ...Object.values(KEYS).map((k) => digestApiKey(k, PEPPER)),
    ];
    const responses = stack.responses();
    const logs = stack.logs();
    for (const secret of secrets) {
      expect(responses).not.toContain(secret);
      expect(logs).not.toContain(secret);
    }
    for (const key of Object.values(KEYS)) {
      expect(logs).not.toContain(key);
      expect(logs).not.toContain(digestApiKey(key, PEPPER).slice(0, 8));
    }
    expect(responses).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // Only globex's own answers may name globex.
    expect(responses.split('\n').filter((line) => line.includes('globex'))).toEqual([]);
  });
});
