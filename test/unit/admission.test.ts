import { describe, expect, it } from 'vitest';
import { MissSketch } from '../../src/cache/admission';
import { TieredStore } from '../../src/cache/tieredStore';
import { RequestUsage } from '../../src/platforms/requestUsage';
import { AnswerCache, type ExecutedAnswer } from '../../src/server/answerCache';
import type { GatewayContext } from '../../src/server/context';

describe('MissSketch', () => {
  it('counts the misses of a key', () => {
    const sketch = new MissSketch(1024);
    expect(sketch.missesOf('e|TAOBAO|fp|1')).toBe(0);
    sketch.recordMiss('e|TAOBAO|fp|1');
    expect(sketch.missesOf('e|TAOBAO|fp|1')).toBe(1);
    sketch.recordMiss('e|TAOBAO|fp|1');
    expect(sketch.missesOf('e|TAOBAO|fp|1')).toBe(2);
  });

  it('rarely takes a key never missed for one missed twice, with a sample full of other keys', () => {
    const sketch = new MissSketch(1 << 16);
    for (let i = 0; i < (1 << 16) - 1; i++) sketch.recordMiss(`e|TAOBAO|fp|${i}`);
    let lookTwiceMissed = 0;
    for (let i = 0; i < 10_000; i++) if (sketch.missesOf(`e|TAOBAO|fp|new-${i}`) >= 2) lookTwiceMissed++;
    expect(lookTwiceMissed).toBeLessThan(20);
  });

  it('forgets a key missed once within a sample of other misses (counts are halved)', () => {
    const sketch = new MissSketch(256);
    sketch.recordMiss('old');
    sketch.recordMiss('old');
    sketch.recordMiss('old');
    for (let i = 0; i < 253; i++) sketch.recordMiss(`other-${i}`);
    expect(sketch.missesOf('old')).toBe(1);
    for (let i = 0; i < 256; i++) sketch.recordMiss(`other-${i}`);
    expect(sketch.missesOf('old')).toBe(0);
  });
});

/** A memory-only store whose bound holds about 10 of the values below. */
function smallStore(): TieredStore {
  return new TieredStore({ maxBytes: 10 * 2 * 1000, redis: null, keyPrefix: '', now: () => 0 });
}

const value = (n: number) => ({ text: 'x'.repeat(990), n });

/** What a lookup does: read (a miss is counted), then write what it fetched. */
async function readThenWrite(store: TieredStore, key: string, n: number): Promise<void> {
  const [held] = await store.getMany([key], 60_000);
  if (held === undefined) store.set(key, value(n), 60_000, store.epoch);
}

describe('TieredStore admission', () => {
  it('keeps every write while the memory tier has room', async () => {
    const store = smallStore();
    for (let i = 0; i < 8; i++) await readThenWrite(store, `hot-${i}`, i);
    expect(await store.getMany(['hot-0', 'hot-7'], 60_000)).toEqual([value(0), value(7)]);
  });

  it('once full, keeps a new key only on its second miss, and one-off keys do not push out the held ones', async () => {
    const store = smallStore();
    for (let i = 0; i < 12; i++) await readThenWrite(store, `hot-${i}`, i);
    const held = async () =>
      (
        await store.getMany(
          [...Array(12).keys()].map((i) => `hot-${i}`),
          60_000,
        )
      ).filter(Boolean).length;
    const before = await held();
    expect(before).toBeGreaterThanOrEqual(9);

    for (let i = 0; i < 100; i++) await readThenWrite(store, `once-${i}`, i);
    expect(await held()).toBe(before);
    expect(store.accepts('once-0')).toBe(false);
    expect(await store.getMany(['once-0', 'once-99'], 60_000)).toEqual([undefined, undefined]);

    // once-0 and once-99 were just missed a second time (above): admitted now.
    expect(store.accepts('once-0')).toBe(true);
    store.set('once-0', value(0), 60_000, store.epoch);
    expect(await store.getMany(['once-0'], 60_000)).toEqual([value(0)]);
  });

  it('always takes a write of a key it holds (a refresh)', async () => {
    const store = smallStore();
    for (let i = 0; i < 12; i++) await readThenWrite(store, `hot-${i}`, i);
    store.set('hot-0', value(111), 60_000, store.epoch);
    expect(await store.getMany(['hot-0'], 60_000)).toEqual([value(111)]);
  });
});

describe('AnswerCache admission', () => {
  const executed: ExecutedAnswer = {
    status: 200,
    headers: [['content-type', 'application/json']],
    body: undefined,
    operationType: 'query',
    operationName: null,
    documentHash: null,
  };

  /** Runs one request through the cache: a miss is executed and offered to `store`. */
  async function serve(cache: AnswerCache, key: string): Promise<'hit' | 'miss'> {
    if (cache.get(key)) return 'hit';
    const usage = new RequestUsage();
    usage.recordFreshUntil(60_000);
    const listener = await cache.capturePlugin().requestDidStart!({} as never);
    await listener!.willSendResponse!({
      response: { body: { kind: 'single', singleResult: { data: { text: 'y'.repeat(4000) } } } },
      contextValue: { usage } as GatewayContext,
    } as never);
    cache.store(key, usage, 0, executed);
    return 'miss';
  }

  it('once full, keeps the answer of a request only on its second miss', async () => {
    const cache = new AnswerCache(
      88_000,
      () => 0,
      () => 0,
    );
    const hot = [...Array(10).keys()].map((i) => `hot-${i}`);
    for (const key of hot) await serve(cache, key);
    expect(await Promise.all(hot.map((key) => serve(cache, key)))).toEqual(hot.map(() => 'hit'));

    for (let i = 0; i < 50; i++) await serve(cache, `once-${i}`);
    expect(await Promise.all(hot.map((key) => serve(cache, key)))).toEqual(hot.map(() => 'hit'));
    expect(await serve(cache, 'once-0')).toBe('miss');
    expect(await serve(cache, 'once-0')).toBe('hit');
  });
});
