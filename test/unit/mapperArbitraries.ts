/**
 * fast-check generators of upstream records, one per platform, within each API page's documented types
 * and shapes (docs/platforms.md), mixed with the odd values pages and real upstreams produce: zero and
 * negative numbers, numbers beyond 2^53, decimal text where a number is documented, empty strings,
 * `0000-00-00 00:00:00`, impossible dates, times in the other unit, undocumented status codes.
 */
import fc from 'fast-check';

/** Mostly documented values, sometimes odd ones. */
function mostly<T>(usual: fc.Arbitrary<T>, ...odd: Array<fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: usual, weight: 4 }, ...odd.map((arbitrary) => ({ arbitrary, weight: 1 })));
}

const oddNumber = fc.constantFrom(-1, 0.5, 2 ** 53 + 2, 1e21, -0);
const fen = mostly(fc.integer({ min: 0, max: 10_000_000_00 }), oddNumber, fc.constantFrom('1999', '', null));
const count = mostly(fc.integer({ min: 0, max: 1_000_000 }), oddNumber, fc.constant(null));

const shanghaiLocal = fc
  .date({ min: new Date(Date.UTC(2000, 0, 2)), max: new Date(Date.UTC(2099, 0, 1)), noInvalidDate: true })
  .map((d) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' '));
const localTime = mostly(
  shanghaiLocal,
  fc.constantFrom('0000-00-00 00:00:00', '2021-02-30 00:00:00', '1999-12-31 23:59:59', '', 'yesterday', '2000-01-01 00:00:00'),
);

const unixSeconds = fc.integer({ min: 946_684_800, max: 4_000_000_000 });
const unixTime = mostly(
  fc.oneof(
    unixSeconds,
    unixSeconds.map((s) => s * 1000 + 123),
  ),
  fc.constantFrom(0, -5, 1, 1_000_000, 99_999_999_999, 8.64e15, '1700000000', null),
);

const yuanText = mostly(
  fc.integer({ min: 0, max: 10_000_000_000 }).map((f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`),
  fc.constantFrom('', 'abc', '-1.00', '5.005', '1e5', '99999999999999999.99', ' 7.10 '),
);
const yuanNumber = mostly(
  fc.integer({ min: 0, max: 10_000_000 }).map((f) => f / 100),
  fc.constantFrom(252.69999999999999, -1, 1e20, 0.005, null),
);

export const topItem = fc.record(
  {
    num_iid: fc.integer({ min: 1, max: 2 ** 40 }),
    title: fc.string(),
    approve_status: mostly(fc.constantFrom('onsale', 'instock'), fc.constantFrom('deleted', '')),
    price: yuanText,
    num: count,
    created: localTime,
    modified: localTime,
    skus: fc.record({
      sku: fc.array(
        fc.record(
          {
            sku_id: fc.integer({ min: 1, max: 1e9 }),
            price: yuanText,
            status: mostly(fc.constantFrom('normal', 'delete'), fc.constantFrom('frozen', '')),
            quantity: count,
          },
          { requiredKeys: ['sku_id'] },
        ),
        { maxLength: 5 },
      ),
    }),
  },
  { requiredKeys: ['num_iid'] },
);

const xiaoeSkuIds = fc.constantFrom('S1', 'S2', 'S3', 'S4');
const flag = mostly(fc.constantFrom(0, 1), fc.constantFrom('1', '0', null, 2));

export const xiaoeRecord = fc.record(
  {
    resource_id: fc.constantFrom('a_619fba7ae4b03f3fb99c7809', 'i_5f1d'),
    resource_type: fc.constantFrom(2, 21),
    goods_name: fc.string(),
    sale_status: mostly(fc.constantFrom(0, 1, 2), fc.constantFrom(3, '1', null)),
    is_deleted: flag,
    is_forbid: flag,
    is_stop_sell: flag,
    price_low: fen,
    price_high: fen,
    created_at: localTime,
    updated_at: localTime,
    sku: fc.uniqueArray(
      fc.record({
        sku_id: xiaoeSkuIds,
        sku_price: fen,
        sku_line_price: mostly(fc.integer({ min: 0, max: 100_000 }).map(String), fen),
        state: mostly(fc.constantFrom(0, 1), fc.constantFrom('1', 7, null)),
        is_deleted: flag,
      }),
      { maxLength: 4, selector: (sku) => sku.sku_id },
    ),
    stock: fc.array(
      fc.record({
        sku_id: xiaoeSkuIds,
        stock_type: fc.constantFrom(0, 0, 0, 2),
        setting_stock: count,
        sell_num: count,
        left_num: count,
        is_deleted: flag,
      }),
      { maxLength: 6 },
    ),
  },
  { requiredKeys: ['resource_id', 'resource_type'] },
);

const wechatStatus = mostly(fc.constantFrom(0, 5, 6, 9, 11, 12, 13), fc.constantFrom(7, '5', null));

export const wechatSpu = fc.record(
  {
    product_id: fc.integer({ min: 1, max: 2 ** 50 }),
    title: fc.string(),
    status: wechatStatus,
    edit_status: mostly(fc.constantFrom(0, 1, 2, 3, 4), fc.constantFrom(9, '2')),
    min_price: fen,
    create_time: localTime,
    update_time: localTime,
    audit_info: fc.record({ submit_time: localTime, audit_time: localTime, reject_reason: fc.string() }),
  },
  { requiredKeys: ['product_id'] },
);

export const wechatSkus = fc.option(
  fc.uniqueArray(
    fc.record(
      { sku_id: fc.integer({ min: 1, max: 1e12 }), sale_price: fen, market_price: fen, stock_num: count, status: wechatStatus },
      { requiredKeys: ['sku_id'] },
    ),
    { maxLength: 5, selector: (sku) => sku.sku_id },
  ),
  { nil: undefined },
);

export const arkHit = fc.record({
  item: fc.record(
    {
      id: fc.stringMatching(/^[0-9a-f]{24}$/),
      name: fc.option(fc.string(), { nil: null }),
      status: mostly(fc.constantFrom('0', '1', '2'), fc.constantFrom(0, 1, 2, '3', null)),
      buyable: mostly(fc.boolean(), fc.constantFrom('true', null)),
      is_frozen: mostly(fc.boolean(), fc.constant(null)),
      stock: count,
      price: yuanNumber,
      original_price: yuanNumber,
      create_time: unixTime,
      update_time: unixTime,
    },
    { requiredKeys: ['id'] },
  ),
});

export const miniappProduct = fc.record(
  {
    item_id: fc.stringMatching(/^[0-9a-f]{24}$/),
    name: fc.string(),
    desc: fc.string(),
    status: mostly(fc.integer({ min: 0, max: 6 }), fc.constantFrom(9, -1)),
    biz_create_time: unixTime,
    biz_update_time: unixTime,
    skus: fc.array(
      fc.record({
        sku_id: fc.option(fc.stringMatching(/^[a-z0-9]{1,8}$/), { nil: null }),
        sale_price: fen,
        origin_price: fen,
        status: mostly(fc.constantFrom(0, 1), fc.constantFrom(2, null)),
      }),
      { maxLength: 4 },
    ),
    audit_info: fc.option(
      fc.record({ submit_time: unixTime, audit_time: unixTime, reject_reason: fc.option(fc.string(), { nil: null }) }),
      { nil: null },
    ),
  },
  { requiredKeys: ['item_id'] },
);
