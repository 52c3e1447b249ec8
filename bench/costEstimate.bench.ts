/**
 * `npx tsx bench/costEstimate.bench.ts`: CPU µs of one cost estimate (src/cost/estimateCost.ts) of
 * `npm run bench`'s S1 and S2 documents, each call with ids never sent before, as every request of the
 * cache-miss bench has; median of `ROUNDS` (5) samples of 5000 estimates, after a warm-up.
 */
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { loadConfig } from '../src/config/config';
import { estimateCost } from '../src/cost/estimateCost';
import { buildPlatformRegistry } from '../src/platforms';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials';
import { buildSchema } from '../src/server/schema';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const SAMPLE = 5000;

const DOCUMENTS = {
  S1: { query: `query S1($id: ID!) { product(platform: TAOBAO, id: $id) { id title rawStatus outerId createdAt } }`, ids: 1 },
  S2: {
    query: `query S2($ids: [ID!]!) { products(platform: TAOBAO, ids: $ids) {
      id title price { min { amount currency } max { amount currency } }
      skus { id price { amount currency } stock { available } } } }`,
    ids: 50,
  },
};

// Estimating sends nothing: the sandbox port below has no server behind it.
const config = loadConfig({ SANDBOX_PORT: '9' }, SANDBOX_CREDENTIALS);
const platforms = buildPlatformRegistry(config);
const ctx = { platforms, credentials: config.credentials, deadline: 0 };
const schema = buildSchema();
let nextId = 5_200_000_000_000;

for (const [name, { query, ids }] of Object.entries(DOCUMENTS)) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const variables = (): Record<string, unknown> => {
    const fresh = Array.from({ length: ids }, () => String(nextId++));
    return ids === 1 ? { id: fresh[0] } : { ids: fresh };
  };
  const run = (inputs: Array<Record<string, unknown>>): number => {
    let calls = 0;
    for (const input of inputs) calls += estimateCost(schema, document, operation, input, ctx).calls;
    return calls;
  };
  run(Array.from({ length: SAMPLE }, variables));
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const inputs = Array.from({ length: SAMPLE }, variables);
    const start = process.cpuUsage();
    run(inputs);
    const { user, system } = process.cpuUsage(start);
    samples.push((user + system) / SAMPLE);
  }
  samples.sort((a, b) => a - b);
  console.log(`${name}: ${samples[Math.floor(samples.length / 2)]!.toFixed(1)} µs CPU per estimate (median of ${ROUNDS})`);
}
for (const entry of platforms.values()) entry.guard.close();
