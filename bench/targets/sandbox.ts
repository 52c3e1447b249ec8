/**
 * The bench's sandbox, in its own process: all five platforms built from the default seed, every
 * quota raised out of reach (the bench measures servers, not quota refusals), and the ids the
 * scenarios ask for announced to the harness: live Taobao `num_iid`s and live, not forbidden Xiaoe
 * `<resource_type>:<resource_id>` keys (the same catalog, rebuilt here from the same seed).
 */
import { startSandbox } from '../../src/sandbox/index';
import { deriveSeed } from '../../src/sandbox/data/random';
import { DEFAULT_SEED } from '../../src/sandbox/options';
import { PLATFORM_SANDBOX_FACTORIES } from '../../src/sandbox/platforms';
import { createTaobaoSandbox } from '../../src/sandbox/platforms/taobao';
import { buildXiaoeCatalog } from '../../src/sandbox/platforms/xiaoe/catalog';
import { SANDBOX_PLATFORMS, type PlatformSandbox, type SandboxPlatformName } from '../../src/sandbox/types';
import { announceReady, installProbe } from '../harness/probe';

const SIZE = Number(process.env.BENCH_CATALOG_SIZE ?? 5_000);
const UNLIMITED = { limit: 1_000_000_000, windowMs: 1000 };
const IDS_WANTED = 200;

installProbe();
const taobao = createTaobaoSandbox({ seed: deriveSeed(DEFAULT_SEED, 'taobao'), size: SIZE });
const platforms: PlatformSandbox[] = SANDBOX_PLATFORMS.map((name) =>
  name === 'taobao' ? taobao : PLATFORM_SANDBOX_FACTORIES[name]({ seed: deriveSeed(DEFAULT_SEED, name), size: SIZE }),
);
const sandbox = await startSandbox({
  port: 0,
  platforms,
  rateLimits: Object.fromEntries(SANDBOX_PLATFORMS.map((name) => [name, UNLIMITED])) as Record<SandboxPlatformName, typeof UNLIMITED>,
});
const xiaoe = buildXiaoeCatalog(deriveSeed(DEFAULT_SEED, 'xiaoe'), SIZE);
const xiaoeIds = xiaoe.newestFirst.filter((g) => !g.isDeleted && !g.isForbid).map((g) => g.key);
announceReady(sandbox.url, {
  ids: { taobao: [...taobao.catalog.items.keys()].slice(0, IDS_WANTED), xiaoe: xiaoeIds.slice(0, IDS_WANTED) },
});
