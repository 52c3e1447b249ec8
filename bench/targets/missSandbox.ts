/**
 * The sandbox of the cache-miss bench (`missPathGateway.ts`): a large Taobao catalog, so that no id is
 * ever asked twice of one gateway (`BENCH_MISS_CATALOG_SIZE`, default 120,000 products), the other
 * platforms small, every quota raised out of reach. Announces every live Taobao `num_iid`.
 */
import { deriveSeed } from '../../src/sandbox/data/random';
import { startSandbox } from '../../src/sandbox/index';
import { DEFAULT_SEED } from '../../src/sandbox/options';
import { PLATFORM_SANDBOX_FACTORIES } from '../../src/sandbox/platforms';
import { createTaobaoSandbox } from '../../src/sandbox/platforms/taobao';
import { SANDBOX_PLATFORMS, type PlatformSandbox } from '../../src/sandbox/types';
import { announceReady, installProbe } from '../harness/probe';

const SIZE = Number(process.env.BENCH_MISS_CATALOG_SIZE ?? 120_000);
const UNLIMITED = { limit: 1_000_000_000, windowMs: 1000 };

installProbe();
const taobao = createTaobaoSandbox({ seed: deriveSeed(DEFAULT_SEED, 'taobao'), size: SIZE });
const platforms: PlatformSandbox[] = SANDBOX_PLATFORMS.map((name) =>
  name === 'taobao' ? taobao : PLATFORM_SANDBOX_FACTORIES[name]({ seed: deriveSeed(DEFAULT_SEED, name), size: 100 }),
);
const sandbox = await startSandbox({
  port: 0,
  platforms,
  rateLimits: Object.fromEntries(SANDBOX_PLATFORMS.map((name) => [name, UNLIMITED])),
});
announceReady(sandbox.url, { taobao: [...taobao.catalog.items.keys()] });
