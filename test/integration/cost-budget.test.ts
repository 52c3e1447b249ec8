/**
 * Client budgets in upstream calls, over real HTTP: each anonymous client address has its own bucket
 * (COST_ANONYMOUS_BUDGET); the estimate is reserved before execution and what was not spent goes back.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  // 10 calls per client, restored at one call per 1000 s: nothing comes back while the test runs.
  stack = await startStack({}, { COST_ANONYMOUS_BUDGET: '10', COST_ANONYMOUS_RESTORE_PER_SECOND: '0.001' });
});
afterAll(async () => stack.close());

interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: {
    data?: unknown;
    errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
    extensions?: { cost?: Record<string, unknown> };
  };
}

/** POSTs a GraphQL request from a given loopback address (Linux routes all of 127.0.0.0/8 to lo). */
function postFrom(localAddress: string, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const url = new URL(`${stack.gateway.url}/graphql`);
  const payload = JSON.stringify({ query, variables });
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'], body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

// Four WeChat lookups without SKU details: 4 calls, plus an access token when none is cached: estimate 5.
const FOUR = `query($ids: [ID!]!) { products(platform: WECHAT_SHOP, ids: $ids) { id } }`;
let ids: string[];

describe('per-client budgets in upstream calls', () => {
  it('charges what an operation really cost: the unused part of the reservation comes back', async () => {
    // Another address lists four products (and so warms the WeChat token).
    const listed = await postFrom(
      '127.0.0.9',
      '{ catalog(platform: WECHAT_SHOP, filter: { status: [ON_SALE] }, first: 4) { edges { node { platformProductId } } } }',
    );
    ids = (listed.body.data as { catalog: { edges: Array<{ node: { platformProductId: string } }> } }).catalog.edges.map(
      (e) => e.node.platformProductId,
    );
    expect(ids).toHaveLength(4);
    const { result, requests } = await stack.measure(() => postFrom('127.0.0.2', FOUR, { ids }));
    expect(result.status).toBe(200);
    expect(requests).toHaveLength(4);
    expect(result.body.extensions?.cost).toEqual({
      estimatedCalls: 5,
      actualCalls: 4,
      cacheHits: 0,
      budget: { limit: 10, remaining: 6, restorePerSecond: 0.001 },
    });
  });

  it('refuses a client over its budget with RATE_LIMITED, 429 and Retry-After, with no upstream call, while another continues', async () => {
    const second = await postFrom('127.0.0.2', FOUR, { ids });
    expect(second.body.extensions?.cost).toMatchObject({ actualCalls: 4, budget: { remaining: 2 } });

    const { result: refused, requests } = await stack.measure(() => postFrom('127.0.0.2', FOUR, { ids }));
    expect(refused.status).toBe(429);
    expect(requests).toHaveLength(0);
    const error = refused.body.errors?.[0];
    expect(error?.extensions?.code).toBe('RATE_LIMITED');
    // 3 calls missing at 0.001 per second.
    expect(error?.extensions?.retryAfterMs).toBeGreaterThan(2_990_000);
    expect(error?.extensions?.retryAfterMs).toBeLessThanOrEqual(3_000_000);
    expect(Number(refused.retryAfter)).toBe(Math.ceil(Number(error?.extensions?.retryAfterMs) / 1000));
    expect(refused.body.extensions?.cost).toMatchObject({ estimatedCalls: 5, actualCalls: 0, budget: { remaining: 2 } });

    const other = await postFrom('127.0.0.3', FOUR, { ids });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
    expect(other.body.extensions?.cost).toMatchObject({ actualCalls: 4, budget: { remaining: 6 } });
  });

  it('still answers operations that cost nothing to a client whose budget is spent', async () => {
    const free = await postFrom('127.0.0.2', '{ platforms { code } }');
    expect(free.status).toBe(200);
    expect(free.body.extensions?.cost).toMatchObject({ estimatedCalls: 0, actualCalls: 0, budget: { remaining: 2 } });
  });

  it('refuses an operation larger than the whole budget with COST_LIMIT_EXCEEDED naming the budget as the limit', async () => {
    const eleven = ['12345', ...Array.from({ length: 10 }, (_, i) => String(20_001 + i))];
    const { result, requests } = await stack.measure(() => postFrom('127.0.0.4', FOUR, { ids: eleven }));
    expect(result.status).toBe(400);
    expect(result.body.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', estimatedCalls: 12, limit: 10 });
    expect(requests).toHaveLength(0);
  });
});
