/**
 * The Taobao adapter against the sandbox over real HTTP: one signed call per lookup, the `fields` sent
 * for a selection, results in id order with NotFoundError for absent ids, and upstream failures mapped
 * to UpstreamError for every id of the call.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TaobaoCredentials } from '../../src/platforms/taobao/credentials';
import type { Product } from '../../src/generated/graphql';
import { NotFoundError, UpstreamError } from '../../src/platforms/errors';
import { createTaobaoAdapter } from '../../src/platforms/taobao/adapter';
import { toTopFields } from '../../src/platforms/taobao/fields';
import type { FaultRule } from '../../src/sandbox/types';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { createTaobaoSandbox } from '../../src/sandbox/platforms/taobao';

const CRED: TaobaoCredentials = SANDBOX_CREDENTIALS.TAOBAO;
const EXAMPLE_ID = '1489161932';

let sandbox: RunningSandbox;
let catalog: ReturnType<typeof createTaobaoSandbox>['catalog'];
let adapter: ReturnType<typeof createTaobaoAdapter>;

async function admin(path: string, body?: unknown): Promise<any> {
  const init = body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  return (await fetch(`${sandbox.url}/__sandbox${path}`, init)).json();
}

const lookup = (ids: string[], selection: string[], credentials: TaobaoCredentials = CRED) =>
  adapter.lookup!(ids, new Set(selection), { credentials });

const setFaults = (faults: FaultRule[]) => admin('/faults', { faults });

beforeAll(async () => {
  const taobao = createTaobaoSandbox({ seed: 11, size: 300 });
  catalog = taobao.catalog;
  sandbox = await startSandbox({ platforms: [taobao], rateLimits: { taobao: { limit: 1000, windowMs: 1000 } } });
  adapter = createTaobaoAdapter({ baseUrl: sandbox.baseUrls.taobao, timeoutMs: 2000 });
});

afterAll(() => sandbox.close());

beforeEach(async () => {
  await admin('/reset', {});
  await setFaults([]);
});

describe('Taobao adapter lookup', () => {
  it('maps the API page example item', async () => {
    const [product] = (await lookup([EXAMPLE_ID], ['title', 'status', 'price', 'skus', 'skus.price', 'skus.id', 'stock'])) as [Product];
    expect(product).toMatchObject({
      platformProductId: EXAMPLE_ID,
      title: 'Google test item',
      status: 'ON_SALE',
      stock: { available: 100 },
    });
    expect(product.price?.min?.amount).toBe('200.07');
    expect(product.skus?.map((s) => [s.platformSkuId, s.price?.amount])).toEqual([['123', '200.07']]);
  });

  it('sends 50 ids as one signed call carrying all 50 num_iids', async () => {
    const ids = [...catalog.items.keys()].slice(0, 50);
    const results = await lookup(ids, ['title']);
    expect(results.map((r) => (r as Product).platformProductId)).toEqual(ids);
    expect((await admin('/stats')).calls).toEqual({ 'taobao:taobao.miniapp.items.get': 1 });
    const [request] = (await admin('/requests?platform=taobao')).requests;
    expect(request.params.num_iids).toEqual(ids);
    expect(request.outcome).toBe('ok');
  });

  it('sends only num_iid,title for a title selection', async () => {
    await lookup([EXAMPLE_ID], ['title']);
    expect((await admin('/requests?platform=taobao')).requests[0].params.fields).toBe('num_iid,title');
  });

  it('sends sku.price,sku.sku_id for skus { price { amount } } and gets the SKU prices back', async () => {
    const [product] = (await lookup([EXAMPLE_ID], ['skus', 'skus.price', 'skus.price.amount'])) as [Product];
    expect((await admin('/requests?platform=taobao')).requests[0].params.fields).toBe('num_iid,sku.price,sku.sku_id');
    expect(product.skus?.[0]?.price?.amount).toBe('200.07');
  });

  it('fills every selected field from what the fields it sent brought back', async () => {
    const selection = [
      'title',
      'subtitle',
      'description',
      'images',
      'brand',
      'categoryIds',
      'status',
      'rawStatus',
      'price',
      'stock',
      'attributes',
      'createdAt',
      'updatedAt',
      'outerId',
    ];
    const id = [...catalog.items.entries()].find(([, item]) => item.sub_title && item.outer_id && item.approve_status === 'onsale')![0];
    const [product] = (await lookup([id], selection)) as [Product];
    for (const field of selection) expect(product[field as keyof Product], field).not.toBeNull();
    expect((await admin('/requests?platform=taobao')).requests[0].params.fields).toBe(toTopFields(new Set(selection)));
  });

  it('asks for every field for raw, and raw is the record as the sandbox holds it', async () => {
    const [product] = (await lookup([EXAMPLE_ID], ['raw'])) as [Product];
    expect(product.raw).toEqual(catalog.items.get(EXAMPLE_ID));
  });

  it('answers NotFoundError for unknown and deleted ids, in order', async () => {
    const known = [...catalog.items.keys()][3]!;
    const deleted = catalog.deletedIds[0]!;
    const results = await lookup(['77', known, deleted], ['title']);
    expect(results[0]).toBeInstanceOf(NotFoundError);
    expect((results[1] as Product).platformProductId).toBe(known);
    expect(results[2]).toBeInstanceOf(NotFoundError);
    expect((results[2] as NotFoundError).id).toBe(deleted);
  });

  it.each(['md5', 'hmac'] as const)('signs with %s too', async (signMethod) => {
    const [product] = await lookup([EXAMPLE_ID], ['title'], { ...CRED, signMethod });
    expect((product as Product).title).toBe('Google test item');
  });
});

describe('Taobao adapter error mapping', () => {
  async function failureOf(promise: Promise<Array<Product | Error>>): Promise<UpstreamError> {
    const results = await promise;
    expect(results.every((r) => r === results[0])).toBe(true);
    expect(results[0]).toBeInstanceOf(UpstreamError);
    return results[0] as UpstreamError;
  }

  it('maps a wrong secret (25) to UPSTREAM_AUTH for every id of the call', async () => {
    const err = await failureOf(lookup([EXAMPLE_ID, '5'], ['title'], { ...CRED, appSecret: 'wrong' }));
    expect([err.code, err.upstreamCode, err.retryable]).toEqual(['UPSTREAM_AUTH', '25', false]);
  });

  it('maps an invalid session (27) to UPSTREAM_AUTH', async () => {
    const err = await failureOf(lookup([EXAMPLE_ID], ['title'], { ...CRED, session: 'revoked' }));
    expect([err.code, err.upstreamCode]).toEqual(['UPSTREAM_AUTH', '27/invalid-sessionkey']);
  });

  it('maps an invalid app key (29) to UPSTREAM_AUTH', async () => {
    expect((await failureOf(lookup([EXAMPLE_ID], ['title'], { ...CRED, appKey: '999' }))).code).toBe('UPSTREAM_AUTH');
  });

  it('maps a clock 11 minutes off (31 Invalid timestamp) to UPSTREAM_AUTH', async () => {
    const skewed = createTaobaoAdapter({ baseUrl: sandbox.baseUrls.taobao, timeoutMs: 2000, now: () => Date.now() - 11 * 60_000 });
    const err = await failureOf(skewed.lookup!([EXAMPLE_ID], new Set(['title']), { credentials: CRED }));
    expect([err.code, err.upstreamCode]).toEqual(['UPSTREAM_AUTH', '31']);
  });

  it('maps the rate limit (7) to UPSTREAM_RATE_LIMITED with the ban as retryAfterMs', async () => {
    await setFaults([{ platform: 'taobao', kind: 'error', code: 7, count: 1 }]);
    const err = await failureOf(lookup([EXAMPLE_ID], ['title']));
    expect([err.code, err.retryable, err.retryAfterMs]).toEqual(['UPSTREAM_RATE_LIMITED', true, 1000]);
  });

  it('maps 10 and 15/isp.* to a retryable UPSTREAM_UNAVAILABLE, 15/isv.* to UPSTREAM_REJECTED', async () => {
    await setFaults([{ platform: 'taobao', kind: 'error', code: 10, count: 1 }]);
    expect((await failureOf(lookup([EXAMPLE_ID], ['title']))).code).toBe('UPSTREAM_UNAVAILABLE');
    await setFaults([{ platform: 'taobao', kind: 'error', code: '15/isp.remote-service-timeout', count: 1 }]);
    const isp = await failureOf(lookup([EXAMPLE_ID], ['title']));
    expect([isp.code, isp.retryable]).toEqual(['UPSTREAM_UNAVAILABLE', true]);
    await setFaults([{ platform: 'taobao', kind: 'error', code: '15/isv.item-is-locked', count: 1 }]);
    expect((await failureOf(lookup([EXAMPLE_ID], ['title']))).code).toBe('UPSTREAM_REJECTED');
  });

  it('maps 40/41 to UPSTREAM_REJECTED', async () => {
    await setFaults([{ platform: 'taobao', kind: 'error', code: 41, count: 1 }]);
    expect((await failureOf(lookup([EXAMPLE_ID], ['title']))).code).toBe('UPSTREAM_REJECTED');
  });

  it('maps transport trouble: 502 and resets are UNAVAILABLE, a non-JSON body is BAD_RESPONSE, a hang is TIMEOUT', async () => {
    await setFaults([{ platform: 'taobao', kind: 'http', status: 502, count: 1 }]);
    expect((await failureOf(lookup([EXAMPLE_ID], ['title']))).code).toBe('UPSTREAM_UNAVAILABLE');
    await setFaults([{ platform: 'taobao', kind: 'reset', count: 1 }]);
    expect((await failureOf(lookup([EXAMPLE_ID], ['title']))).code).toBe('UPSTREAM_UNAVAILABLE');
    await setFaults([{ platform: 'taobao', kind: 'non-json', count: 1 }]);
    expect((await failureOf(lookup([EXAMPLE_ID], ['title']))).code).toBe('UPSTREAM_BAD_RESPONSE');
    await setFaults([{ platform: 'taobao', kind: 'hang', count: 1 }]);
    const fast = createTaobaoAdapter({ baseUrl: sandbox.baseUrls.taobao, timeoutMs: 200 });
    const results = await fast.lookup!([EXAMPLE_ID], new Set(['title']), { credentials: CRED });
    expect((results[0] as UpstreamError).code).toBe('UPSTREAM_TIMEOUT');
  });
});
