/**
 * Hostile operations (issue 16): each is refused before execution with its own code and makes no
 * upstream call, checked in the sandbox's request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

const range = (n: number, from = 0) => Array.from({ length: n }, (_, i) => from + i);
const taobaoIds = (n: number, from: number) => range(n, from).map(String);
const wechatIds = (n: number, from: number) => range(n, from).map(String);
const globalId = (platform: string, id: string) => Buffer.from(`Product:${platform}:${id}`).toString('base64url');

/** Sends the operation and returns the answer with the upstream requests it caused. */
async function refused(query: string, variables?: Record<string, unknown>): Promise<{ res: GraphQLResponse; upstream: number }> {
  const { result, requests } = await stack.measure(() => stack.query(query, variables));
  return { res: result, upstream: requests.length };
}

function codeOf(res: GraphQLResponse): unknown {
  return res.errors?.[0]?.extensions?.code;
}

describe('hostile operations are refused with zero upstream calls', () => {
  it('100 aliases of products over 500 Taobao ids each, written into the document: MAX_TOKENS_EXCEEDED', async () => {
    const fields = range(100).map(
      (a) => `a${a}: products(platform: TAOBAO, ids: ${JSON.stringify(taobaoIds(500, 2_000_000 + a * 500))}) { id title }`,
    );
    const query = `{ ${fields.join('\n')} }`;
    expect(query.length).toBeGreaterThan(400_000);
    const { res, upstream } = await refused(query);
    expect(res.status).toBe(400);
    expect(res.errors).toMatchObject([
      { message: 'Token limit of 5000 exceeded.', extensions: { code: 'MAX_TOKENS_EXCEEDED', limit: 5000 } },
    ]);
    expect(upstream).toBe(0);
  });

  it('the same 100 aliases with the ids in variables: MAX_ALIASES_EXCEEDED', async () => {
    const vars = range(100)
      .map((a) => `$ids${a}: [ID!]!`)
      .join(' ');
    const fields = range(100).map((a) => `a${a}: products(platform: TAOBAO, ids: $ids${a}) { id title }`);
    const variables = Object.fromEntries(range(100).map((a) => [`ids${a}`, taobaoIds(500, 2_000_000 + a * 500)]));
    const { res, upstream } = await refused(`query(${vars}) { ${fields.join('\n')} }`, variables);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('MAX_ALIASES_EXCEEDED');
    expect(res.errors?.[0]?.extensions?.limit).toBe(30);
    expect(upstream).toBe(0);
  });

  it('10 aliases of products over 500 distinct Taobao ids (within every structural limit): COST_LIMIT_EXCEEDED at 100 calls', async () => {
    const vars = range(10)
      .map((a) => `$ids${a}: [ID!]!`)
      .join(' ');
    const fields = range(10).map((a) => `a${a}: products(platform: TAOBAO, ids: $ids${a}) { id title }`);
    const variables = Object.fromEntries(range(10).map((a) => [`ids${a}`, taobaoIds(500, 3_000_000 + a * 500)]));
    const { res, upstream } = await refused(`query(${vars}) { ${fields.join('\n')} }`, variables);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      {
        message: 'This operation may cost 100 upstream calls; the limit is 60.',
        extensions: { code: 'COST_LIMIT_EXCEEDED', estimatedCalls: 100, limit: 60 },
      },
    ]);
    expect(res).toMatchObject({ extensions: { cost: { estimatedCalls: 100, actualCalls: 0, cacheHits: 0, budget: null } } });
    expect(upstream).toBe(0);
  });

  it('20 aliases of a WeChat catalog(first: 500) with SKUs: COST_LIMIT_EXCEEDED at 10,201 calls', async () => {
    // Per alias: 5 status streams x 2 pages of 300, plus 500 sku/get_list; one access token for all.
    const fields = range(20).map(
      (a) => `c${a}: catalog(platform: WECHAT_SHOP, first: 500) { edges { node { id skus { id price { amount } } } } }`,
    );
    const { res, upstream } = await refused(`{ ${fields.join('\n')} }`);
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', estimatedCalls: 20 * (5 * 2 + 500) + 1, limit: 60 });
    expect(upstream).toBe(0);
  });

  it('3000 aliases: refused by the token limit before they are parsed in full', async () => {
    const query = `{ ${range(3000)
      .map((a) => `a${a}: __typename`)
      .join(' ')} }`;
    const { res, upstream } = await refused(query);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('MAX_TOKENS_EXCEEDED');
    expect(upstream).toBe(0);
  });

  it('3000 aliases spread through fragments that double at each level: MAX_ALIASES_EXCEEDED', async () => {
    // F11 expands to 2^11 = 2048 aliases of `title` (and more), from a document of ~70 tokens.
    const fragments = range(11, 1).map((k) => `fragment F${k} on Product { t${k}: title ...F${k - 1} ...F${k - 1} }`);
    const query = `query($ids: [ID!]!) { products(platform: WECHAT_SHOP, ids: $ids) { ...F11 } }
      fragment F0 on Product { t0: title }
      ${fragments.join('\n')}`;
    const { res, upstream } = await refused(query, { ids: wechatIds(3, 10_001) });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('MAX_ALIASES_EXCEEDED');
    expect(upstream).toBe(0);
  });

  it('lookups spread over nested fragments are all priced: COST_LIMIT_EXCEEDED', async () => {
    // 4 aliased WeChat lookups of 10 ids with SKUs, reached through two levels of fragments: 80 calls + a token.
    const query = `query($a: [ID!]!, $b: [ID!]!, $c: [ID!]!, $d: [ID!]!) { ...A }
      fragment A on Query { ...B ...C ...B }
      fragment B on Query { b1: products(platform: WECHAT_SHOP, ids: $a) { ...S } b2: products(platform: WECHAT_SHOP, ids: $b) { ...S } }
      fragment C on Query { ... on Query { c1: products(platform: WECHAT_SHOP, ids: $c) { ...S } } c2: products(platform: WECHAT_SHOP, ids: $d) { ...S } }
      fragment S on Product { id skus { id price { amount } } }`;
    const variables = { a: wechatIds(10, 20_001), b: wechatIds(10, 20_101), c: wechatIds(10, 20_201), d: wechatIds(10, 20_301) };
    const { res, upstream } = await refused(query, variables);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', estimatedCalls: 81, limit: 60 });
    expect(upstream).toBe(0);
  });

  it('a list of 30 node() lookups, priced by the platform each id decodes to: WeChat with SKUs is refused', async () => {
    const nodes = (platform: string, from: number) =>
      range(30)
        .map((i) => `n${i}: node(id: "${globalId(platform, String(from + i))}") { ... on Product { id skus { id stock { available } } } }`)
        .join('\n');
    const { res, upstream } = await refused(`{ ${nodes('WECHAT_SHOP', 30_001)} }`);
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', estimatedCalls: 61, limit: 60 });
    expect(upstream).toBe(0);
    // The same list on Taobao is one call of 30 ids (ids the sandbox does not have: null and NOT_FOUND each).
    const taobao = await stack.query(`{ ${nodes('TAOBAO', 2_000_001)} }`);
    expect(taobao.status).toBe(200);
    expect(taobao).toMatchObject({ extensions: { cost: { estimatedCalls: 1, actualCalls: 1 } } });
  });

  it('federation _entities: 100 WeChat product references with SKU details are refused; Taobao references batch', async () => {
    const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id skus { price { amount } } } } }`;
    const wechat = wechatIds(100, 40_001).map((id) => ({ __typename: 'Product', id: globalId('WECHAT_SHOP', id) }));
    const { res, upstream } = await refused(query, { r: wechat });
    expect(res.errors?.[0]?.extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', estimatedCalls: 201, limit: 60 });
    expect(upstream).toBe(0);
    // Keyed by platform and platformProductId, and through a SKU id (a lookup of its product): 120 Taobao ids, 3 calls.
    const taobao = [
      ...taobaoIds(119, 5_000_001).map((platformProductId) => ({ __typename: 'Product', platform: 'TAOBAO', platformProductId })),
      { __typename: 'Sku', id: Buffer.from('Sku:TAOBAO:5000500:1').toString('base64url') },
    ];
    const ok = await stack.query(query, { r: taobao });
    expect(ok.status).toBe(200);
    expect(ok).toMatchObject({ extensions: { cost: { estimatedCalls: 3, actualCalls: 3 } } });
  });

  it('40-level-deep introspection: MAX_DEPTH_EXCEEDED', async () => {
    const deep = `{ __schema { types { fields { type ${'{ ofType '.repeat(36)}{ name }${' }'.repeat(36)} } } } }`;
    const { res, upstream } = await refused(deep);
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([
      { message: 'Query depth limit of 15 exceeded, found 41.', extensions: { code: 'MAX_DEPTH_EXCEEDED', limit: 15 } },
    ]);
    expect(upstream).toBe(0);
  });

  it('31 root fields without a single alias: MAX_ROOT_FIELDS_EXCEEDED', async () => {
    // Root fields told apart by their arguments need aliases; these differ by name and nesting instead.
    const query = `{ platforms { code } __typename ${range(29)
      .map((i) => `... on Query { ...R${i} }`)
      .join(' ')} }
      ${range(29)
        .map((i) => `fragment R${i} on Query { r${i}: __typename }`)
        .join('\n')}`;
    const { res, upstream } = await refused(query);
    expect(res.status).toBe(400);
    expect(res.errors?.map((e) => e.extensions?.code)).toContain('MAX_ROOT_FIELDS_EXCEEDED');
    expect(upstream).toBe(0);
  });

  it('too many directives: MAX_DIRECTIVES_EXCEEDED', async () => {
    const query = `{ __typename ${'@include(if: true) '.repeat(21)} }`;
    const { res, upstream } = await refused(query);
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('MAX_DIRECTIVES_EXCEEDED');
    expect(upstream).toBe(0);
  });
});
