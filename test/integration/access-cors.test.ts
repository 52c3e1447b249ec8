/**
 * CORS: an allow-listed origin's preflight and request succeed, any other origin gets no CORS header
 * and a refused preflight; Apollo's CSRF prevention stays on. Then the same in Chromium, from pages
 * served on other loopback ports (skipped, saying so, where /usr/bin/chromium is absent).
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestApiKey, newApiKey } from '../../src/auth/apiKey';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startAccessStack, tempDir, type AccessStack } from '../helpers/accessStack';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium';

const PEPPER = randomBytes(24).toString('hex');
const KEY = newApiKey();
const QUERY = '{ product(platform: TAOBAO, id: "1489161932") { title } }';

let stack: AccessStack;
let files: ReturnType<typeof tempDir>;
let allowed: PageServer;
let refused: PageServer;

interface PageServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves one HTML page on 127.0.0.1 at a free port: a different origin from the gateway's. */
async function servePage(): Promise<PageServer> {
  const server = http.createServer((_req, res) =>
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>client</title>'),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

beforeAll(async () => {
  allowed = await servePage();
  refused = await servePage();
  files = tempDir();
  const s = SANDBOX_CREDENTIALS.TAOBAO;
  const tenants = {
    tenants: [
      {
        id: 'web-shop',
        credentials: { TAOBAO: { appKey: s.appKey, appSecret: 'env:WEB_SECRET', session: 'env:WEB_SESSION', signMethod: s.signMethod } },
        clients: [{ id: 'browser', keyDigest: digestApiKey(KEY, PEPPER), scopes: [] }],
      },
    ],
  };
  stack = await startAccessStack({
    AUTH: 'api-key',
    API_KEY_PEPPER: PEPPER,
    TENANTS_FILE: files.write('tenants.json', JSON.stringify(tenants)),
    WEB_SECRET: s.appSecret,
    WEB_SESSION: s.session,
    CORS_ORIGINS: `https://studio.example, ${allowed.origin}`,
    CORS_MAX_AGE: '300',
  });
});
afterAll(async () => {
  await stack?.close();
  await allowed?.close();
  await refused?.close();
  files?.remove();
});

function preflight(origin: string): Promise<{ status: number; headers: Headers }> {
  return stack.fetch('/graphql', {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-api-key' },
  });
}

describe('CORS over HTTP', () => {
  it('answers an allowed origin preflight with methods, headers and max age', async () => {
    const answer = await preflight(allowed.origin);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed.origin);
    expect(answer.headers.get('access-control-allow-methods')).toBe('GET, POST, OPTIONS');
    const allowedHeaders = answer.headers.get('access-control-allow-headers')!.split(', ');
    expect(allowedHeaders).toEqual(
      expect.arrayContaining(['authorization', 'x-api-key', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name']),
    );
    expect(answer.headers.get('access-control-max-age')).toBe('300');
  });

  it('serves an allowed origin request with its CORS header', async () => {
    const answer = await stack.post({ query: QUERY }, { origin: allowed.origin, 'x-api-key': KEY });
    expect(answer.json.data.product.title).toBe('Google test item');
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed.origin);
  });

  it('refuses a disallowed origin preflight and gives its requests no CORS header', async () => {
    const answer = await preflight(refused.origin);
    expect(answer.status).toBe(403);
    expect([...answer.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    const request = await stack.post({ query: QUERY }, { origin: refused.origin, 'x-api-key': KEY });
    expect([...request.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
  });

  it('keeps Apollo CSRF prevention on for simple requests', async () => {
    const answer = await stack.fetch(`/graphql?query=${encodeURIComponent(QUERY)}`, {
      headers: { origin: allowed.origin, 'x-api-key': KEY },
    });
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('CSRF');
  });
});

describe.skipIf(!hasChromium)('CORS in Chromium', () => {
  it('lets a page on an allowed origin call the gateway, and blocks one on another origin', async () => {
    const browser = await launchChromium();
    try {
      const call = async (origin: string): Promise<unknown> => {
        const page = await browser.newPage();
        await page.goto(`${origin}/`);
        return page.evaluate(
          async ({ url, key, query }) => {
            try {
              const res = await fetch(url, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-api-key': key },
                body: JSON.stringify({ query }),
              });
              return { status: res.status, body: await res.json() };
            } catch (err) {
              return { failed: String(err) };
            }
          },
          { url: `${stack.gateway.url}/graphql`, key: KEY, query: QUERY },
        );
      };
      expect(await call(allowed.origin)).toEqual({
        status: 200,
        body: { data: { product: { title: 'Google test item' } }, extensions: { cost: expect.any(Object) } },
      });
      expect(await call(refused.origin)).toEqual({ failed: expect.stringContaining('Failed to fetch') });
    } finally {
      await browser.close();
    }
  }, 60_000);
});

if (!hasChromium) console.warn(`CORS in Chromium: skipped, ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)`);
