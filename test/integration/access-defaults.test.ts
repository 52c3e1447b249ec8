/**
 * The defaults once real credentials are configured: no start without AUTH, and with AUTH=none set
 * explicitly a warning, no scope for anonymous requests and no CORS origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startAccessStack, type AccessStack } from '../helpers/accessStack';

/** The sandbox's Taobao merchant configured as if it were a real host. */
const realTaobao = (sandboxUrl: string): Record<string, string> => ({
  TAOBAO_APP_KEY: SANDBOX_CREDENTIALS.TAOBAO.appKey,
  TAOBAO_APP_SECRET: SANDBOX_CREDENTIALS.TAOBAO.appSecret,
  TAOBAO_SESSION: SANDBOX_CREDENTIALS.TAOBAO.session,
  TAOBAO_SIGN_METHOD: SANDBOX_CREDENTIALS.TAOBAO.signMethod,
  TAOBAO_BASE_URL: `${sandboxUrl}/taobao`,
});

describe('with real credentials', () => {
  it('refuses to start without AUTH', async () => {
    await expect(startAccessStack(async (url) => realTaobao(url))).rejects.toThrow(/^AUTH: must be set/);
  });

  describe('and AUTH=none set explicitly', () => {
    let stack: AccessStack;
    beforeAll(async () => {
      stack = await startAccessStack(async (url) => ({ ...realTaobao(url), AUTH: 'none' }));
    });
    afterAll(async () => stack?.close());

    it('warns at start-up', () => {
      expect(stack.logs()).toMatch(/"level":"warn".*AUTH=none over real credentials/);
    });

    it('serves anonymous requests without the raw scope', async () => {
      expect((await stack.post({ query: '{ product(platform: TAOBAO, id: "1489161932") { title } }' })).json.data.product.title).toBe(
        'Google test item',
      );
      const raw = await stack.post({ query: '{ product(platform: TAOBAO, id: "1489161932") { raw } }' });
      expect(raw.json.errors[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'catalog:raw' });
    });

    it('allows no browser origin unless listed', async () => {
      const preflight = await stack.fetch('/graphql', {
        method: 'OPTIONS',
        headers: { origin: 'https://studio.apollographql.com', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(403);
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });
  });
});
