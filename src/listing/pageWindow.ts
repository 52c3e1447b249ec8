/**
 * Offset windows over a page-numbered upstream. Items [offset, offset + count) of a stream paged by
 * `pageSize` lie on pages floor(offset / pageSize) .. floor((offset + count - 1) / pageSize); those
 * pages are fetched in parallel (paced by the platform's guard where a quota is configured; a window
 * is at most `ceil(500 / pageSize) + 1` pages) at the same page size
 * every time, so upstream boundaries never shift, and the window is cut out of them.
 */
import type { Product } from '../generated/graphql';
import type { CallContext, ListedPage, ListStream } from '../platforms/types';

export interface StreamWindow {
  products: Product[];
  /** The stream's total, as its first fetched page reported it. */
  total: number;
}

/** The 0-based page indexes holding items [offset, offset + count). */
export function pageIndexesFor(offset: number, count: number, pageSize: number): number[] {
  if (count <= 0) return [];
  const first = Math.floor(offset / pageSize);
  const last = Math.floor((offset + count - 1) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export async function readWindow<C>(
  stream: ListStream<C>,
  offset: number,
  count: number,
  pageSize: number,
  call: CallContext<C>,
): Promise<StreamWindow> {
  const indexes = pageIndexesFor(offset, Math.max(1, count), pageSize);
  const pages: ListedPage[] = await Promise.all(indexes.map((i) => stream.fetchPage(i + stream.firstPage, call)));
  const skip = offset - indexes[0]! * pageSize;
  return { products: pages.flatMap((p) => p.products).slice(skip, skip + count), total: pages[0]!.total };
}
