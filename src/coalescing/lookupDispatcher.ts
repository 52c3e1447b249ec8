/**
 * Coalesces the lookups of one platform and one credential across concurrent requests. A call is
 * open until it goes out: while it waits for a concurrency slot or its quota slot, new ids join it
 * (up to the platform's maximum per call) and its selection grows to the union of its waiters'. When
 * nothing waits, a call goes out at once (plus `windowMs`, default 0). Each waiter gets exactly its
 * own ids; a per-id error reaches only the requests that asked for that id; no waiter is held past
 * its own deadline. A lookup that an in-flight call already covers shares that call (single flight).
 */
import type { PlatformCode, Product } from '../generated/graphql';
import { GatewayReason, UpstreamError } from '../platforms/errors';
import { currentUsage, runWithUsage, type RequestUsage } from '../platforms/requestUsage';
import { prepaidTurn } from '../platforms/resilience/prepaidTurn';
import type { Reservation } from '../platforms/resilience/tokenBucket';
import type { ProductSelection } from '../platforms/types';
import { SharedCall, Waiter, type LookupAnswer, type LookupPriority } from './sharedCall';

export interface LookupDispatcherOptions {
  platform: PlatformCode;
  /** The adapter's lookup, bound to the credentials: at most `maxIds` distinct ids, one entry per id. */
  lookup(ids: readonly string[], selection: ProductSelection, deadline: number): Promise<Array<Product | Error>>;
  /** Ids one upstream call carries. */
  maxIds: number;
  /** Calls of this credential in flight (or waiting for their quota slot) at once. */
  maxInFlight: number;
  /** Added wait before an open call goes out (BATCH_WINDOW_MS); 0 = none. */
  windowMs: number;
  /** How long a background call (a cache refresh) stays open to gather more ids (CACHE_REFRESH_GATHER_MS). */
  backgroundGatherMs: number;
  /**
   * Reserves the credential's next quota slot; absent where the adapter cannot name its quota. A shared
   * quota (Redis) answers with a promise; the call stays open to new ids meanwhile.
   */
  reserveTurn?(deadline: number, priority: LookupPriority): Reservation | Promise<Reservation>;
  /** The error of a call whose quota slot comes after its deadline. */
  quotaRefusal(retryAfterMs: number): Error;
}

export class LookupDispatcher {
  /** Calls not sent yet, oldest first. */
  private readonly open: SharedCall[] = [];
  /**
   * Calls sent and not answered yet (at most `maxInFlight`), by id they carry, in the order they were
   * sent: single flight reads the calls carrying an id (one map read per id, not one look into every
   * call in flight).
   */
  private readonly sentById = new Map<string, SharedCall[]>();
  /** Calls holding a concurrency slot (scheduled or sent). */
  private running = 0;

  constructor(private readonly options: LookupDispatcherOptions) {}

  /**
   * One answer per id, in order. Ids not answered by `deadline` get an UPSTREAM_TIMEOUT error. One
   * promise for the batch, whatever calls its ids ride in.
   */
  lookup(
    ids: readonly string[],
    selection: ProductSelection,
    deadline: number,
    priority: LookupPriority = 'request',
  ): Promise<LookupAnswer> {
    const usage = priority === 'request' ? currentUsage() : undefined;
    const platform = this.options.platform;
    const waiter = new Waiter(
      ids.length,
      () => new UpstreamError({ platform, code: 'UPSTREAM_TIMEOUT', reason: GatewayReason.Deadline }),
      selection,
    );
    const sharing = this.sentById.size > 0 ? new Map<SharedCall, boolean>() : undefined;
    for (let i = 0; i < ids.length; i++) this.join(ids[i]!, i, waiter, sharing, selection, deadline, priority, usage);
    waiter.expireAt(deadline);
    return waiter.promise;
  }

  /** The first sent call carrying `id` whose answers serve `selection` (`covering`: what this lookup already knows of each). */
  private sentWith(id: string, selection: ProductSelection, covering: Map<SharedCall, boolean>): SharedCall | undefined {
    const carriers = this.sentById.get(id);
    if (!carriers) return undefined;
    for (const call of carriers) {
      let covers = covering.get(call);
      if (covers === undefined) covering.set(call, (covers = call.covers(selection)));
      if (covers) return call;
    }
    return undefined;
  }

  private join(
    id: string,
    position: number,
    waiter: Waiter,
    sharing: Map<SharedCall, boolean> | undefined,
    selection: ProductSelection,
    deadline: number,
    priority: LookupPriority,
    usage: RequestUsage | undefined,
  ): void {
    const sent = sharing && this.sentWith(id, selection, sharing);
    if (sent) return sent.share(id, waiter, position);
    const call = this.openCallWith(id) ?? this.openCallWithRoom(deadline) ?? this.newCall(priority, usage);
    const wasBackground = call.priority === 'background';
    call.join(id, waiter, position, selection, deadline, priority, usage);
    if (wasBackground && call.priority === 'request') this.hurry(call);
    this.schedule(call);
  }

  /** The open call that already carries `id`. */
  private openCallWith(id: string): SharedCall | undefined {
    for (const call of this.open) if (call.has(id)) return call;
    return undefined;
  }

