/**
 * `npx tsx bench/call-counts.ts`: the upstream calls and pushed-down projections of the batching cases
 * (issue 3), measured through the sandbox's request log: gateway and sandbox in this process on free
 * ports, as the integration tests run them.
 */
import { deriveSeed } from '../src/sandbox/data/random';
import { createTaobaoSandbox } from '../src/sandbox/platforms/taobao';
import { startStack } from '../test/helpers/stack';

const SEED = 7;
const SIZE = 200;
const stack = await startStack({ seed: SEED, size: SIZE });
// The same catalog the sandbox generated, to pick ids that exist (deleted ones are absent upstream).
const taobaoIds = [...createTaobaoSandbox({ seed: deriveSeed(SEED, 'taobao'), size: SIZE }).catalog.items.keys()].map(String);
// Warm the token caches, so the figures are the lookups' own.
await stack.query(
  `{ x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } w: product(platform: WECHAT_SHOP, id: "12345") { title } }`,
);

async function show(label: string, query: string, variables?: Record<string, unknown>): Promise<void> {
  const { result, calls, requests } = await stack.measure(() => stack.query(query, variables));
  const sent = requests.map((r) => {
    const ids = r.params.num_iids;
    const detail = [
      Array.isArray(ids) ? `${ids.length} num_iids` : '',
      r.params.fields ? `fields=${textOf(r.params.fields)}` : '',
      r.params.body ? `body=${textOf(r.params.body)}` : '',
    ];
    return `${r.operation}${detail.some(Boolean) ? ` (${detail.filter(Boolean).join(', ')})` : ''}`;
  });
  console.log(`${label}\n  calls: ${JSON.stringify(calls)}  errors: ${result.errors?.length ?? 0}\n  sent: ${sent.join('; ')}`);
}

await show(
  'a: products(TAOBAO, 120 ids) + b: product(TAOBAO, 1 more id)',
  `query($ids: [ID!]!, $id: ID!) { a: products(platform: TAOBAO, ids: $ids) { title } b: product(platform: TAOBAO, id: $id) { title } }`,
  { ids: taobaoIds.slice(0, 120), id: taobaoIds[120] },
);
await show(
  'one id three times: alias, products (twice), node',
  `query($n: ID!) { a: product(platform: TAOBAO, id: "1489161932") { title } b: products(platform: TAOBAO, ids: ["1489161932", "1489161932"]) { title } c: node(id: $n) { id } }`,
  { n: Buffer.from('Product:TAOBAO:1489161932').toString('base64url') },
);
await show('Taobao { title }', `{ product(platform: TAOBAO, id: "1489161932") { title } }`);
await show(
  'Taobao { title skus { price { amount } } }',
  `{ product(platform: TAOBAO, id: "1489161932") { title skus { price { amount } } } }`,
);
await show('Xiaoe { title }', `{ product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } }`);
await show(
  'Xiaoe { stock { available } skus { name } }',
  `{ product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { stock { available } skus { name } } }`,
);
await show('WeChat { title skus { id } }', `{ product(platform: WECHAT_SHOP, id: "12345") { title skus { id } } }`);
await show('WeChat { skus { price { amount } } }', `{ product(platform: WECHAT_SHOP, id: "12345") { skus { price { amount } } } }`);
await stack.close();

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
