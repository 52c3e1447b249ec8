/**
 * `PATCH /__sandbox/products/<platform>/<id>` (issue 10 item 5): upstream field values deep-merged into
 * the stored record (arrays replaced), answered back, and seen by every later lookup and list page of
 * that merchant only; reset keeps them; admin calls are not platform calls.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { merchantCredentials } from '../../src/sandbox/merchants';
import { EXAMPLE_IDS, MerchantClient, sandboxAdmin, type Json } from './merchantClients';

let sandbox: RunningSandbox;
let own: MerchantClient;
let m2: MerchantClient;

beforeAll(async () => {
  // One sandbox per describe would cost more than it isolates: each test patches records no other test reads.
  sandbox = await startSandbox({ port: 0, seed: 99, size: 40 });
  own = new MerchantClient(sandbox, SANDBOX_CREDENTIALS);
  m2 = new MerchantClient(sandbox, merchantCredentials('m2'));
});
afterAll(() => sandbox.close());
afterEach(() => sandboxAdmin(sandbox, '/reset', {}));

function patch(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  return sandboxAdmin(sandbox, `/products/${path}`, body, 'PATCH');
}

describe('Sandbox product patch: Taobao', () => {
  it('merges the fields, answers the stored item, and later lookups return it; other merchants keep theirs', async () => {
    const { status, body } = await patch(`taobao/${EXAMPLE_IDS.taobao}`, {
      title: 'Patched item',
      price: '9.99',
      skus: { sku: [{ sku_id: 123, price: '9.99', quantity: 3 }] },
    });
    expect(status).toBe(200);
    expect(body.product).toMatchObject({
      num_iid: 1489161932,
      title: 'Patched item',
      price: '9.99',
      nick: 'tbtest561',
      skus: { sku: [{ sku_id: 123, price: '9.99', quantity: 3 }] },
    });
    expect(body.product.skus.sku[0]).not.toHaveProperty('outer_id');
    const item = (await own.taobaoItems([EXAMPLE_IDS.taobao], 'title,price,nick,sku')).miniapp_items_get_response.items.item[0];
    expect(item).toMatchObject({
      title: 'Patched item',
      price: '9.99',
      nick: 'tbtest561',
      skus: { sku: [{ sku_id: 123, price: '9.99', quantity: 3 }] },
    });
    const other = (await m2.taobaoItems([EXAMPLE_IDS.taobao], 'title')).miniapp_items_get_response.items.item[0];
    expect(other.title).toBe('Google test item (m2)');
  });

  it('patches only the merchant named by ?merchant=', async () => {
    expect((await patch(`taobao/${EXAMPLE_IDS.taobao}?merchant=m2`, { num: 1 })).body.product).toMatchObject({
      title: 'Google test item (m2)',
      num: 1,
    });
    expect((await m2.taobaoItems([EXAMPLE_IDS.taobao], 'num')).miniapp_items_get_response.items.item[0].num).toBe(1);
  });
});

describe('Sandbox product patch: Xiaoe', () => {
  it('merges nested fields, and the detail and list calls (and their filters) follow', async () => {
    const token = await own.xiaoeToken();
    expect((await own.xiaoeList({ goods_name: '呜呜' }, token)).data.total).toBe(1);
    const { body } = await patch(`xiaoe/${EXAMPLE_IDS.xiaoe}`, { goods_name: '哈哈', sale_status: 0, extend: { stock: 5 } });
    expect(body.product).toMatchObject({
      resource_id: EXAMPLE_IDS.xiaoe,
      goods_name: '哈哈',
      sale_status: 0,
      extend: { stock: 5, sell_num: 2 },
    });
    const detail = (await own.xiaoeDetail([EXAMPLE_IDS.xiaoe], token)).data[0];
    expect(detail).toMatchObject({ goods_name: '哈哈', sale_status: 0, extend: { stock: 5, sell_num: 2 } });
    expect((await own.xiaoeList({ goods_name: '呜呜' }, token)).data.total).toBe(0);
    const renamed = await own.xiaoeList({ goods_name: '哈哈', sale_status: 0 }, token);
    expect(renamed.data.list.map((g: Json) => g.resource_id)).toEqual([EXAMPLE_IDS.xiaoe]);
    expect((await m2.xiaoeDetail([EXAMPLE_IDS.xiaoe])).data[0].goods_name).toBe('呜呜 (m2)');
  });
});

describe('Sandbox product patch: WeChat', () => {
  it('patches a spu by product_id, and get_list moves it to its new status', async () => {
    const token = await own.wechatToken();
    const listed = async (status: number) =>
      ((await own.wechat('/product/spu/get_list', { status, page: 1, page_size: 300 }, token)).spus as Json[]).map((s) => s.product_id);
    expect(await listed(5)).toContain(12345);
    const { body } = await patch('wechat/12345', { title: 'Patched Switch', status: 11 });
    expect(body.product).toMatchObject({ product_id: 12345, title: 'Patched Switch', status: 11, min_price: 100 });
    expect((await own.wechat('/product/spu/get', { product_id: 12345 }, token)).data.spu.title).toBe('Patched Switch');
    expect(await listed(5)).not.toContain(12345);
    expect((await listed(11))[0]).toBe(12345);
  });

  it('patches a SKU by sku_id; a patched stock_num is the live stock too', async () => {
    const token = await own.wechatToken();
    const { body } = await patch('wechat/1002', { stock_num: 7, sale_price: 999 });
    expect(body.product).toMatchObject({ sku_id: 1002, stock_num: 7, sale_price: 999, sku_code: 'A24525252' });
    const live = await own.wechat('/product/sku/get', { sku_id: 1002, need_real_stock: 1 }, token);
    expect(live.data).toMatchObject({ stock_num: 7, sale_price: 999 });
    const list = await own.wechat('/product/sku/get_list', { product_id: 12345 }, token);
    expect(list.skus.map((s: Json) => s.sale_price)).toEqual([100, 999]);
  });

  it('patches a generated product, keeping the fields the patch does not name', async () => {
    const token = await own.wechatToken();
    const first = (await own.wechat('/product/spu/get_list', { status: 5, page: 1, page_size: 2 }, token)).spus[1] as Json;
    await patch(`wechat/${first.product_id}`, { sub_title: 'patched' });
    expect((await own.wechat('/product/spu/get', { product_id: first.product_id }, token)).data.spu).toMatchObject({
      title: first.title,
      sub_title: 'patched',
    });
  });
});

describe('Sandbox product patch: Xiaohongshu', () => {
  it('Ark: patches the hit and re-lists it by its new update_time and stock', async () => {
    const { body } = await patch(`xhs-ark/${EXAMPLE_IDS['xhs-ark']}`, { item: { stock: 42, update_time: 1_700_000_000 } });
    expect(body.product.item).toMatchObject({
      id: EXAMPLE_IDS['xhs-ark'],
      stock: 42,
      update_time: 1_700_000_000,
      name: 'RED test high heel 灰色 39',
    });
    const old = await own.arkItems({ update_time_from: '1491827455', update_time_to: '1491827455' });
    expect(old.data.hits).toEqual([]);
    const moved = await own.arkItems({ update_time_from: '1700000000', update_time_to: '1700000000', stock_gte: '42' });
    expect(moved.data.hits.map((h: Json) => [h.item.id, h.item.stock])).toEqual([[EXAMPLE_IDS['xhs-ark'], 42]]);
  });

  it('mini-program: patches the product and re-lists it under its new status', async () => {
    const ids = async (status: number) =>
      ((await own.miniappPage({ page_no: 0, page_size: 100, status })).data.list as Json[]).map((p) => p.item_id);
    expect(await ids(0)).toContain('string');
    const { body } = await patch('xhs-miniapp/string', { name: 'patched', status: 2, biz_update_time: 1_800_000_000_000 });
    expect(body.product).toMatchObject({ item_id: 'string', name: 'patched', status: 2, out_product_id: 'string' });
    expect(await ids(0)).not.toContain('string');
    const online = (await own.miniappPage({ page_no: 0, page_size: 1, status: 2 })).data.list[0];
    expect(online).toMatchObject({ item_id: 'string', name: 'patched' });
  });
});

describe('Sandbox product patch: contract', () => {
  it('is not a platform call, and reset keeps the patch', async () => {
    await patch(`taobao/${EXAMPLE_IDS.taobao}?merchant=m3`, { title: 'kept' });
    expect((await sandboxAdmin(sandbox, '/stats')).body.calls).toEqual({});
    expect((await sandboxAdmin(sandbox, '/requests')).body.requests).toEqual([]);
    await sandboxAdmin(sandbox, '/reset', {});
    const m3 = new MerchantClient(sandbox, merchantCredentials('m3'));
    expect((await m3.taobaoItems([EXAMPLE_IDS.taobao], 'title')).miniapp_items_get_response.items.item[0].title).toBe('kept');
  });

  it.each([
    ['an unknown platform', 'nowhere/1', 404, 'no such platform'],
    ['no id', 'taobao', 404, 'no such product'],
    ['an unknown Taobao id', 'taobao/1', 404, 'no such product'],
    ['an unknown Xiaoe id', 'xiaoe/a_nobody', 404, 'no such product'],
    ['an unknown WeChat id', 'wechat/99', 404, 'no such product'],
    ['a WeChat id that is not a number', 'wechat/abc', 404, 'no such product'],
    ['an unknown Ark id', 'xhs-ark/nobody', 404, 'no such product'],
    ['an unknown mini-program id', 'xhs-miniapp/nobody', 404, 'no such product'],
    ['an unknown merchant', `taobao/${EXAMPLE_IDS.taobao}?merchant=m9`, 404, 'no such merchant'],
  ])('answers %s with %i', async (_what, path, status, error) => {
    const res = await patch(path, { title: 'x' });
    expect(res).toMatchObject({ status, body: { error } });
  });

  it.each([
    ['an array', [1]],
    ['a string', '"title"'],
    ['text that is not JSON', '{title'],
    ['null', 'null'],
  ])('refuses %s as the body with 400', async (_what, body) => {
    const res = await patch(`taobao/${EXAMPLE_IDS.taobao}`, body);
    expect(res).toMatchObject({ status: 400, body: { error: 'body must be a JSON object of upstream field values' } });
  });

  it.each([
    ['taobao', EXAMPLE_IDS.taobao, { num_iid: 1 }, 'num_iid'],
    ['xiaoe', EXAMPLE_IDS.xiaoe, { resource_type: 1 }, 'resource_type'],
    ['wechat', '12345', { product_id: 1 }, 'product_id'],
    ['wechat', '1001', { sku_id: 1 }, 'sku_id'],
    ['xhs-ark', EXAMPLE_IDS['xhs-ark'], { item: { id: 'x' } }, 'item.id'],
    ['xhs-miniapp', 'string', { item_id: 'x' }, 'item_id'],
  ])('refuses to change the id field of %s %s', async (platform, id, body, field) => {
    const res = await patch(`${platform}/${id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(field);
  });

  it.each([
    ['taobao', EXAMPLE_IDS.taobao, { skus: { sku: 5 } }, 'skus'],
    ['taobao', EXAMPLE_IDS.taobao, { item_imgs: [] }, 'item_imgs'],
    ['xhs-ark', EXAMPLE_IDS['xhs-ark'], { item: null }, 'item'],
  ])('refuses a %s patch that breaks the record shape the answers are built from', async (platform, id, body, field) => {
    const res = await patch(`${platform}/${id}`, body);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain(field);
  });

  it('refuses a __proto__ key and leaves the record as it was', async () => {
    const res = await patch(`taobao/${EXAMPLE_IDS.taobao}?merchant=m2`, JSON.parse('{"props": "1:2", "__proto__": {"polluted": true}}'));
    expect(res.status).toBe(400);
    expect(({} as Json).polluted).toBeUndefined();
    expect((await m2.taobaoItems([EXAMPLE_IDS.taobao], 'props')).miniapp_items_get_response.items.item[0].props).toBe('135255:344454');
  });

  it('answers another method with 405 and an Allow header', async () => {
    const res = await fetch(`${sandbox.url}/__sandbox/products/taobao/${EXAMPLE_IDS.taobao}`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('PATCH');
  });
});
