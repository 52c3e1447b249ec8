import { describe, expect, it } from 'vitest';
import type { Product } from '../../src/generated/graphql';
import { bindingOf, decodeCursor, encodeCursor } from '../../src/listing/cursor';
import { GatewayError } from '../../src/platforms/gatewayError';
import { pageSpanFor } from '../../src/listing/pageWindow';
import { readPlan, startOf } from '../../src/listing/readPlan';
import type { ListPlan, ListStream } from '../../src/platforms/types';
import { createdWindows } from '../../src/platforms/xiaoe/list';

/** A stream over `items` (ids sorted as given) that records the pages asked for, as `page@pageSize`. */
function fakeStream(items: string[], firstPage: 0 | 1, calls: string[]): ListStream<null> {
  return {
    firstPage,
    async fetchPage(page, pageSize) {
      calls.push(`${page}@${pageSize}`);
      const from = (page - firstPage) * pageSize;
      return { total: items.length, products: items.slice(from, from + pageSize).map((id) => ({ id, platformProductId: id }) as Product) };
    },
  };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
const call = { credentials: null };

describe('page spans', () => {
  it('reads a window from the start or at a multiple of its size as one page of exactly its size', () => {
    expect(pageSpanFor(0, 50, 300)).toEqual({ pageSize: 50, pages: [0] });
    expect(pageSpanFor(50, 50, 300)).toEqual({ pageSize: 50, pages: [1] });
    expect(pageSpanFor(14, 7, 300)).toEqual({ pageSize: 7, pages: [2] });
    expect(pageSpanFor(0, 1, 300)).toEqual({ pageSize: 1, pages: [0] });
  });
  it('reads a window off the grid in one page when one fits: items 37-86 as the first page of 87', () => {
    expect(pageSpanFor(37, 50, 300)).toEqual({ pageSize: 87, pages: [0] });
  });
  it('takes as many calls as pages of the maximum would, with the fewest items: 120 of Ark as three pages of 40', () => {
    expect(pageSpanFor(0, 120, 50)).toEqual({ pageSize: 40, pages: [0, 1, 2] });
    expect(pageSpanFor(45, 50, 50)).toEqual({ pageSize: 32, pages: [1, 2] });
    expect(pageSpanFor(0, 500, 300)).toEqual({ pageSize: 250, pages: [0, 1] });
  });
  it('never takes more calls, nor reads more items, than pages of the maximum size would', () => {
    for (const max of [1, 7, 50, 100, 300])
      for (const offset of [0, 1, 6, 49, 50, 299, 301, 1234])
        for (const count of [1, 7, 50, 100, 120, 300, 500]) {
          const { pageSize, pages } = pageSpanFor(offset, count, max);
          const atMax = Math.floor((offset + count - 1) / max) - Math.floor(offset / max) + 1;
          expect(pageSize).toBeLessThanOrEqual(max);
          expect(pages.length).toBeLessThanOrEqual(atMax);
          expect(pages.length * pageSize).toBeLessThanOrEqual(atMax * max);
          expect(pages[0]! * pageSize).toBeLessThanOrEqual(offset);
          expect((pages.at(-1)! + 1) * pageSize).toBeGreaterThanOrEqual(offset + count);
        }
  });
});

describe('readPlan', () => {
  it('reads a window from a page-1-based stream with the fewest pages, both at one page size', async () => {
    const calls: string[] = [];
    const plan: ListPlan<null> = { streams: [fakeStream(ids('a', 200), 1, calls)], combine: 'merge', covers: () => true };
    const page = await readPlan(plan, [45], 50, 50, call);
    expect(calls.sort()).toEqual(['2@32', '3@32']);
    expect(page.products.map((p) => p.id)).toEqual(ids('a', 200).slice(45, 95));
    expect(page.after.at(-1)).toEqual([95]);
    expect(page).toMatchObject({ hasMore: true, total: 200 });
  });

  it('reads the same items whatever page sizes the windows before it used', async () => {
    const items = ids('a', 200);
    for (const first of [1, 7, 50, 100]) {
      const plan: ListPlan<null> = { streams: [fakeStream(items, 0, [])], combine: 'merge', covers: () => true };
      const seen: string[] = [];
      let position = startOf(plan);
      for (let page = await readPlan(plan, position, first, 30, call); ; page = await readPlan(plan, position, first, 30, call)) {
        seen.push(...page.products.map((p) => p.id));
        if (!page.hasMore) break;
        position = page.after.at(-1)!;
      }
      expect(seen, `first: ${first}`).toEqual(items);
    }
  });

  it('merges streams by the plan order and carries every stream offset', async () => {
    const plan: ListPlan<null> = {
      streams: [fakeStream(['a1', 'a3', 'a5'], 0, []), fakeStream(['a2', 'a4'], 0, [])],
      combine: 'merge',
      compare: (x, y) => (x.id < y.id ? -1 : 1),
      covers: () => true,
    };
    const first = await readPlan(plan, startOf(plan), 3, 2, call);
    expect(first.products.map((p) => p.id)).toEqual(['a1', 'a2', 'a3']);
    expect(first.after).toEqual([
      [1, 0],
      [1, 1],
      [2, 1],
    ]);
    const rest = await readPlan(plan, first.after.at(-1)!, 3, 2, call);
    expect(rest.products.map((p) => p.id)).toEqual(['a4', 'a5']);
    expect(rest.hasMore).toBe(false);
  });

  it('concatenates windows, moving to the next after the last item and probing when a page ends at a boundary', async () => {
    const plan: ListPlan<null> = {
      streams: [fakeStream(['w1', 'w2'], 1, []), fakeStream([], 1, []), fakeStream(['w3'], 1, [])],
      combine: 'concat',
      covers: () => true,
    };
    const first = await readPlan(plan, startOf(plan), 2, 10, call);
    expect(first.products.map((p) => p.id)).toEqual(['w1', 'w2']);
    expect(first.after.at(-1)).toEqual([1, 0]);
    expect(first.hasMore).toBe(true);
    const rest = await readPlan(plan, first.after.at(-1)!, 2, 10, call);
    expect(rest.products.map((p) => p.id)).toEqual(['w3']);
    expect(rest.hasMore).toBe(false);
  });
});

describe('cursors', () => {
  const binding = bindingOf(['XHS_ARK'], { buyable: true });
  it('round-trips a position under the same binding, whatever the filter key order', () => {
    const cursor = encodeCursor(binding, [45]);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, bindingOf(['XHS_ARK'], { buyable: true, status: null }))).toEqual([45]);
  });
  it('refuses a cursor of another filter or platform, and garbage, as BAD_CURSOR', () => {
    const cursor = encodeCursor(binding, [45]);
    for (const [text, other] of [
      [cursor, bindingOf(['XHS_ARK'], {})],
      [cursor, bindingOf(['XIAOE'], { buyable: true })],
      ['%%%', binding],
      ['e30', binding],
    ] as const) {
      try {
        decodeCursor(text, other);
        expect.unreachable();
      } catch (err) {
        expect(err).toBeInstanceOf(GatewayError);
        expect((err as GatewayError).code).toBe('BAD_CURSOR');
      }
    }
  });
});

describe('Xiaoe createdAt windows', () => {
  it('splits 40 days into three windows of at most 15 days, newest first, one second apart', () => {
    const windows = createdWindows({ createdAt: { from: '2024-01-01T00:00:00.000Z', to: '2024-02-10T00:00:00.000Z' } });
    expect(windows).toEqual([
      { startTime: '2024-01-26 08:00:00', endTime: '2024-02-10 08:00:00' },
      { startTime: '2024-01-11 07:59:59', endTime: '2024-01-26 07:59:59' },
      { startTime: '2024-01-01 08:00:00', endTime: '2024-01-11 07:59:58' },
    ]);
  });
  it('needs both ends of the range', () => {
    expect(() => createdWindows({ createdAt: { from: '2024-01-01T00:00:00.000Z' } })).toThrow(/both ends/);
  });
});
