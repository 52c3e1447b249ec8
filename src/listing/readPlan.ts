/**
 * Reads `count` products of a platform's listing from a position: the plan's streams either merged
 * (interleaved by the plan's order; the position is one offset per stream) or concatenated (one after
 * the other; the position is `[stream, offset]`). Each product comes with the position just after it,
 * which is what its edge's cursor carries.
 */
import type { Product } from '../generated/graphql';
import type { CallContext, ListPlan } from '../platforms/types';
import { checkPosition, type Position } from './cursor';
import { readWindow } from './pageWindow';

export interface PlanPage {
  products: Product[];
  /** `after[i]`: the position following `products[i]`. */
  after: Position[];
  /** Where this page started. */
  start: Position;
  /** More products follow the last one read. */
  hasMore: boolean;
  /** Products of the listing over all pages; null where it cannot be known without more calls. */
  total: number | null;
}

/** The position a listing starts at. */
export function startOf(plan: ListPlan<unknown>): Position {
  return plan.combine === 'merge' ? plan.streams.map(() => 0) : [0, 0];
}

/** Checks a cursor's position against the plan's shape (BAD_CURSOR when it does not fit). */
export function positionFor(plan: ListPlan<unknown>, value: unknown): Position {
  if (plan.combine === 'merge') return checkPosition(value, plan.streams.length);
  const position = checkPosition(value, 2);
  return position[0]! > plan.streams.length ? checkPosition(null, 2) : position;
}

export function readPlan<C>(
  plan: ListPlan<C>,
  position: Position,
  count: number,
  pageSize: number,
  call: CallContext<C>,
): Promise<PlanPage> {
  return plan.combine === 'merge'
    ? readMerged(plan, position, count, pageSize, call)
    : readConcatenated(plan, position, count, pageSize, call);
}

async function readMerged<C>(plan: ListPlan<C>, start: Position, count: number, pageSize: number, call: CallContext<C>): Promise<PlanPage> {
  const windows = await Promise.all(plan.streams.map((stream, i) => readWindow(stream, start[i]!, count, pageSize, call)));
  const compare = plan.compare ?? (() => 0);
  const offsets = [...start];
  const taken = windows.map(() => 0);
  const products: Product[] = [];
  const after: Position[] = [];
  while (products.length < count) {
    let best = -1;
    for (let i = 0; i < windows.length; i++) {
      const candidate = windows[i]!.products[taken[i]!];
      if (candidate && (best < 0 || compare(candidate, windows[best]!.products[taken[best]!]!) < 0)) best = i;
    }
    if (best < 0) break;
    products.push(windows[best]!.products[taken[best]!]!);
    taken[best]! += 1;
    offsets[best]! += 1;
    after.push([...offsets]);
  }
  const hasMore = windows.some((w, i) => taken[i]! < w.products.length || offsets[i]! < w.total);
  return { products, after, start, hasMore, total: windows.reduce((sum, w) => sum + w.total, 0) };
}

/**
 * Streams one after the other. A stream's `total` says where it ends; after its last product the
 * position moves to the next stream's start, and when the page ends exactly at a stream's end the
 * following streams are probed (a first page each, until one has products) so `hasMore` is exact.
 */
async function readConcatenated<C>(
  plan: ListPlan<C>,
  start: Position,
  count: number,
  pageSize: number,
  call: CallContext<C>,
): Promise<PlanPage> {
  let [stream = 0, offset = 0] = start;
  const products: Product[] = [];
  const after: Position[] = [];
  let hasMore = false;
  let total: number | null = null;
  while (stream < plan.streams.length) {
    const need = count - products.length;
    const window = await readWindow(plan.streams[stream]!, offset, Math.max(need, 1), pageSize, call);
    if (plan.streams.length === 1) total = window.total;
    if (need === 0) {
      hasMore = window.total > 0;
      if (hasMore) break;
    } else {
      for (const product of window.products.slice(0, need)) {
        products.push(product);
        offset += 1;
        after.push(offset >= window.total ? [stream + 1, 0] : [stream, offset]);
      }
      // The stream goes on: either the page is full, or the upstream answered short (its total moved).
      if (offset < window.total) {
        hasMore = true;
        break;
      }
    }
    stream += 1;
    offset = 0;
  }
  return { products, after, start, hasMore, total };
}
