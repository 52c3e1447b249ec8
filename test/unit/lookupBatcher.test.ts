import { describe, expect, it } from 'vitest';
import { LookupBatcher } from '../../src/loaders/lookupBatcher';

/**
 * A batcher over ids whose fetch records each batch; "x…" ids are absent, a batch with "boom" fails,
 * one with "slow" answers after 20 ms.
 */
function recordingBatcher() {
  const batches: string[][] = [];
  const batcher = new LookupBatcher<string, string>(
    async (ids) => {
      batches.push([...ids]);
      if (ids.includes('slow')) await new Promise((resolve) => setTimeout(resolve, 20));
      if (ids.includes('boom')) throw new Error('upstream down');
      return ids.map((id) => (id.startsWith('x') ? new Error(`no ${id}`) : `product ${id}`));
    },
    (id) => id,
  );
  return { batcher, batches };
}

describe('LookupBatcher', () => {
  it('sends the keys asked for in one turn as one batch, a repeated key once', async () => {
    const { batcher, batches } = recordingBatcher();
    const [one, all, again] = await Promise.all([batcher.load('1'), batcher.loadAll(['2', '1', '3']), batcher.load('3')]);
    expect(batches).toEqual([['1', '2', '3']]);
    expect([one, all, again]).toEqual(['product 1', ['product 2', 'product 1', 'product 3'], 'product 3']);
  });

  it('answers loadAll with one entry per key, in order, and a failed key as its Error value', async () => {
    const { batcher } = recordingBatcher();
    const entries = await batcher.loadAll(['1', 'x2', '3']);
    expect(entries[0]).toBe('product 1');
    expect(entries[1]).toBeInstanceOf(Error);
    expect((entries[1] as Error).message).toBe('no x2');
    expect(entries[2]).toBe('product 3');
    await expect(batcher.load('x2')).rejects.toBe(entries[1]);
  });

  it('keeps an answer, an Error too, for the keys asked for again in a later turn', async () => {
    const { batcher, batches } = recordingBatcher();
    await batcher.loadAll(['1', 'x2']);
    expect(await batcher.loadAll(['x2', '1', '4'])).toHaveLength(3);
    expect(batches).toEqual([['1', 'x2'], ['4']]);
  });

  it('fails every key of a batch that failed as a whole, and asks for them again later', async () => {
    const { batcher, batches } = recordingBatcher();
    const [entries, single] = await Promise.allSettled([batcher.loadAll(['1', 'boom']), batcher.load('2')]);
    expect(entries.status === 'fulfilled' && entries.value.map((e) => (e as Error).message)).toEqual(['upstream down', 'upstream down']);
    expect(single.status === 'rejected' && (single.reason as Error).message).toBe('upstream down');
    expect(await batcher.load('1')).toBe('product 1');
    expect(batches).toEqual([['1', 'boom', '2'], ['1']]);
  });

  it('waits for both batches when a list holds keys of a batch still out and new ones', async () => {
    const { batcher, batches } = recordingBatcher();
    const first = batcher.load('slow');
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['slow']]);
    const entries = await batcher.loadAll(['slow', '2']);
    expect(entries).toEqual(['product slow', 'product 2']);
    expect(await first).toBe('product slow');
    expect(batches).toEqual([['slow'], ['2']]);
  });
});
