import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { estimateCost } from '../../src/cost/estimateCost';
import { buildPlatformRegistry } from '../../src/platforms';
import { buildSchema } from '../../src/server/schema';

// Estimating sends nothing: the sandbox port below has no server behind it.
const config = loadConfig({ SANDBOX_PORT: '9' }, SANDBOX_CREDENTIALS);
const platforms = buildPlatformRegistry(config);
const schema = buildSchema();
const ctx = { platforms, credentials: config.credentials, deadline: 0 };
afterAll(() => {
  for (const entry of platforms.values()) entry.guard.close();
});

function estimate(query: string, variables: Record<string, unknown> = {}): { calls: number; byPlatform: Record<string, number> } {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const result = estimateCost(schema, document, operation, variables, ctx);
  return { calls: result.calls, byPlatform: Object.fromEntries(result.byPlatform) };
}

const ids = (n: number, from: number) => Array.from({ length: n }, (_, i) => String(from + i));
const gid = (platform: string, id: string) => Buffer.from(`Product:${platform}:${id}`).toString('base64url');

describe('estimateCost: lookups', () => {
  it('prices 120 Taobao ids and 30 Xiaoe ids (bench S3) as 3 + 1 calls, plus a Xiaoe access token', () => {
    const xiaoe = ids(30, 1).map((n) => `2:a_${n}`);
    const query = `query($tb: [ID!]!, $xe: [ID!]!) { tb: products(platform: TAOBAO, ids: $tb) { id } xe: products(platform: XIAOE, ids: $xe) { id } }`;
    expect(estimate(query, { tb: ids(120, 1000), xe: xiaoe })).toEqual({ calls: 5, byPlatform: { TAOBAO: 3, XIAOE: 2 } });
  });

  it('counts distinct ids across aliases, fragments and node(), as the loaders batch them', () => {
    const query = `query($n: ID!) { a: product(platform: TAOBAO, id: "1") { ...T } b: products(platform: TAOBAO, ids: ["1", "2", "2"]) { id } c: node(id: $n) { id } }
      fragment T on Product { title }`;
    expect(estimate(query, { n: gid('TAOBAO', '3') })).toEqual({ calls: 1, byPlatform: { TAOBAO: 1 } });
    expect(estimate(`{ a: products(platform: TAOBAO, ids: ${JSON.stringify(ids(51, 1))}) { id } }`).calls).toBe(2);
  });

  it('prices WeChat one call per id, and a second per id only when SKU details are selected', () => {
    const w = ids(10, 100);
    expect(estimate(`query($w: [ID!]!) { products(platform: WECHAT_SHOP, ids: $w) { id skus { id } } }`, { w }).calls).toBe(10 + 1);
    expect(estimate(`query($w: [ID!]!) { products(platform: WECHAT_SHOP, ids: $w) { id skus { price { amount } } } }`, { w }).calls).toBe(
      20 + 1,
    );
  });

  it('leaves out what the resolvers refuse before any call: malformed ids, over 500 ids, list-only platforms', () => {
    expect(estimate(`{ products(platform: WECHAT_SHOP, ids: ["x", "007"]) { id } }`).calls).toBe(0);
    expect(estimate(`query($w: [ID!]!) { products(platform: TAOBAO, ids: $w) { id } }`, { w: ids(501, 1) }).calls).toBe(0);
    expect(estimate(`{ product(platform: XHS_ARK, id: "58e5a8e4c9d7597de8649ab5") { id } }`).calls).toBe(0);
    expect(estimate(`{ node(id: "bm90IGFuIGlk") { id } }`).calls).toBe(0);
  });

  it('applies @skip and @include with the variables, and merges a field repeated under one response key', () => {
    const query = `query($on: Boolean!) { a: products(platform: TAOBAO, ids: ["1"]) @include(if: $on) { id } ...F ...F }
      fragment F on Query { b: products(platform: XIAOE, ids: ["2:a_1"]) { id } }`;
    expect(estimate(query, { on: false })).toEqual({ calls: 2, byPlatform: { XIAOE: 2 } });
    expect(estimate(query, { on: true }).calls).toBe(3);
  });

  it('costs nothing for fields that reach no upstream, or variables that do not coerce', () => {
    expect(estimate(`{ platforms { code } platform(code: TAOBAO) { name } __schema { types { name } } }`).calls).toBe(0);
    expect(estimate(`query($w: [ID!]!) { products(platform: TAOBAO, ids: $w) { id } }`, { w: { not: 'a list' } }).calls).toBe(0);
  });
});

