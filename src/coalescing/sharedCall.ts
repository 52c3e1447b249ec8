/**
 * One upstream lookup call shared by the requests that wait for it. While it is open (waiting for a
 * concurrency slot or its quota slot) it accepts ids and selections; once sent it is sealed, and an
 * identical lookup (same id, selection covered) can still share its answer (single flight).
 */
import type { Product } from '../generated/graphql';
import type { RequestUsage } from '../platforms/requestUsage';
import type { ProductSelection } from '../platforms/types';

/** What a shared call answered for one id, and the selection it was fetched with. */
export interface Fetched {
  result: Product | Error;
  selection: ProductSelection;
}

export type LookupPriority = 'request' | 'background';

interface Waiting {
  promise: Promise<Fetched>;
  resolve: (fetched: Fetched) => void;
}

export class SharedCall {
  private readonly waiting = new Map<string, Waiting>();
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
    return this.waiting.size;
  }

  get isSent(): boolean {
    return this.sealed !== undefined;
  }

  ids(): string[] {
    return [...this.waiting.keys()];
  }

  /** Adds a waiter for `id` (open calls only); resolves with the call's answer for that id. */
  join(
    id: string,
    selection: ProductSelection,
    deadline: number,
    priority: LookupPriority,
    usage: RequestUsage | undefined,
  ): Promise<Fetched> {
    this.selections.add(selection);
    this.deadline = Math.max(this.deadline, deadline);
    if (priority === 'request' && this.priority === 'background') {
      this.priority = 'request';
      this.usage = usage;
    }
    return this.answerFor(id);
  }

  /** The promise of `id`'s answer, created on first use. */
  answerFor(id: string): Promise<Fetched> {
    let entry = this.waiting.get(id);
    if (!entry) {
      let resolve!: (fetched: Fetched) => void;
      const promise = new Promise<Fetched>((r) => (resolve = r));
      entry = { promise, resolve };
      this.waiting.set(id, entry);
    }
    return entry.promise;
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
    const union = new Set<string>();
    for (const selection of this.selections) for (const path of selection) union.add(path);
    return union;
  }

  /** Hands each waiter its own id's result (`results` in `ids()` order), or `error` to all. */
  settle(results: ReadonlyArray<Product | Error> | Error): void {
    const selection = this.sealed ?? this.union();
    let i = 0;
    for (const entry of this.waiting.values()) {
      entry.resolve({ result: results instanceof Error ? results : results[i]!, selection });
      i++;
    }
  }
}
