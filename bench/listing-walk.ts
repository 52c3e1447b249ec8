/**
 * How long a full walk of a 10,000-item catalog takes through the gateway against the sandbox (no
 * injected latency), per listing platform and merged, and what it costs upstream.
 * Run: `npx tsx bench/listing-walk.ts [size] [first]` (defaults 10000 and 500).
 */
import { loadConfig } from '../src/config/config';
import { buildPlatformRegistry } from '../src/platforms';
import { SANDBOX_CREDENTIALS, startSandbox } from '../src/sandbox';
import { startGatewayServer } from '../src/server/httpServer';

const size = Number(process.argv[2] ?? 10_000);
const first = Number(process.argv[3] ?? 500);
const QUERY = `query($platform: PlatformCode, $first: Int, $after: String) {
  catalog(platform: $platform, first: $first, after: $after) {
    edges { node { id title status updatedAt price { min { amount } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function main(): Promise<void> {
  const sandbox = await startSandbox({ size, seed: 1, port: 0, host: '127.0.0.1' });
  const config = loadConfig({ PORT: '0', SANDBOX_PORT: String(sandbox.port), REQUEST_TIMEOUT_MS: '60000' }, SANDBOX_CREDENTIALS);
  const gateway = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0 });
  const stats = async (): Promise<Record<string, number>> =>
    ((await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { calls: Record<string, number> }).calls;
  try {
    for (const platform of ['XHS_ARK', 'XHS_MINIAPP', 'WECHAT_SHOP', 'XIAOE', undefined]) {
      await walk(gateway.url, platform, 1, 1); // tokens, warm-up
      const before = await stats();
      const started = performance.now();
      const { items, pages } = await walk(gateway.url, platform, first, Number.POSITIVE_INFINITY);
      const ms = performance.now() - started;
      const after = await stats();
      const calls = Object.entries(after)
        .filter(([k, n]) => n !== (before[k] ?? 0))
        .map(([k, n]) => `${k}=${n - (before[k] ?? 0)}`);
      console.log(
        `${platform ?? 'merged'}: ${items} items in ${pages} pages of ${first}, ${ms.toFixed(0)} ms; upstream ${calls.join(' ')}`,
      );
    }
  } finally {
    await gateway.close();
    await sandbox.close();
  }
}

async function walk(
  url: string,
  platform: string | undefined,
  pageSize: number,
  maxPages: number,
): Promise<{ items: number; pages: number }> {
  let after: string | null = null;
  let items = 0;
  let pages = 0;
  while (pages < maxPages) {
    const res = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { platform, first: pageSize, after } }),
    });
    const body = (await res.json()) as {
      data?: { catalog: { edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
      errors?: unknown;
    };
    if (body.errors || !body.data) throw new Error(`walk of ${platform ?? 'merged'} failed: ${JSON.stringify(body.errors)}`);
    items += body.data.catalog.edges.length;
    pages += 1;
    if (!body.data.catalog.pageInfo.hasNextPage) break;
    after = body.data.catalog.pageInfo.endCursor;
  }
  return { items, pages };
}

await main();
