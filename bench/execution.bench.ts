/**
 * `npx tsx bench/execution.bench.ts`: GraphQL execution alone (no HTTP, no upstream) of scenario S2's
 * document (50 Taobao products with SKUs and prices) over mapped sandbox records, graphql-js against the
 * graphql-jit executor the server uses. Reports µs per execution; checks both give the same result.
 */
import { createRequire } from 'node:module';
import type * as GraphQL from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Product } from '../src/generated/graphql';
import { toTaobaoProduct } from '../src/platforms/taobao/mapper';
import { createTaobaoSandbox } from '../src/sandbox/platforms/taobao';
import { buildSchema } from '../src/server/schema';

// bench/ has its own node_modules (Mesh brings a graphql of its own): take the project's graphql, the one
// the schema below is built with.
const { execute, parse } = createRequire(new URL('../package.json', import.meta.url))('graphql') as typeof GraphQL;

const ROUNDS = Number(process.env.ROUNDS ?? 2000);
const schema = buildSchema();
const catalog = createTaobaoSandbox({ seed: 1, size: 200 }).catalog;
const products = new Map<string, Product>(
  [...catalog.items.values()].slice(0, 50).map((item) => [String(item.num_iid), toTaobaoProduct(item)]),
);
const document = parse(`query($ids: [ID!]!) { products(platform: TAOBAO, ids: $ids) {
  id title price { min { amount currency } max { amount currency } } skus { id price { amount currency } stock { available } } } }`);
const variables = { ids: [...products.keys()] };
// Just what the resolvers read: the platform's id check and a lookup answered from memory.
const contextValue = () => ({
  platforms: new Map([['TAOBAO', { adapter: { validateId: () => undefined, lookup: true } }]]),
  loaders: { forPlatform: () => async (id: string) => products.get(id) },
});

async function timeIt(name: string, run: () => unknown): Promise<number> {
  for (let i = 0; i < ROUNDS / 10; i++) await run();
  const start = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) await run();
  const micros = Number(process.hrtime.bigint() - start) / 1e3 / ROUNDS;
  console.log(`${name.padEnd(11)} ${micros.toFixed(0).padStart(6)} µs per execution`);
  return micros;
}

const compiled = compileQuery(schema, document);
if (!isCompiledQuery(compiled)) throw new Error(`compile failed: ${JSON.stringify(compiled.errors)}`);
const expected = JSON.stringify(await execute({ schema, document, variableValues: variables, contextValue: contextValue() }));
if (JSON.stringify(await compiled.query(undefined, contextValue(), variables)) !== expected)
  throw new Error('graphql-jit answered differently');
const js = await timeIt('graphql-js', () => execute({ schema, document, variableValues: variables, contextValue: contextValue() }));
const jit = await timeIt('graphql-jit', () => compiled.query(undefined, contextValue(), variables));
console.log(`graphql-jit takes ${(jit / js).toFixed(2)}x the time of graphql-js`);
