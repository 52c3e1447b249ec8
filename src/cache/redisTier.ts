/**
 * The shared second tier of the caches: Redis through node-redis. A slow or absent Redis never fails a
 * request or holds it longer than `timeoutMs` per round trip: commands are not queued while Redis is
 * down (the caller goes on with memory alone), each state change is logged once, `status()` feeds
 * /readyz, and the client reconnects by itself when Redis comes back.
 */
import { createClient } from 'redis';

export interface RedisTierStatus {
  status: 'up' | 'down';
  /** Since when (ISO-8601 UTC), and the last error while down. */
  since: string;
  lastError?: string;
}

type Log = (line: string) => void;

const RECONNECT_MAX_MS = 2_000;
/** A slow Redis is logged at most this often, not once per request. */
const SLOW_LOG_EVERY_MS = 10_000;

export class RedisTier {
  private readonly client: ReturnType<typeof createClient>;
  private state: RedisTierStatus = { status: 'down', since: new Date().toISOString(), lastError: 'not connected yet' };
  private closed = false;
  private lastSlowLog = 0;
  private subscriber: ReturnType<typeof createClient> | undefined;

  constructor(
    url: string,
    private readonly timeoutMs: number,
    private readonly log: Log = (line) => console.warn(line),
  ) {
    this.client = createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: Math.max(timeoutMs, 500), reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS) },
    });
    this.client.on('ready', () => this.mark('up'));
    this.client.on('error', (err: unknown) => this.mark('down', err instanceof Error ? err.message || err.name : String(err)));
    this.client.connect().catch((err: unknown) => this.mark('down', String(err)));
  }

  status(): RedisTierStatus {
    return this.state;
  }

  /** The values of `keys` (null where absent), or undefined when Redis did not answer in time. */
  async getMany(keys: readonly string[]): Promise<Array<string | null> | undefined> {
    if (keys.length === 0) return [];
    return this.bounded(() => this.client.mGet([...keys]) as Promise<Array<string | null>>);
  }

  /** Stores `value` for `ttlMs`; failures only log (the memory tier has it). */
  set(key: string, value: string, ttlMs: number): void {
    void this.bounded(() => this.client.pSetEx(key, Math.max(1, Math.ceil(ttlMs)), value));
  }

  /** Deletes the given keys and every key matching `pattern`; the number deleted, undefined on failure. */
  async delete(keys: readonly string[], pattern?: string): Promise<number | undefined> {
    if (!this.client.isReady) return undefined;
    try {
      let deleted = keys.length ? await this.client.del([...keys]) : 0;
      if (pattern) {
        for await (const batch of this.client.scanIterator({ MATCH: pattern, COUNT: 500 })) {
          const found = ([] as string[]).concat(batch);
          if (found.length) deleted += await this.client.del(found);
        }
      }
      return deleted;
    } catch (err) {
      this.mark('down', String(err));
      return undefined;
    }
  }

  /** Tells every instance (this one included) `message` on `channel`; false when Redis is not reachable. */
  async publish(channel: string, message: string): Promise<boolean> {
    return (await this.bounded(() => this.client.publish(channel, message))) !== undefined;
  }

  /** Calls `listener` with every message on `channel`, from now on (resubscribing after reconnects). */
  subscribe(channel: string, listener: (message: string) => void): void {
    const subscriber = this.client.duplicate();
    subscriber.on('error', () => undefined); // the main client reports the tier's state
    this.subscriber = subscriber;
    subscriber
      .connect()
      .then(() => subscriber.subscribe(channel, listener))
      .catch((err: unknown) => this.mark('down', String(err)));
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const client of [this.client, this.subscriber]) {
      if (!client) continue;
      if (client.isOpen) await client.close().catch(() => undefined);
      else client.destroy();
    }
  }

  /** Runs one command within the time budget; undefined when Redis is down, slow or failing. */
  private async bounded<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (!this.client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.timeoutMs)));
    try {
      const result = await Promise.race([command(), late]);
      if (result === undefined && Date.now() - this.lastSlowLog > SLOW_LOG_EVERY_MS) {
        this.lastSlowLog = Date.now();
        this.log(`cache: Redis did not answer within ${this.timeoutMs} ms; serving from memory`);
      }
      return result;
    } catch (err) {
      this.mark('down', err instanceof Error ? err.message : String(err));
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private mark(status: 'up' | 'down', error?: string): void {
    if (this.closed) return;
    if (this.state.status !== status) {
      this.log(status === 'up' ? 'cache: Redis tier is up' : `cache: Redis tier is down (${error}); serving from memory alone`);
      this.state = { status, since: new Date().toISOString() };
    }
    if (error) this.state = { ...this.state, lastError: error };
  }
}
