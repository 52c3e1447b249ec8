/**
 * Offset windows over a page-numbered upstream. A position in a listing is an item offset (cursor.ts),
 * not an upstream page, so any page size maps onto it: each window picks the page size that reads
 * items [offset, offset + count) in the fewest calls, and among those the fewest items, fetches those
 * pages in parallel (paced by the platform's guard where a quota is configured) and cuts the window out
 * of them. A window of 50 from offset 0 or 50 is one page of 50, where a fixed page size of the list
 * API's maximum (WeChat 300) read six times what it returned (docs/platforms.md, "Catalog listing").
 */
import type { Product } from '../generated/graphql';
import type { CallContext, ListedPage, ListStream } from '../platforms/types';

export interface StreamWindow {
  products: Product[];
  /** The stream's total, as its first fetched page reported it. */
  total: number;
}

/** The upstream page size of a window and the 0-based indexes of its pages at that size. */
export interface PageSpan {
  pageSize: number;
  pages: number[];
}

/**
 * The page size (1 to `maxPageSize`) whose pages cover items [offset, offset + count) with the fewest
 * calls, then the fewest items read. Never more calls than pages of `maxPageSize` would take.
 */
export function pageSpanFor(offset: number, count: number, maxPageSize: number): PageSpan {
  const last = offset + Math.max(1, count) - 1;
  let best = { pageSize: maxPageSize, calls: Number.POSITIVE_INFINITY };
  for (let size = 1; size <= maxPageSize; size++) {
    const calls = Math.floor(last / size) - Math.floor(offset / size) + 1;
    if (calls < best.calls || (calls === best.calls && calls * size < best.calls * best.pageSize)) best = { pageSize: size, calls };
  }
  const first = Math.floor(offset / best.pageSize);
  return { pageSize: best.pageSize, pages: Array.from({ length: best.calls }, (_, i) => first + i) };
}

export async function readWindow<C>(
  stream: ListStream<C>,
  offset: number,
  count: number,
  maxPageSize: number,
  call: CallContext<C>,
): Promise<StreamWindow> {
  const { pageSize, pages: indexes } = pageSpanFor(offset, count, maxPageSize);
  const pages: ListedPage[] = await Promise.all(indexes.map((i) => stream.fetchPage(i + stream.firstPage, pageSize, call)));
  const skip = offset - indexes[0]! * pageSize;
  return { products: pages.flatMap((p) => p.products).slice(skip, skip + count), total: pages[0]!.total };
}
