import { describe, expect, it } from 'vitest';
import { ProductLoaders } from '../../src/loaders/productLoaders';
import { NotFoundError } from '../../src/platforms/errors';
import type { PlatformRegistry } from '../../src/platforms/registry';
import type { PlatformAdapter, ProductSelection } from '../../src/platforms/types';
import { GatewayError } from '../../src/platforms/gatewayError';
import { guardPolicyFor } from '../../src/platforms/resilience/policy';
import { UpstreamGuard } from '../../src/platforms/resilience/upstreamGuard';
import { taobaoPlatform } from '../../src/platforms/taobao';
import type { TaobaoCredentials } from '../../src/platforms/taobao/credentials';

interface Call {
  ids: string[];
  selection: string[];
}

/** An adapter that records each lookup call; ids starting with "x" are absent, "boom" throws. */
function recordingAdapter(maxIdsPerCall: number, maxConcurrentCalls = 4) {
  const calls: Call[] = [];
  let inFlight = 0;
  let peak = 0;
  const adapter: PlatformAdapter<TaobaoCredentials> = {
    code: 'TAOBAO',
    capabilities: { maxIdsPerCall, maxConcurrentCalls, fieldSelection: true, idFormat: null },
    validateId: () => undefined,
    async lookup(ids: readonly string[], selection: ProductSelection) {
      calls.push({ ids: [...ids], selection: [...selection].sort() });
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      if (ids.includes('boom')) throw new Error('adapter bug');
      return ids.map((id) =>
        id.startsWith('x') ? new NotFoundError('TAOBAO', id) : { id, platform: 'TAOBAO', platformProductId: id, status: 'ON_SALE' },
      );
    },
  };
  const registry: PlatformRegistry = new Map([
    [
      'TAOBAO',
      {
        module: taobaoPlatform,
        adapter,
        sandbox: true,
        guard: new UpstreamGuard('TAOBAO', guardPolicyFor({ baseUrl: '', sandbox: true, timeoutMs: 1000, quota: null })),
      },
    ],
  ]);
  return { registry, calls, peak: () => peak };
}

const creds = { TAOBAO: { appKey: 'k', appSecret: 's', session: 'x', signMethod: 'md5' as const } };
const sel = (...paths: string[]) => new Set(paths);

describe('ProductLoaders', () => {
  it('sends 121 distinct ids as three calls of at most 50, duplicates once', async () => {
    const { registry, calls } = recordingAdapter(50);
    const loaders = new ProductLoaders(registry, creds, Date.now() + 10_000);
    const ids = Array.from({ length: 120 }, (_, i) => String(i + 1));
    const results = await Promise.all([...ids, '7', '121', '121'].map((id) => loaders.forPlatform('TAOBAO')(id, sel('title'))));
    expect(results).toHaveLength(123);
    expect(calls.map((c) => c.ids.length)).toEqual([50, 50, 21]);
    expect(new Set(calls.flatMap((c) => c.ids)).size).toBe(121);
  });

  it('fetches the union of selections once when one id is asked for with two selections', async () => {
    const { registry, calls } = recordingAdapter(50);
    const loaders = new ProductLoaders(registry, creds, Date.now() + 10_000);
    await Promise.all([loaders.forPlatform('TAOBAO')('1', sel('title')), loaders.forPlatform('TAOBAO')('1', sel('skus', 'skus.price'))]);
    expect(calls).toEqual([{ ids: ['1'], selection: ['skus', 'skus.price', 'title'] }]);
  });

  it('fails only the absent id, and only the chunk whose call failed', async () => {
    const { registry } = recordingAdapter(2);
    const loaders = new ProductLoaders(registry, creds, Date.now() + 10_000);
    const settled = await Promise.allSettled(['1', 'x2', 'boom', '4', '5'].map((id) => loaders.forPlatform('TAOBAO')(id, sel('title'))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(NotFoundError);
    expect((settled[2] as PromiseRejectedResult).reason.message).toBe('adapter bug');
  });

  it('keeps at most maxConcurrentCalls lookups in flight', async () => {
    const { registry, calls, peak } = recordingAdapter(1, 3);
    const loaders = new ProductLoaders(registry, creds, Date.now() + 10_000);
    await Promise.all(Array.from({ length: 10 }, (_, i) => loaders.forPlatform('TAOBAO')(String(i), sel('title'))));
    expect(calls).toHaveLength(10);
    expect(peak()).toBe(3);
  });

  it('refuses platforms without lookup or without credentials, without calling upstream', async () => {
    const { registry, calls } = recordingAdapter(50);
    await expect(new ProductLoaders(registry, {}, Date.now() + 10_000).forPlatform('TAOBAO')('1', sel('title'))).rejects.toBeInstanceOf(
      GatewayError,
    );
    await expect(new ProductLoaders(registry, creds, Date.now() + 10_000).forPlatform('XHS_ARK')('1', sel('title'))).rejects.toThrow(
      /only lists/,
    );
    expect(calls).toHaveLength(0);
  });
});

describe('mapWithConcurrency', () => {
  it('starts no further item after a failure', async () => {
    const { mapWithConcurrency } = await import('../../src/util/mapWithConcurrency');
    const started: number[] = [];
    await expect(
      mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (n) => {
        started.push(n);
        await new Promise((r) => setTimeout(r, 5));
        if (n === 1) throw new Error('upstream failed');
      }),
    ).rejects.toThrow('upstream failed');
    await new Promise((r) => setTimeout(r, 30));
    expect(started).toEqual([1, 2]);
  });
});