  /** A request now waits for a background call: it stops gathering or waiting for an idle slot, and queues like any request. */
  private hurry(call: SharedCall): void {
    if (!call.retryTimer) return;
    clearTimeout(call.retryTimer);
    call.retryTimer = undefined;
  }

  /** The open call that goes out soonest, has room, and goes out before `deadline`. */
  private openCallWithRoom(deadline: number): SharedCall | undefined {
    for (const call of this.open) if (call.size < this.options.maxIds && (call.sendAt === null || call.sendAt <= deadline)) return call;
    return undefined;
  }

  private newCall(priority: LookupPriority, usage: RequestUsage | undefined): SharedCall {
    const call = new SharedCall(priority, usage);
    this.open.push(call);
    return call;
  }

  /**
   * Gives an open call a concurrency slot and a quota slot, then sends it when its slot comes. A
   * background call first gathers other ids for `backgroundGatherMs`, holding no slot meanwhile.
   */
  private schedule(call: SharedCall): void {
    if (call.sendAt !== null || call.retryTimer || call.reserving || this.running >= this.options.maxInFlight) return;
    if (call.priority === 'background' && !call.gathered && this.options.backgroundGatherMs > 0) {
      call.retryTimer = setTimeout(() => {
        call.retryTimer = undefined;
        call.gathered = true;
        this.schedule(call);
      }, this.options.backgroundGatherMs);
      return;
    }
    if (!this.options.reserveTurn) return this.start(call, 0);
    const priority = call.priority;
    const reservation = this.options.reserveTurn(call.deadline, priority);
    if (!(reservation instanceof Promise)) return this.reserved(call, reservation);
    // The call holds its concurrency slot while the reservation is on its way.
    call.reserving = true;
    this.running++;
    const settled = (): void => {
      call.reserving = false;
      this.running--;
    };
    reservation.then(
      (answer) => {
        settled();
        // A request joined a background call that found no idle slot: it queues as a request now.
        if (!answer.ok && call.priority !== priority) this.schedule(call);
        else this.reserved(call, answer);
        this.pump(); // the slot held meanwhile may have kept another call waiting
      },
      (err: unknown) => {
        settled();
        this.close(call);
        call.settle(err instanceof Error ? err : new Error(String(err)));
        this.pump();
      },
    );
  }

  private reserved(call: SharedCall, reservation: Reservation): void {
    if (!reservation.ok) return this.refused(call, reservation.retryAfterMs);
    call.prepaid = true;
    call.quotaWaitMs = reservation.waitMs;
    this.start(call, reservation.waitMs);
  }

  /** Takes a concurrency slot and sends the call once `waitMs` (its quota slot) and the window are over. */
  private start(call: SharedCall, waitMs: number): void {
    this.running++;
    const delay = Math.max(waitMs, this.options.windowMs);
    call.sendAt = Date.now() + delay;
    if (delay > 0) setTimeout(() => void this.send(call), delay);
    else queueMicrotask(() => void this.send(call));
  }

  /** No quota slot: a background call tries again when one may be idle; a request call fails. */
  private refused(call: SharedCall, retryAfterMs: number): void {
    if (call.priority === 'background' && Date.now() + retryAfterMs < call.deadline) {
      call.retryTimer = setTimeout(
        () => {
          call.retryTimer = undefined;
          this.schedule(call);
        },
        Math.max(1, retryAfterMs),
      );
      return;
    }
    this.close(call);
    call.settle(this.options.quotaRefusal(retryAfterMs));
  }

  private async send(call: SharedCall): Promise<void> {
    this.close(call);
    const ids = call.ids;
    const selection = call.seal();
    for (const id of ids) {
      const carriers = this.sentById.get(id);
      if (carriers) carriers.push(call);
      else this.sentById.set(id, [call]);
    }
    const fetch = (): Promise<Array<Product | Error>> => this.options.lookup(ids, selection, call.deadline);
    const turn = call.prepaid ? prepaidTurn(this.options.platform, call.quotaWaitMs) : undefined;
    try {
      // Charged to the request whose work opened the call (none for a background call), whoever's
      // continuation sends it.
      const results = await runWithUsage(call.usage, fetch, turn);
      if (results.length !== ids.length)
        throw new TypeError(`${this.options.platform} lookup must return one entry per id (${ids.length}), got ${results.length}`);
      call.settle(results);
    } catch (err) {
      call.settle(err instanceof Error ? err : new Error(String(err)));
    } finally {
      for (const id of ids) {
        const carriers = this.sentById.get(id)!;
        if (carriers.length === 1) this.sentById.delete(id);
        else carriers.splice(carriers.indexOf(call), 1);
      }
      this.running--;
      this.pump();
    }
  }

  /** Removes an open call from the queue (it is sent or failed). */
  private close(call: SharedCall): void {
    const at = this.open.indexOf(call);
    if (at >= 0) this.open.splice(at, 1);
  }

  /** A concurrency slot came free: requests' calls first, then background ones. */
  private pump(): void {
    for (const priority of ['request', 'background'] as const) {
      for (const call of [...this.open]) {
        if (this.running >= this.options.maxInFlight) return;
        if (call.priority === priority) this.schedule(call);
      }
    }
  }
}
