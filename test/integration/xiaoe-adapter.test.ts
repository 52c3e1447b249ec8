import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, UpstreamError } from '../../src/platforms/errors';
import type { Product } from '../../src/generated/graphql';
import { createXiaoeAdapter } from '../../src/platforms/xiaoe/adapter';
import { createXiaoeClient } from '../../src/platforms/xiaoe/client';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import type { FaultRule } from '../../src/sandbox/types';
import { buildXiaoeCatalog } from '../../src/sandbox/platforms/xiaoe/catalog';
import { createXiaoeSandbox } from '../../src/sandbox/platforms/xiaoe/index';

const SEED = 5;
const SIZE = 300;
const EXAMPLE = '2:a_619fba7ae4b03f3fb99c7809';
const credentials = { ...SANDBOX_CREDENTIALS.XIAOE };
const catalog = buildXiaoeCatalog(SEED, SIZE);

let sandbox: RunningSandbox;
let admin: string;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, platforms: [createXiaoeSandbox({ seed: SEED, size: SIZE })] });
  admin = `${sandbox.url}/__sandbox`;
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await setFaults([]);
  await fetch(`${admin}/reset`, { method: 'POST' });
});

const newAdapter = () => createXiaoeAdapter({ baseUrl: sandbox.baseUrls.xiaoe, timeoutMs: 2_000 });
const stats = async () => ((await (await fetch(`${admin}/stats`)).json()) as { calls: Record<string, number> }).calls;
const detailCalls = async () =>
  (
    (await (await fetch(`${admin}/requests?platform=xiaoe&limit=100`)).json()) as {
      requests: Array<{ operation: string; params: Record<string, unknown> }>;
    }
  ).requests
    .filter((r) => r.operation === 'xe.goods.detail.get')
    .map((r) => r.params);
