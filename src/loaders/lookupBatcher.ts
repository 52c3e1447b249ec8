/**
 * DataLoader's batching and per-operation memo, for product lookups, without a promise per key: a
 * `products` field of 50 ids waits on one promise instead of 50, and so does each later step of its
 * answer (graphql-jit completes a list it is handed whole in one go, but waits on each entry that is a
 * promise). Every promise costs a job and, while the request's AsyncLocalStorage is enabled, a hook
 * call (src/platforms/requestUsage.ts).
 *
 * Same contract as DataLoader (github.com/graphql/dataloader, src/index.js): a batch is dispatched
 * after the promise jobs queued when its first key arrived, so every field that starts in the same turn
 * joins it; a key asked for again gets the first answer (an Error value too); a batch that fails as a
 * whole fails each of its keys and forgets them, so that a later ask tries again.
 */

/** Where a key's answer lands: the batch it went out in, and its index there. */
interface Slot<V> {
  batch: Batch<V>;
  index: number;
}

interface Batch<V> {
  keys: unknown[];
  /** One entry per key once the batch settled; undefined before. */
  results: Array<V | Error> | undefined;
  /** Resolves (never rejects) once `results` is set. */
  settled: Promise<void>;
}

export class LookupBatcher<K, V> {
  private readonly slots = new Map<string, Slot<V>>();
  private pending: { batch: Batch<V>; keyTexts: string[]; settle: () => void } | undefined;

  constructor(
    /** One entry per key, in key order: the value or its Error (DataLoader's batch function). */
    private readonly fetch: (keys: readonly K[]) => Promise<Array<V | Error>>,
    /** Keys with the same text are one key. */
    private readonly keyText: (key: K) => string,
  ) {}

  /** The value of `key`; rejects with its Error. */
  load(key: K): Promise<V> {
    const { batch, index } = this.slotOf(key);
    return batch.settled.then(() => {
      const result = batch.results![index]!;
      if (result instanceof Error) throw result;
      return result;
    });
  }

  /** One entry per key, in order: its value or its Error. One promise, however many keys. */
  loadAll(keys: readonly K[]): Promise<Array<V | Error>> {
    const slots = keys.map((key) => this.slotOf(key));
    const batches = new Set(slots.map((slot) => slot.batch));
    const settled = batches.size === 1 ? slots[0]!.batch.settled : Promise.all([...batches].map((batch) => batch.settled));
    return settled.then(() => slots.map(({ batch, index }) => batch.results![index]!));
  }

  private slotOf(key: K): Slot<V> {
    const text = this.keyText(key);
    let slot = this.slots.get(text);
    if (!slot) {
      const pending = this.pending ?? this.startBatch();
      slot = { batch: pending.batch, index: pending.batch.keys.push(key) - 1 };
      pending.keyTexts.push(text);
      this.slots.set(text, slot);
    }
    return slot;
  }

  private startBatch(): NonNullable<LookupBatcher<K, V>['pending']> {
    let settle!: () => void;
    const batch: Batch<V> = { keys: [], results: undefined, settled: new Promise<void>((resolve) => (settle = resolve)) };
    const pending = { batch, keyTexts: [] as string[], settle };
    this.pending = pending;
    afterPromiseJobs(() => {
      this.pending = undefined;
      void this.dispatch(pending);
    });
    return pending;
  }

  private async dispatch({ batch, keyTexts, settle }: NonNullable<LookupBatcher<K, V>['pending']>): Promise<void> {
    try {
      const results = await this.fetch(batch.keys as K[]);
      if (results.length !== batch.keys.length) {
        throw new TypeError(`a lookup batch must answer one entry per key: ${batch.keys.length} keys, ${results.length} entries`);
      }
      batch.results = results;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      batch.results = batch.keys.map(() => error);
      for (const text of keyTexts) if (this.slots.get(text)?.batch === batch) this.slots.delete(text);
    }
    settle();
  }
}

const resolved = Promise.resolve();

/** DataLoader's schedule: after the promise jobs queued now, then after the ticks those queue. */
function afterPromiseJobs(fn: () => void): void {
  void resolved.then(() => process.nextTick(fn));
}
