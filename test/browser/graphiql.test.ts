/**
 * /graphiql in a real browser (Debian's Chromium through playwright-core, never a downloaded browser),
 * with every request to a host other than the loopback refused: the page loads, runs a query, shows the
 * answer. The screenshot is kept in test/artifacts/ (gitignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, hasChromium, launchChromium } from '../helpers/chromium';
import { startStack, type Stack } from '../helpers/stack';

const ARTIFACTS = path.resolve(import.meta.dirname, '../artifacts');
if (!hasChromium) console.warn(`[graphiql browser test] skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run installs it)`);

describe.skipIf(!hasChromium)('offline GraphiQL at /graphiql', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('loads with nothing from another host, runs a query and shows the answer', { timeout: 90_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const { protocol, hostname } = new URL(route.request().url());
      const local =
        protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
      if (local) return route.continue();
      blocked.push(route.request().url());
      return route.abort('blockedbyclient');
    });
    const query = '{ product(platform: TAOBAO, id: "1489161932") { title price { min { amount currency } } } }';
    await page.goto(`${stack.gateway.url}/graphiql?query=${encodeURIComponent(query)}`, { waitUntil: 'load', timeout: 60_000 });
    const run = page.locator('.graphiql-execute-button');
    await run.waitFor({ state: 'visible', timeout: 60_000 });
    await run.click();
    const result = page.locator('.graphiql-response');
    // Monaco renders spaces as no-break spaces.
    await expect
      .poll(async () => (await result.innerText()).replace(/\u00a0/g, ' '), { timeout: 30_000 })
      .toContain('"title": "Google test item"');
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'graphiql.png') });
    expect(blocked).toEqual([]);
  });
});
