/**
 * SKU calls sent together with a listed page's own call. A listing with SKU details otherwise takes two
 * waves of upstream latency: the page, then one `product/sku/get_list` per product it returned (the
 * mini shop has no batch SKU call, and the page names its products only when it answers). So the
 * listing remembers which products each page completed last time, by credential and page query
 * (`CompletedPages`), and when the same page is read again it starts their SKU calls at once beside
 * the page call (`EarlySkuCalls`). A product the page still lists uses that answer; a product that
 * joined the page is completed after the page, as without a memory; a product that left it cost one
 * call whose answer is dropped.
 *
 * Early calls take only a quota slot that is free right now (the guard's background priority, after
 * the page's own slot), so they never delay the page or a call a request waits for: under a quota that
 * is in use none go early and the page completes as before.
 */
import type { UpstreamGuard } from '../resilience/upstreamGuard';
import { runWithPrepaidTurn } from '../resilience/prepaidTurn';

/** A page remembered longer than this is not used: the older the memory, the likelier the page changed. */
const DEFAULT_TTL_MS = 60_000;
/** Pages remembered per listing (one WeChat adapter), the oldest forgotten first. */
const DEFAULT_MAX_PAGES = 256;

export interface CompletedPagesOptions {
  /** Default 60 s. */
  ttlMs?: number;
  /** Default 256. */
  maxPages?: number;
  /** Default `Date.now`. */
  now?: () => number;
}

/** The product ids each recently completed page needed SKU details for, by page key. */
export class CompletedPages {
  private readonly pages = new Map<string, { ids: readonly string[]; at: number }>();
  private readonly ttlMs: number;
  private readonly maxPages: number;
  private readonly now: () => number;

  constructor(options: CompletedPagesOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_TTL_MS;
    this.maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
    this.now = options.now ?? Date.now;
  }

  /** The ids the page completed last time; none when it was not completed within the time to live. */
  recall(pageKey: string): readonly string[] {
    const page = this.pages.get(pageKey);
    if (!page) return [];
    if (this.now() - page.at <= this.ttlMs) return page.ids;
    this.pages.delete(pageKey);
    return [];
  }

  remember(pageKey: string, ids: readonly string[]): void {
    this.pages.delete(pageKey); // re-inserted last: the Map's order is the order of use
    this.pages.set(pageKey, { ids, at: this.now() });
    if (this.pages.size > this.maxPages) this.pages.delete(this.pages.keys().next().value!);
  }
}

export interface EarlyPacing {
  /** The platform's guard; absent where calls are not guarded (an adapter alone in a unit test). */
  guard: UpstreamGuard | undefined;
  credentialKey: string;
}

interface EarlyCall<R> {
  /** Set once the call has its quota slot and went out. */
  sent: boolean;
  /** Set when the listing no longer wants it: a call still waiting for its slot is not sent. */
  dropped: boolean;
  answer: Promise<R>;
}

const NOT_SENT = new Error('early SKU call not sent: no free quota slot, or no longer wanted');

/** One request's early SKU calls, by product id. */
export class EarlySkuCalls<R> {
  private readonly calls = new Map<string, EarlyCall<R>>();
  /** Ids take() was asked for: their calls are the listing's own by then, never started early. */
  private readonly spokenFor = new Set<string>();

  constructor(
    private readonly pacing: EarlyPacing,
    private readonly send: (productId: string) => Promise<R>,
  ) {}

  /** Starts a call for each id not started yet, each only with a quota slot free now. */
  start(ids: readonly string[]): void {
    for (const id of ids) {
      if (this.calls.has(id) || this.spokenFor.has(id)) continue;
      const call = { sent: false, dropped: false } as EarlyCall<R>;
      call.answer = this.sendWhenFree(id, call);
      // An answer nobody takes (the product left the page, or the page failed) is dropped quietly.
      call.answer.catch(() => undefined);
      this.calls.set(id, call);
    }
  }

  /**
   * The answer of the early call for `id` if one went out, else undefined (the caller sends the call
   * itself). Either way the id's early call is then spoken for: one still waiting for a slot is not sent.
   */
  take(id: string): Promise<R> | undefined {
    this.spokenFor.add(id);
    const call = this.calls.get(id);
    if (!call) return undefined;
    this.calls.delete(id);
    if (call.sent) return call.answer;
    call.dropped = true;
    return undefined;
  }

  private async sendWhenFree(id: string, call: EarlyCall<R>): Promise<R> {
    const { guard, credentialKey } = this.pacing;
    if (!guard) {
      call.sent = true;
      return this.send(id);
    }
    // The deadline does not bound a background slot: it is now or never.
    const turn = await guard.reserveTurn(credentialKey, Number.POSITIVE_INFINITY, 'background');
    if (!turn.ok || turn.waitMs > 0 || call.dropped) throw NOT_SENT;
    call.sent = true;
    return runWithPrepaidTurn(guard.platform, 0, () => this.send(id));
  }
}