describe('estimateCost: federation _entities', () => {
  const query = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { id skus { price { amount } } } ... on Sku { id } } }`;

  it('prices each reference by the platform its key names, batched with the other lookups', () => {
    const r = [
      ...ids(3, 100).map((id) => ({ __typename: 'Product', id: gid('WECHAT_SHOP', id) })),
      ...ids(60, 1).map((platformProductId) => ({ __typename: 'Product', platform: 'TAOBAO', platformProductId })),
      { __typename: 'Sku', id: Buffer.from('Sku:TAOBAO:61:7').toString('base64url') },
    ];
    // WeChat: 3 spu/get + 3 sku/get_list (SKU prices) + a token; Taobao: 61 ids in 2 calls.
    expect(estimate(query, { r })).toEqual({ calls: 9, byPlatform: { WECHAT_SHOP: 7, TAOBAO: 2 } });
  });

  it('costs nothing for references the resolver refuses before any call', () => {
    const r = [
      7,
      null,
      { __typename: 'Order', id: '1' },
      { __typename: 'Product', id: 'bm90IGFuIGlk' },
      { __typename: 'Product', platform: 'NOPE', platformProductId: '1' },
    ];
    expect(estimate(query, { r }).calls).toBe(0);
  });
});

describe('estimateCost: catalog listings', () => {
  it('prices the bench S4 page (WeChat ON_SALE, 50, SKU details) as 1 page + 50 SKU calls + a token', () => {
    const s4 = `{ catalog(platform: WECHAT_SHOP, filter: { status: [ON_SALE] }, first: 50) { edges { node { id skus { id price { amount } stock { available } } } } } }`;
    expect(estimate(s4)).toEqual({ calls: 52, byPlatform: { WECHAT_SHOP: 52 } });
  });

  it('reads WeChat without a status filter as 5 streams, one page each per 300 items', () => {
    expect(estimate(`{ catalog(platform: WECHAT_SHOP, first: 300) { edges { node { id } } } }`).calls).toBe(5 + 1);
    expect(estimate(`{ catalog(platform: WECHAT_SHOP, first: 301) { edges { node { id } } } }`).calls).toBe(10 + 1);
    // From a cursor the window may straddle one more page per stream.
    expect(estimate(`{ catalog(platform: WECHAT_SHOP, first: 300, after: "x") { edges { node { id } } } }`).calls).toBe(10 + 1);
  });

  it('prices Xiaoe completion by detail calls of 50, and each 15-day window of a createdAt range as a stream', () => {
    expect(estimate(`{ catalog(platform: XIAOE, first: 120) { edges { node { id stock { available } } } } }`).calls).toBe(2 + 3 + 1);
    const range = `{ createdAt: { from: "2024-01-01T00:00:00Z", to: "2024-03-01T00:00:00Z" } }`;
    // 60 days: 4 windows, each reached costs a page (empty ones too), plus the page 7 items fill, plus a token.
    expect(estimate(`{ catalog(platform: XIAOE, first: 7, filter: ${range}) { edges { node { id } } } }`).calls).toBe(4 + 1 + 1);
  });

  it('prices a merged catalog over every listing platform, completion capped at one call per product of the page', () => {
    const walk = `{ catalog(first: 500) { edges { node { id title status updatedAt price { min { amount } } } } } }`;
    expect(estimate(walk)).toEqual({ calls: 33, byPlatform: { XHS_ARK: 10, XHS_MINIAPP: 6, WECHAT_SHOP: 11, XIAOE: 6 } });
    const withSkus = `{ catalog(first: 50) { edges { node { id skus { price { amount } } } } } }`;
    // Pages: Ark 1, mini-program 1, WeChat 5, Xiaoe 1; completion at most 50 (WeChat 50 and Xiaoe 1 cannot both happen).
    expect(estimate(withSkus).calls).toBe(1 + 1 + 5 + 1 + 50 + 3);
  });

  it('costs nothing for a catalog the listing refuses before any call', () => {
    expect(estimate(`{ catalog(platform: WECHAT_SHOP, first: 501) { edges { node { id } } } }`).calls).toBe(0);
    expect(estimate(`{ catalog(platform: TAOBAO, first: 5) { edges { node { id } } } }`).calls).toBe(0);
    expect(estimate(`{ catalog(platform: XIAOE, first: 5, filter: { buyable: true }) { edges { node { id } } } }`).calls).toBe(0);
  });
});
