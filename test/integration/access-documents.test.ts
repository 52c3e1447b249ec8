/**
 * Trusted documents (a graphql-codegen persistedDocuments manifest), Apollo's automatic persisted
 * queries without one, and production mode (introspection and landing page off).
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startAccessStack, tempDir, type AccessStack } from '../helpers/accessStack';

const TITLE_QUERY = 'query Title { product(platform: TAOBAO, id: "1489161932") { title } }';
const TITLE_HASH = createHash('sha256').update(TITLE_QUERY).digest('hex');
const INTROSPECTION = '{ __schema { queryType { name } } }';
const PEPPER = randomBytes(24).toString('hex');
const KEYS = { app: newApiKey(), dev: newApiKey() };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('trusted documents', () => {
  let stack: AccessStack;
  let files: ReturnType<typeof tempDir>;
  beforeAll(async () => {
    files = tempDir();
    const s = SANDBOX_CREDENTIALS.TAOBAO;
    const tenants = {
      tenants: [
        {
          id: 'shop',
          credentials: {
            TAOBAO: { appKey: s.appKey, appSecret: 'env:SHOP_SECRET', session: 'env:SHOP_SESSION', signMethod: s.signMethod },
          },
          clients: [
            { id: 'app', keyDigest: digestApiKey(KEYS.app, PEPPER), scopes: [] },
            { id: 'dev', keyDigest: digestApiKey(KEYS.dev, PEPPER), scopes: ['documents:any'] },
          ],
        },
      ],
    };
    stack = await startAccessStack({
      AUTH: 'api-key',
      API_KEY_PEPPER: PEPPER,
      TENANTS_FILE: files.write('tenants.yaml', JSON.stringify(tenants)),
      SHOP_SECRET: s.appSecret,
      SHOP_SESSION: s.session,
      TRUSTED_DOCUMENTS: files.write('persisted-documents.json', JSON.stringify({ [TITLE_HASH]: TITLE_QUERY })),
    });
  });
  afterAll(async () => {
    await stack?.close();
    files?.remove();
  });
  const app = { 'x-api-key': KEYS.app };

  it('runs a manifest document by documentId, by APQ hash, by GET and as its own text', async () => {
    const expected = { data: { product: { title: 'Google test item' } }, extensions: { cost: expect.any(Object) } };
    expect((await stack.post({ documentId: TITLE_HASH }, app)).json).toEqual(expected);
    expect((await stack.post({ extensions: { persistedQuery: { version: 1, sha256Hash: TITLE_HASH } } }, app)).json).toEqual(expected);
    expect((await stack.post({ query: TITLE_QUERY }, app)).json).toEqual(expected);
    const get = await stack.fetch(`/graphql?documentId=${TITLE_HASH}`, { headers: { ...app, 'apollo-require-preflight': 'true' } });
    expect(get.json).toEqual(expected);
  });

  it('refuses any other document before parsing it, with no upstream call', async () => {
    await stack.callsSince();
    const other = '{ product(platform: TAOBAO, id: "1489161932") { title status } }';
    const refusals = [
      await stack.post({ query: other }, app),
      await stack.post({ query: `${TITLE_QUERY} ` }, app),
      await stack.post({ documentId: sha256(other) }, app),
      await stack.post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(other) } }, query: other }, app),
      await stack.fetch(`/graphql?query=${encodeURIComponent(other)}`, { headers: { ...app, 'apollo-require-preflight': 'true' } }),
    ];
    expect(refusals.map((r) => [r.status, r.json.errors[0].extensions.code])).toEqual([
      [400, 'OPERATION_NOT_TRUSTED'],
      [400, 'OPERATION_NOT_TRUSTED'],
      [400, 'PERSISTED_QUERY_NOT_FOUND'],
      [400, 'OPERATION_NOT_TRUSTED'],
      [400, 'OPERATION_NOT_TRUSTED'],
    ]);
    expect(await stack.callsSince()).toEqual({});
  });

  it('runs any document, with APQ, for a client holding documents:any', async () => {
    const dev = { 'x-api-key': KEYS.dev };
    const query = '{ product(platform: TAOBAO, id: "1489161932") { status } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    expect((await stack.post({ extensions: { persistedQuery } }, dev)).json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await stack.post({ query, extensions: { persistedQuery } }, dev)).json).toEqual({
      data: { product: { status: 'ON_SALE' } },
      extensions: { cost: expect.any(Object) },
    });
    expect((await stack.post({ extensions: { persistedQuery } }, dev)).json).toEqual({
      data: { product: { status: 'ON_SALE' } },
      extensions: { cost: expect.any(Object) },
    });
  });
});

describe('without a manifest', () => {
  let stack: AccessStack;
  beforeAll(async () => {
    stack = await startAccessStack({});
  });
  afterAll(async () => stack?.close());

  it('keeps Apollo automatic persisted queries working', async () => {
    const query = '{ product(platform: TAOBAO, id: "1489161932") { title } }';
    const persistedQuery = { version: 1, sha256Hash: sha256(query) };
    expect((await stack.post({ extensions: { persistedQuery } })).json.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await stack.post({ query, extensions: { persistedQuery } })).json.data.product.title).toBe('Google test item');
    expect((await stack.post({ extensions: { persistedQuery } })).json.data.product.title).toBe('Google test item');
  });

  it('answers introspection and serves the landing page in development', async () => {
    expect((await stack.post({ query: INTROSPECTION })).json).toEqual({
      data: { __schema: { queryType: { name: 'Query' } } },
      extensions: { cost: expect.any(Object) },
    });
    const page = await stack.fetch('/graphql', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
  });
});

describe('production mode', () => {
  it('turns introspection and the landing page off', async () => {
    const stack = await startAccessStack({ NODE_ENV: 'production' });
    try {
      const answer = await stack.post({ query: INTROSPECTION });
      expect(answer.status).toBe(400);
      expect(answer.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.text).not.toContain('queryType');
      const page = await stack.fetch('/graphql', { headers: { accept: 'text/html' } });
      expect(page.headers.get('content-type') ?? '').not.toContain('text/html');
      // Ordinary operations still run.
      expect((await stack.post({ query: '{ product(platform: TAOBAO, id: "1489161932") { title } }' })).json.data.product.title).toBe(
        'Google test item',
      );
    } finally {
      await stack.close();
    }
  });

  it('keeps them when enabled explicitly', async () => {
    const stack = await startAccessStack({ NODE_ENV: 'production', INTROSPECTION: 'on', LANDING_PAGE: 'on' });
    try {
      expect((await stack.post({ query: INTROSPECTION })).json.data.__schema.queryType.name).toBe('Query');
      expect((await stack.fetch('/graphql', { headers: { accept: 'text/html' } })).headers.get('content-type')).toContain('text/html');
    } finally {
      await stack.close();
    }
  });
});
