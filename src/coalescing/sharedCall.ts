/**
 * One upstream lookup call shared by the requests that wait for it. While it is open (waiting for a
 * concurrency slot or its quota slot) it accepts ids and selections; once sent it is sealed, and an
 * identical lookup (same id, selection covered) can still share its answer (single flight).
 *
 * A waiter is one `LookupDispatcher.lookup` (a request's batch of ids), with one promise for the whole
 * batch. A call records which waiter wants which of its ids in flat arrays, so a lookup that misses
 * the cache costs no promise, closure or object per id (bench/README.md, "Cache-miss path").
 */
import type { Product } from '../generated/graphql';
import type { RequestUsage } from '../platforms/requestUsage';
import type { ProductSelection } from '../platforms/types';

/** A batch's answers, one per id in its order: the product or its Error, and the selection it was fetched with. */
export interface LookupAnswer {
  results: Array<Product | Error>;
  selections: ProductSelection[];
}

export type LookupPriority = 'request' | 'background';

/** One `lookup` of a batch of ids: its answers fill in as calls settle; it resolves once, when all are in or its deadline passes. */
export class Waiter {
  readonly results: Array<Product | Error | undefined>;
  readonly selections: ProductSelection[];
  private missing: number;
  private done = false;
  private timer: NodeJS.Timeout | undefined;
  readonly promise: Promise<LookupAnswer>;
  private resolve!: (answer: LookupAnswer) => void;

  constructor(
    size: number,
    /** What a timed-out id answers with (created at most once). */
    private readonly timeout: () => Error,
    private readonly selection: ProductSelection,
  ) {
    this.results = new Array<Product | Error | undefined>(size);
    this.selections = new Array<ProductSelection>(size);
    this.missing = size;
    this.promise = new Promise((resolve) => (this.resolve = resolve));
    if (size === 0) this.finish();
  }

  /** Answers are in by `deadline` (epoch ms), or the ids still missing get the timeout error. */
  expireAt(deadline: number): void {
    if (this.done) return;
    this.timer = setTimeout(() => this.expire(), Math.max(0, deadline - Date.now()));
  }

  deliver(position: number, result: Product | Error, selection: ProductSelection): void {
    if (this.done || this.results[position] !== undefined) return;
    this.results[position] = result;
    this.selections[position] = selection;
    if (--this.missing === 0) this.finish();
  }

  private expire(): void {
    this.timer = undefined;
    if (this.done) return;
    const error = this.timeout();
    for (let i = 0; i < this.results.length; i++) {
      if (this.results[i] !== undefined) continue;
      this.results[i] = error;
      this.selections[i] = this.selection;
    }
    this.finish();
  }

  private finish(): void {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    this.resolve({ results: this.results as Array<Product | Error>, selections: this.selections });
  }
}

export class SharedCall {
  /** The distinct ids of the call, in the order they are sent. */
  readonly ids: string[] = [];
  private readonly slotOf = new Map<string, number>();
  /** Who waits for what, one entry per (waiter, position): the waiter, its position, the id's slot in `ids`. */
  private readonly waiters: Waiter[] = [];
  private readonly positions: number[] = [];
  private readonly slots: number[] = [];
  private readonly selections = new Set<ProductSelection>();
  /** The union of the waiters' selections, fixed when the call is sent. */
  private sealed: ProductSelection | undefined;
  /** The latest deadline of its waiters: the call's own budget upstream. */
  deadline = 0;
  /** When its quota slot comes (epoch ms); null while it waits for a concurrency slot. */
  sendAt: number | null = null;
  /** A quota slot was reserved for it (the guard's first pacing is skipped), and how long it waits for it. */
  prepaid = false;
  quotaWaitMs = 0;
  /** Its quota reservation is on its way (a shared quota answers after a Redis round trip). */
  reserving = false;
  /** A background call's pending gather, or its retry after finding no idle quota slot. */
  retryTimer: NodeJS.Timeout | undefined;
  /** A background call has gathered ids for its while. */
  gathered = false;

  constructor(
    public priority: LookupPriority,
    /** The request charged for the call: the one whose work opened it (none for a background refresh). */
    public usage: RequestUsage | undefined,
  ) {}

  get size(): number {
    return this.ids.length;
  }

  has(id: string): boolean {
    return this.slotOf.has(id);
  }

  /** Adds `waiter` at `position` as a waiter for `id` (open calls only). */
  join(
    id: string,
    waiter: Waiter,
    position: number,
    selection: ProductSelection,
    deadline: number,
    priority: LookupPriority,
    usage: RequestUsage | undefined,
  ): void {
    this.selections.add(selection);
    if (deadline > this.deadline) this.deadline = deadline;
    if (priority === 'request' && this.priority === 'background') {
      this.priority = 'request';
      this.usage = usage;
    }
    let slot = this.slotOf.get(id);
    if (slot === undefined) {
      slot = this.ids.push(id) - 1;
      this.slotOf.set(id, slot);
    }
    this.subscribe(waiter, position, slot);
  }

  /** Adds a waiter for an id the call already carries (a sent call's single flight). */
  share(id: string, waiter: Waiter, position: number): void {
    this.subscribe(waiter, position, this.slotOf.get(id)!);
  }

  private subscribe(waiter: Waiter, position: number, slot: number): void {
    this.waiters.push(waiter);
    this.positions.push(position);
    this.slots.push(slot);
  }

  /** Fixes the selection the call is sent with. */
  seal(): ProductSelection {
    this.sealed = this.union();
    return this.sealed;
  }

  /** A sent call answers `selection` when every path of it was fetched. */
  covers(selection: ProductSelection): boolean {
    if (!this.sealed) return false;
    for (const path of selection) if (!this.sealed.has(path)) return false;
    return true;
  }

  /** Every path of the waiters' selections (each distinct selection object read once). */
  private union(): ProductSelection {
    if (this.selections.size === 1) for (const only of this.selections) return only;
    const union = new Set<string>();
    for (const selection of this.selections) for (const path of selection) union.add(path);
    return union;
  }

  /** Hands each waiter its own id's result (`results` in `ids` order), or `error` to all. */
  settle(results: ReadonlyArray<Product | Error> | Error): void {
    const selection = this.sealed ?? this.union();
    for (let k = 0; k < this.waiters.length; k++) {
      this.waiters[k]!.deliver(this.positions[k]!, results instanceof Error ? results : results[this.slots[k]!]!, selection);
    }
  }
}
