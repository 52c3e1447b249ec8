/**
 * `npm run demo:supergraph`: the sandbox, the catalog gateway (a Federation v2 subgraph), the example
 * `orders` and `reviews` subgraphs, and Apollo Gateway over the composed supergraph. Runs a sample
 * query across the subgraphs, prints it with its answer and what it cost upstream, then keeps serving
 * until Ctrl-C (`DEMO_EXIT=1` stops at once). Ports: `PORT` (catalog, 4000), `SANDBOX_PORT` (4010),
 * `SUPERGRAPH_PORT` (4100); orders and reviews take the two ports after the supergraph's.
 */
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { startSandbox } from '../../src/sandbox';
import { deriveSeed } from '../../src/sandbox/data/random';
import { resolveSandboxOptions } from '../../src/sandbox/options';
import { buildTaobaoCatalog } from '../../src/sandbox/platforms/taobao/catalog';
import { startGatewayServer } from '../../src/server/httpServer';
import { startOrdersSubgraph, type Order } from './orders';
import { startReviewsSubgraph } from './reviews';
import { composeSupergraph, startSupergraphGateway } from './supergraph';

const SAMPLE_QUERY = `{
  order(id: "1001") {
    id
    lines { quantity product { platform platformProductId title price { min { amount currency } } } }
  }
  reviews { rating product { id title } }
}`;

/** Some generated Taobao items of the default sandbox catalog (the one `npm start` serves). */
function sandboxTaobaoIds(count: number): string[] {
  const { seed, size } = resolveSandboxOptions();
  const ids = [...buildTaobaoCatalog({ seed: deriveSeed(seed, 'taobao'), size: size.taobao }).items.keys()];
  return ids.filter((id) => id !== '1489161932').slice(0, count);
}

function exampleOrders(taobaoIds: string[]): Order[] {
  return [
    {
      id: '1001',
      lines: [
        { quantity: 1, platform: 'TAOBAO', platformProductId: '1489161932' },
        ...taobaoIds.map((id, i) => ({ quantity: i + 2, platform: 'TAOBAO', platformProductId: id })),
        { quantity: 1, platform: 'XIAOE', platformProductId: '2:a_619fba7ae4b03f3fb99c7809' },
        { quantity: 2, platform: 'WECHAT_SHOP', platformProductId: '12345' },
      ],
    },
  ];
}

const productGlobalId = (platform: string, id: string) => Buffer.from(`Product:${platform}:${id}`, 'utf8').toString('base64url');

async function sandboxCalls(sandboxUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${sandboxUrl}/__sandbox/stats`);
  return ((await res.json()) as { calls: Record<string, number> }).calls;
}

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, SANDBOX: 'on', FEDERATION: 'on' });
  const sandbox = await startSandbox({ port: config.sandbox!.port, host: '127.0.0.1' });
  const catalog = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: config.port, host: config.host });
  const supergraphPort = Number(process.env.SUPERGRAPH_PORT ?? 4100);
  const taobaoIds = sandboxTaobaoIds(2);
  const orders = await startOrdersSubgraph(exampleOrders(taobaoIds), supergraphPort + 1);
  const reviews = await startReviewsSubgraph(
    [
      { id: 'r1', rating: 5, productId: productGlobalId('TAOBAO', '1489161932') },
      { id: 'r2', rating: 3, productId: productGlobalId('TAOBAO', taobaoIds[0]!) },
    ],
    supergraphPort + 2,
  );
  const supergraphSdl = await composeSupergraph([
    { name: 'catalog', url: `${catalog.url}/graphql` },
    { name: 'orders', url: orders.url },
    { name: 'reviews', url: reviews.url },
  ]);
  const supergraph = await startSupergraphGateway(supergraphSdl, supergraphPort);

  console.log(`Sandbox:             ${sandbox.url}`);
  console.log(`Catalog subgraph:    ${catalog.url}/graphql`);
  console.log(`Orders subgraph:     ${orders.url}`);
  console.log(`Reviews subgraph:    ${reviews.url}`);
  console.log(`Supergraph gateway:  ${supergraph.url}\n`);
  console.log(`Sample query:\n${SAMPLE_QUERY}\n`);

  const before = await sandboxCalls(sandbox.url);
  const res = await fetch(supergraph.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: SAMPLE_QUERY }),
  });
  const answer = await res.json();
  const after = await sandboxCalls(sandbox.url);
  console.log(`Answer:\n${JSON.stringify(answer, null, 2)}\n`);
  const cost = Object.entries(after)
    .map(([call, n]) => [call, n - (before[call] ?? 0)] as const)
    .filter(([, n]) => n > 0);
  console.log(`Upstream calls (sandbox log, tokens included):\n${cost.map(([call, n]) => `  ${call}: ${n}`).join('\n')}`);

  const stop = async (): Promise<void> => {
    await supergraph.close();
    await orders.close();
    await reviews.close();
    await catalog.close();
    await sandbox.close();
  };
  if (process.env.DEMO_EXIT === '1') return stop();
  console.log('\nServing until Ctrl-C.');
  const stopAndExit = (): void =>
    void stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  process.once('SIGINT', stopAndExit);
  process.once('SIGTERM', stopAndExit);
}

main().catch((err: unknown) => {
  console.error('demo:supergraph failed:', err);
  process.exit(1);
});
