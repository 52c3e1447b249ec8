/**
 * `extensions.cost` on every answer, and ordinary operations (the bench's scenarios, the introspection
 * Apollo Sandbox and codegen send) passing under the default limits with an estimate that is never
 * below what they really cost.
 */
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

const costOf = (res: GraphQLResponse) => res.extensions?.cost;

describe('extensions.cost', () => {
  it('reports the estimate and the calls really sent, cold (a token fetch included) and warm', async () => {
    const query = `{ catalog(platform: WECHAT_SHOP, filter: { status: [ON_SALE] }, first: 50) {
      edges { node { id title price { min { amount } } skus { id price { amount } stock { available } } } } } }`;
    const cold = await stack.measure(() => stack.query(query));
    expect(cold.result.errors).toBeUndefined();
    expect(costOf(cold.result)).toEqual({ estimatedCalls: 52, actualCalls: cold.requests.length, cacheHits: 0, budget: null });
    expect(cold.requests.length).toBeLessThanOrEqual(52);
    const warm = await stack.measure(() => stack.query(query));
    expect(costOf(warm.result)).toEqual({ estimatedCalls: 52, actualCalls: 51, cacheHits: 0, budget: null });
    expect(warm.requests).toHaveLength(51);
  });

  it('is on answers refused before execution too: a parse error, a validation error', async () => {
    const parse = await stack.query('{ products(');
    expect(parse.status).toBe(400);
    expect(costOf(parse)).toEqual({ estimatedCalls: 0, actualCalls: 0, cacheHits: 0, budget: null });
    const invalid = await stack.query('{ nope }');
    expect(invalid.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(costOf(invalid)).toEqual({ estimatedCalls: 0, actualCalls: 0, cacheHits: 0, budget: null });
  });
});

describe('ordinary operations under the default limits', () => {
  it('answers the full introspection query', async () => {
    const res = await stack.query(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    );
    expect(res.errors).toBeUndefined();
    expect(costOf(res)).toMatchObject({ estimatedCalls: 0, actualCalls: 0 });
  });

  it('answers bench S2 and S3 with estimates that equal their calls', async () => {
    const listed = await stack.query<{ catalog: { edges: Array<{ node: { platformProductId: string } }> } }>(
      '{ catalog(platform: XIAOE, first: 30) { edges { node { platformProductId } } } }',
    );
    const xe = listed.data!.catalog.edges.map((e) => e.node.platformProductId);
    const tb = Array.from({ length: 120 }, (_, i) => String(1_000_000 + i));
    const s3 = await stack.measure(() =>
      stack.query(
        `query($tb: [ID!]!, $xe: [ID!]!) { tb: products(platform: TAOBAO, ids: $tb) { id title price { min { amount } } } xe: products(platform: XIAOE, ids: $xe) { id title price { min { amount } } } }`,
        { tb, xe },
      ),
    );
    expect(s3.result.status).toBe(200);
    // 3 Taobao calls + 1 Xiaoe call; the Xiaoe token is cached by the listing above.
    expect(costOf(s3.result)).toMatchObject({ estimatedCalls: 5, actualCalls: 4 });
    expect(s3.requests).toHaveLength(4);
    const s2 = await stack.query(
      `query($ids: [ID!]!) { products(platform: TAOBAO, ids: $ids) { id title skus { id price { amount } stock { available } } } }`,
      { ids: tb.slice(0, 50) },
    );
    expect(costOf(s2)).toMatchObject({ estimatedCalls: 1, actualCalls: 1 });
  });
});
