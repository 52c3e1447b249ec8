/**
 * The two browser pages: Apollo Sandbox stays the landing page at /graphql; /graphiql is self-contained
 * (the browser test, test/browser/graphiql.test.ts, runs it; this checks the page without a browser).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

describe('landing pages', () => {
  it('answers a browser at /graphql with Apollo Sandbox', async () => {
    const res = await fetch(`${stack.gateway.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('embeddable-sandbox');
  });

  it('serves /graphiql as one page that references no other host', async () => {
    const res = await fetch(`${stack.gateway.url}/graphiql`, { headers: { 'x-request-id': 'page-1' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('x-request-id')).toBe('page-1');
    const html = await res.text();
    expect(html).toContain('<title>catalog-gateway GraphiQL</title>');
    expect(html).toContain('"endpoint":"/graphql"');
    // No script, stylesheet, font or image is fetched from anywhere but this server.
    expect(html.match(/<(script|link|img)\b[^>]*\b(src|href)="https?:/gi)).toBeNull();
    expect(html.match(/@import\s+url\(["']?https?:/gi)).toBeNull();
  });
});
