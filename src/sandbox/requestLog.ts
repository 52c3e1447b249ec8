/**
 * The call counters and the bounded log of routed requests behind `GET /__sandbox/stats` and
 * `GET /__sandbox/requests`. Entries are appended when a request reaches a route and completed when
 * its outcome is known, so a hanging request is visible while it hangs.
 */
import type { SandboxPlatformName } from './types';

export const REQUEST_LOG_CAPACITY = 10_000;

export interface RequestLogEntry {
  seq: number;
  /** ISO-8601 UTC, on the sandbox clock (moved by `POST /__sandbox/clock`). */
  at: string;
  platform: SandboxPlatformName;
  /** The merchant whose credentials the call names (`default`, `m2`, ...), null when it names none. */
  merchant: string | null;
  operation: string;
  method: string;
  path: string;
  params: Record<string, unknown>;
  /** HTTP status sent; 0 while pending and for resets and hangs (no status is ever sent). */
  status: number;
  /** 'ok' | 'pending' | 'fault:<kind>' | 'error:<platform code>' | 'error:http-<status>' | 'error:sandbox-bug'. */
  outcome: string;
  /** Bytes of the body the platform route answered (what a client parses); 0 for a fault's own reply. */
  bytes: number;
}

export type NewRequestLogEntry = Omit<RequestLogEntry, 'seq' | 'status' | 'outcome' | 'bytes'>;

export class RequestLog {
  private readonly entries: (RequestLogEntry | undefined)[];
  private nextSeq = 1;
  private readonly calls = new Map<string, number>();

  constructor(private readonly capacity = REQUEST_LOG_CAPACITY) {
    this.entries = new Array<RequestLogEntry | undefined>(capacity);
  }

  /** Counts the call and logs it as pending; the caller completes the returned entry. */
  record(entry: NewRequestLogEntry): RequestLogEntry {
    const statsKey = `${entry.platform}:${entry.operation}`;
    this.calls.set(statsKey, (this.calls.get(statsKey) ?? 0) + 1);
    const full: RequestLogEntry = { seq: this.nextSeq, ...entry, status: 0, outcome: 'pending', bytes: 0 };
    this.entries[this.nextSeq % this.capacity] = full;
    this.nextSeq += 1;
    return full;
  }

  stats(): Record<string, number> {
    return Object.fromEntries(this.calls);
  }

  /** The last `limit` entries (of `platform` when given), oldest first: the most recent is LAST. */
  recent(limit: number, platform?: SandboxPlatformName): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const oldest = Math.max(1, this.nextSeq - this.capacity);
    for (let seq = this.nextSeq - 1; seq >= oldest && out.length < limit; seq--) {
      const entry = this.entries[seq % this.capacity];
      if (entry && (platform === undefined || entry.platform === platform)) out.push(entry);
    }
    return out.reverse();
  }

  /** Forgets counters and entries; sequence numbers restart at 1. */
  reset(): void {
    this.calls.clear();
    this.entries.fill(undefined);
    this.nextSeq = 1;
  }
}