const setFaults = (faults: FaultRule[]) =>
  fetch(`${admin}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ faults }) });
const select = (...paths: string[]) => new Set(paths);
const ids = (pred: (g: (typeof catalog.newestFirst)[number]) => boolean, count: number) =>
  catalog.newestFirst
    .filter((g) => g.key !== EXAMPLE && pred(g))
    .slice(0, count)
    .map((g) => g.key);

describe('Xiaoe adapter: lookup against the sandbox', () => {
  it('returns the page example with its documented values', async () => {
    const [product] = (await newAdapter().lookup!([EXAMPLE], select('title', 'price', 'skus', 'skus.stock', 'stock'), {
      credentials,
    })) as Product[];
    expect(product).toMatchObject({
      platformProductId: EXAMPLE,
      title: '呜呜',
      status: 'ON_SALE',
      price: { min: { amount: '0.02', minorUnits: 2 } },
      stock: { available: 999999997, sold: 2, total: 999999997 },
      createdAt: '2021-11-25T16:31:54.000Z',
    });
    expect(product?.skus?.[0]).toMatchObject({ platformSkuId: 'SKU_ADO_6378579149295pIEPP38', stock: { available: 999999997 } });
  });

  it('sends 50 ids of several types as one call, grouped by type, answering in the order asked', async () => {
    const wanted = [
      ...ids((g) => g.resourceType === 21, 20),
      ...ids((g) => g.resourceType === 3, 15),
      ...ids((g) => g.resourceType !== 21 && g.resourceType !== 3, 14),
      EXAMPLE,
    ];
    const shuffled = wanted
      .map((id, i) => [id, (i * 37) % 50] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    const results = await newAdapter().lookup!(shuffled, select('title'), { credentials });
    expect(results.map((r) => (r as Product).platformProductId)).toEqual(shuffled);
    const [call] = await detailCalls();
    expect(call?.idCount).toBe(50);
    const resources = call?.resources as Array<{ type: number; ids: string[] }>;
    expect(new Set(resources.map((r) => r.type)).size).toBe(resources.length);
    expect(resources.flatMap((r) => r.ids.map((id) => `${r.type}:${id}`)).sort()).toEqual([...shuffled].sort());
    expect(await stats()).toEqual({ 'xiaoe:token': 1, 'xiaoe:xe.goods.detail.get': 1 });
  });

  it('refuses more than 50 ids as a programming error', async () => {
    await expect(
      newAdapter().lookup!(
        ids(() => true, 51),
        select('title'),
        { credentials },
      ),
    ).rejects.toThrow(RangeError);
  });

  it('gives a NotFoundError only to the ids Xiaoe did not return', async () => {
    const [known] = ids((g) => g.resourceType === 21, 1);
    const results = await newAdapter().lookup!(['21:g_nope', known!, '3:a_619fba7ae4b03f3fb99c7809'], select('title'), { credentials });
    expect(results[0]).toBeInstanceOf(NotFoundError);
    expect((results[1] as Product).platformProductId).toBe(known);
    expect(results[2]).toBeInstanceOf(NotFoundError);
  });

  it('returns deleted and banned goods with their status (Xiaoe returns them unless filtered)', async () => {
    const [deleted] = ids((g) => g.isDeleted, 1);
    const [banned] = ids((g) => g.isForbid && !g.isDeleted, 1);
    const results = (await newAdapter().lookup!([deleted!, banned!], select('status', 'rawStatus'), { credentials })) as Product[];
    expect(results.map((p) => p.status)).toEqual(['DELETED', 'BANNED']);
    expect(results[0]?.rawStatus).toContain('is_deleted=1');
  });
});

describe('Xiaoe adapter: body sent for the selection', () => {
  it.each([
    [['title', 'status', 'price', 'price.min'], undefined],
    [['skus', 'skus.id'], 'sku'],
    [['skus', 'skus.price', 'skus.stock', 'skus.stock.available'], 'stock,sku'],
    [['attributes', 'attributes.name'], 'attr'],
    [['raw'], 'stock,sku,attr'],
  ])('%j sends body %s', async (paths, expected) => {
    await newAdapter().lookup!([EXAMPLE], select(...paths), { credentials });
    const [call] = await detailCalls();
    if (expected === undefined) expect(call).not.toHaveProperty('body');
    else expect(call?.body).toBe(expected);
  });

  it('fills every selected block from the answer', async () => {
    const [physical] = ids((g) => g.resourceType === 21, 1);
    const [product] = (await newAdapter().lookup!([physical!], select('skus', 'skus.properties', 'attributes', 'stock'), {
      credentials,
    })) as Product[];
    expect(product?.skus?.length).toBeGreaterThan(0);
    expect(product?.skus?.[0]?.properties?.length).toBeGreaterThan(0);
    expect(product?.attributes).toContainEqual(expect.objectContaining({ name: '品牌' }));
    expect(product?.stock?.sold).toEqual(expect.any(Number));
  });
});

describe('Xiaoe adapter: tokens and errors', () => {
  it('fetches the token once for many lookups', async () => {
    const adapter = newAdapter();
    await Promise.all([
      adapter.lookup!([EXAMPLE], select('title'), { credentials }),
      adapter.lookup!([EXAMPLE], select('title'), { credentials }),
    ]);
    await adapter.lookup!([EXAMPLE], select('title'), { credentials });
    expect(await stats()).toEqual({ 'xiaoe:token': 1, 'xiaoe:xe.goods.detail.get': 3 });
  });

  it('refreshes the token once and retries once when Xiaoe answers 2008', async () => {
    const adapter = newAdapter();
    await adapter.lookup!([EXAMPLE], select('title'), { credentials });
    await fetch(`${admin}/reset`, { method: 'POST' }); // the sandbox forgets every token it issued
    const [product] = await adapter.lookup!([EXAMPLE], select('title'), { credentials });
    expect((product as Product).title).toBe('呜呜');
    expect(await stats()).toEqual({ 'xiaoe:token': 1, 'xiaoe:xe.goods.detail.get': 2 });
  });

  it('fails every id with UPSTREAM_AUTH, not stale, for a wrong secret, without a business call', async () => {
    const results = await newAdapter().lookup!([EXAMPLE, '21:g_x'], select('title'), {
      credentials: { ...credentials, secretKey: 'wrong' },
    });
    for (const r of results) expect(r).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '2001' });
    expect(await stats()).toEqual({ 'xiaoe:token': 1 });
  });

  it('fetches a token at once for corrected credentials, not the refusal cached for the wrong ones', async () => {
    const adapter = newAdapter();
    const [refused] = await adapter.lookup!([EXAMPLE], select('title'), { credentials: { ...credentials, secretKey: 'wrong' } });
    expect(refused).toMatchObject({ code: 'UPSTREAM_AUTH' });
    const [product] = await adapter.lookup!([EXAMPLE], select('title'), { credentials });
    expect((product as Product).title).toBe('呜呜');
  });

  it('fails every id with UPSTREAM_RATE_LIMITED when Xiaoe answers 429', async () => {
    await setFaults([{ platform: 'xiaoe', operation: 'xe.goods.detail.get', kind: 'error', code: 429 }]);
    const results = await newAdapter().lookup!([EXAMPLE, '21:g_x'], select('title'), { credentials });
    for (const r of results) expect(r).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED', retryable: true, upstreamCode: '429' });
  });

  it.each([
    [{ kind: 'error', code: 2002 }, 'UPSTREAM_REJECTED'],
    [{ kind: 'http', status: 503 }, 'UPSTREAM_UNAVAILABLE'],
    [{ kind: 'non-json' }, 'UPSTREAM_BAD_RESPONSE'],
    [{ kind: 'html' }, 'UPSTREAM_UNAVAILABLE'],
  ] as const)('maps an injected %j to %s for the whole call', async (fault, code) => {
    await setFaults([{ platform: 'xiaoe', operation: 'xe.goods.detail.get', ...fault }]);
    const results = await newAdapter().lookup!([EXAMPLE], select('title'), { credentials });
    expect(results[0]).toBeInstanceOf(UpstreamError);
    expect(results[0]).toMatchObject({ platform: 'XIAOE', code });
  });
});

describe('Xiaoe client: goods list 2.0', () => {
  it('reads a page of goods', async () => {
    const page = await createXiaoeClient({ baseUrl: sandbox.baseUrls.xiaoe, timeoutMs: 2_000 }).listGoods(
      { page: 2, pageSize: 20, resourceType: 21 },
      credentials,
    );
    expect(page.currentPage).toBe(2);
    expect(page.total).toBe(catalog.byType.get(21)?.length);
    expect(page.list).toHaveLength(20);
    for (const item of page.list) expect(item.resource_type).toBe(21);
  });

  it('surfaces a parameter error as UPSTREAM_REJECTED', async () => {
    await expect(
      createXiaoeClient({ baseUrl: sandbox.baseUrls.xiaoe, timeoutMs: 2_000 }).listGoods({ page: 1, pageSize: 101 }, credentials),
    ).rejects.toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamCode: '2002',
    });
  });
});
