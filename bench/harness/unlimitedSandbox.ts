/**
 * The sandbox every benchmark runs against: all five platforms from the default seed, every quota
 * raised out of reach (benchmarks measure servers, not quota refusals), and the Taobao catalog at hand
 * so a bench can ask for ids that exist.
 */
import { deriveSeed } from '../../src/sandbox/data/random';
import { startSandbox, type RunningSandbox } from '../../src/sandbox/index';
import { DEFAULT_SEED } from '../../src/sandbox/options';
import { PLATFORM_SANDBOX_FACTORIES } from '../../src/sandbox/platforms';
import { createTaobaoSandbox } from '../../src/sandbox/platforms/taobao';
import { SANDBOX_PLATFORMS, type PlatformSandbox } from '../../src/sandbox/types';

const UNLIMITED = { limit: 1_000_000_000, windowMs: 1000 };

export async function startUnlimitedSandbox(
  size: number,
): Promise<{ sandbox: RunningSandbox; taobao: ReturnType<typeof createTaobaoSandbox> }> {
  const taobao = createTaobaoSandbox({ seed: deriveSeed(DEFAULT_SEED, 'taobao'), size });
  const platforms: PlatformSandbox[] = SANDBOX_PLATFORMS.map((name) =>
    name === 'taobao' ? taobao : PLATFORM_SANDBOX_FACTORIES[name]({ seed: deriveSeed(DEFAULT_SEED, name), size }),
  );
  const sandbox = await startSandbox({
    port: 0,
    platforms,
    rateLimits: Object.fromEntries(SANDBOX_PLATFORMS.map((name) => [name, UNLIMITED])),
  });
  return { sandbox, taobao };
}
