/**
 * The entity cache through the gateway (issue 10): hits, freshness by field class against an injected
 * clock, stale-while-revalidate, stale-if-error, NOT_FOUND entries, list pages, `Cache-Control:
 * no-cache` and `extensions.cache`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settle, startCacheStack, taobaoIds, type CacheStack } from './cacheStack';

let stack: CacheStack;
beforeAll(async () => {
  stack = await startCacheStack({ env: { TAOBAO_RETRY_ATTEMPTS: '1', REQUEST_TIMEOUT_MS: '3000' } });
});
afterAll(async () => stack.close());

const ITEMS_GET = 'taobao:taobao.miniapp.items.get';
const byId = (id: string, fields: string) => `{ product(platform: TAOBAO, id: "${id}") { ${fields} } }`;
const ids = taobaoIds(40);

describe('entity cache hits', () => {
  it('answers a repeated lookup without an upstream call, and says so in extensions.cache', async () => {
    const first = await stack.measure(() => stack.query(byId(ids[0]!, 'title price { min { amount } }')));
    expect(first.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(first.result.extensions?.cache).toEqual({ hits: 0, misses: 1, stale: [] });
    const again = await stack.measure(() => stack.query(byId(ids[0]!, 'title price { min { amount } }')));
    expect(again.calls).toEqual({});
    expect(again.result.data).toEqual(first.result.data);
    expect(again.result.extensions?.cache).toEqual({ hits: 1, misses: 0, stale: [] });
  });

  it('answers a narrower selection from the entry, and fetches a field it does not hold', async () => {
    const narrower = await stack.measure(() => stack.query(byId(ids[0]!, 'title')));
    expect(narrower.calls).toEqual({});
    const wider = await stack.measure(() => stack.query(byId(ids[0]!, 'title stock { available }')));
    expect(wider.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(wider.result.extensions?.cache).toMatchObject({ hits: 0, misses: 1 });
  });

  it('reads upstream for Cache-Control: no-cache, and keeps what it read', async () => {
    const fresh = await stack.measure(() => stack.query(byId(ids[0]!, 'title'), undefined, { headers: { 'cache-control': 'no-cache' } }));
    expect(fresh.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(fresh.result.extensions?.cache).toEqual({ hits: 0, misses: 1, stale: [] });
  });
});

describe('freshness by field class', () => {
  const cases = [
    { fieldClass: 'stock', fields: 'stock { available }', boundMs: 15_000 },
    { fieldClass: 'price', fields: 'price { min { amount } }', boundMs: 60_000 },
    { fieldClass: 'status', fields: 'status', boundMs: 60_000 },
    { fieldClass: 'content', fields: 'title images', boundMs: 600_000 },
  ];
  cases.forEach(({ fieldClass, fields, boundMs }, i) => {
    it(`keeps ${fieldClass} fresh for exactly ${boundMs / 1000} s, then serves it stale while one refresh runs`, async () => {
      const id = ids[10 + i]!;
      await stack.query(byId(id, fields));
      stack.clock.advance(boundMs);
      const atBound = await stack.measure(() => stack.query(byId(id, fields)));
      expect(atBound.calls).toEqual({});
      expect(atBound.result.extensions?.cache.stale).toEqual([]);
      stack.clock.advance(1);
      const marker = { platform: 'TAOBAO', id, ageSeconds: Math.floor((boundMs + 1) / 1000), reason: 'revalidating' };
      const past = await stack.measure(async () => {
        const first = await stack.query(byId(id, fields));
        const more = await Promise.all([1, 2, 3, 4].map(() => stack.query(byId(id, fields))));
        await settle();
        return [first, ...more];
      });
      // Stale hits while the one background refresh runs (later ones may already see its result).
      expect(past.calls).toEqual({ [ITEMS_GET]: 1 });
      expect(past.result[0]!.extensions?.cache.stale).toEqual([marker]);
      for (const answer of past.result) {
        expect(answer.errors).toBeUndefined();
        expect([[], [marker]]).toContainEqual(answer.extensions?.cache.stale);
      }
      const refreshed = await stack.measure(() => stack.query(byId(id, fields)));
      expect(refreshed.calls).toEqual({});
      expect(refreshed.result.extensions?.cache).toEqual({ hits: 1, misses: 0, stale: [] });
    });
  });

  it('fetches again once an entry is past its stale-while-revalidate window', async () => {
    const id = ids[20]!;
    await stack.query(byId(id, 'stock { available }'));
    stack.clock.advance(15_000 + 30_000 + 1);
    const late = await stack.measure(() => stack.query(byId(id, 'stock { available }')));
    expect(late.calls).toEqual({ [ITEMS_GET]: 1 });
    expect(late.result.extensions?.cache).toEqual({ hits: 0, misses: 1, stale: [] });
  });
});

describe('bounded staleness against changing upstream data', () => {
  it('serves the old title until its 10 min bound, then once stale while refreshing, then the new one', async () => {
    const id = ids[30]!;
    const before = await stack.query(byId(id, 'title'));
    await stack.patchProduct('taobao', id, { title: 'Changed upstream' });
    stack.clock.advance(600_000);
    expect((await stack.query(byId(id, 'title'))).data?.product.title).toBe(before.data?.product.title);
    stack.clock.advance(1);
    const stale = await stack.query(byId(id, 'title'));
    expect(stale.data?.product.title).toBe(before.data?.product.title);
    expect(stale.extensions?.cache.stale).toHaveLength(1);
    await settle();
    expect((await stack.query(byId(id, 'title'))).data?.product.title).toBe('Changed upstream');
  });

  it('keeps a cached title while the stock of the same product is refreshed after 15 s', async () => {
    const id = ids[31]!;
    await stack.query(byId(id, 'title stock { available }'));
    await stack.patchProduct('taobao', id, { num: 4321, title: 'Changed too' });
    stack.clock.advance(15_001);
    await stack.query(byId(id, 'stock { available }'));
    await settle();
    const after = await stack.measure(() => stack.query(byId(id, 'title stock { available }')));
    expect(after.calls).toEqual({});
    // The refresh fetched what the entry held: stock and title are both the upstream's now.
    expect(after.result.data?.product).toEqual({ title: 'Changed too', stock: { available: 4321 } });
  });
});

describe('a value a field cannot be mapped from', () => {
  it('is never cached: each answer carries its UPSTREAM_BAD_VALUE error, never a plain null', async () => {
    const id = ids[32]!;
    await stack.patchProduct('taobao', id, { num: -3 });
    for (let i = 0; i < 2; i++) {
      const { result, calls } = await stack.measure(() => stack.query(byId(id, 'title stock { available }')));
      expect(calls).toEqual({ [ITEMS_GET]: 1 });
      expect(result.data?.product.stock).toBeNull();
      expect(result.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([['product.stock', 'UPSTREAM_BAD_VALUE']]);
    }
  });
});

describe('stale-if-error', () => {
  it('serves a stale entry, marked, when the upstream fails', async () => {
    const id = ids[21]!;
    const first = await stack.query(byId(id, 'title stock { available }'));
    stack.clock.advance(15_000 + 30_000 + 1);
    await stack.setFaults([{ platform: 'taobao', kind: 'http', status: 503, count: 1 }]);
    const answer = await stack.query(byId(id, 'title stock { available }'));
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual(first.data);
    expect(answer.extensions?.cache).toEqual({
      hits: 1,
      misses: 0,
      stale: [{ platform: 'TAOBAO', id, ageSeconds: 45, reason: 'upstreamError' }],
    });
  });

  it('answers the error when nothing is cached: a cache never turns an error into data', async () => {
    await stack.setFaults([{ platform: 'taobao', kind: 'http', status: 503, count: 1 }]);
    const answer = await stack.query(byId(ids[22]!, 'title'));
    expect(answer.data?.product).toBeNull();
    expect(answer.errors?.[0]?.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('stale-if-error when the quota would miss the deadline', () => {
  let paced: CacheStack;
  beforeAll(async () => {
    // One call a minute: after the first, no quota slot comes within a request's budget.
    paced = await startCacheStack({ env: { TAOBAO_RATE_LIMIT: '1/60s', REQUEST_TIMEOUT_MS: '2000' } });
  });
  afterAll(async () => paced.close());

  it('serves the stale entry at once instead of UPSTREAM_RATE_LIMITED, and without a call', async () => {
    const id = ids[23]!;
    const first = await paced.query(byId(id, 'title stock { available }'));
    expect(first.errors).toBeUndefined();
    paced.clock.advance(15_000 + 30_000 + 1);
    const { result, calls } = await paced.measure(() => paced.query(byId(id, 'title stock { available }')));
    expect(calls).toEqual({});
    expect(result.data).toEqual(first.data);
    expect(result.extensions?.cache.stale).toEqual([{ platform: 'TAOBAO', id, ageSeconds: 45, reason: 'upstreamError' }]);
    const uncached = await paced.query(byId(ids[24]!, 'title'));
    expect(uncached.errors?.[0]?.extensions?.code).toBe('UPSTREAM_RATE_LIMITED');
  });
});

describe('NOT_FOUND entries', () => {
  it('remembers NOT_FOUND for 30 s', async () => {
    const missing = '99999999991';
    const first = await stack.measure(() => stack.query(byId(missing, 'title')));
    expect(first.calls).toEqual({ [ITEMS_GET]: 1 });
    const again = await stack.measure(() => stack.query(byId(missing, 'title')));
    expect(again.calls).toEqual({});
    expect(again.result.errors?.map((e) => e.extensions?.code)).toEqual(['NOT_FOUND']);
    stack.clock.advance(30_001);
    const later = await stack.measure(() => stack.query(byId(missing, 'title')));
    expect(later.calls).toEqual({ [ITEMS_GET]: 1 });
  });
});

describe('listings', () => {
  const catalog = `{ catalog(platform: XIAOE, first: 5) { edges { node { platformProductId title } } } }`;

  it('reuses an upstream list page for 30 s, and fills the entity cache with the listed products', async () => {
    const first = await stack.measure(() => stack.query(catalog));
    expect(Object.keys(first.calls).some((k) => k.startsWith('xiaoe:'))).toBe(true);
    const again = await stack.measure(() => stack.query(catalog));
    expect(again.calls).toEqual({});
    expect(again.result.data).toEqual(first.result.data);
    const listedId = first.result.data!.catalog.edges[0].node.platformProductId as string;
    const lookup = await stack.measure(() => stack.query(`{ product(platform: XIAOE, id: "${listedId}") { title } }`));
    expect(lookup.calls).toEqual({});
    expect(lookup.result.data?.product.title).toBe(first.result.data!.catalog.edges[0].node.title);
    stack.clock.advance(30_001);
    const later = await stack.measure(() => stack.query(catalog));
    expect(Object.keys(later.calls).some((k) => k.startsWith('xiaoe:'))).toBe(true);
  });

  it('answers a listing that completes its pages (WeChat SKU details) again and again, from upstream', async () => {
    const withSkus = `{ catalog(platform: WECHAT_SHOP, first: 3) { edges { node { platformProductId skus { platformSkuId price { amount } } } } } }`;
    const first = await stack.query(withSkus);
    expect(first.errors).toBeUndefined();
    const again = await stack.measure(() => stack.query(withSkus));
    expect(again.result.errors).toBeUndefined();
    expect(again.result.data).toEqual(first.data);
    expect(again.calls['wechat:product/spu/get_list']).toBeGreaterThanOrEqual(1);
  });
});
