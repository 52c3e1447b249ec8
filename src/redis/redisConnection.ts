/**
 * The process's one Redis connection (node-redis), shared by everything that keeps state across
 * replicas: the entity cache's second tier, the quota pacer, tokens and budgets. A slow or absent Redis
 * never fails a request or holds it longer than `timeoutMs` per round trip: commands are not queued
 * while Redis is down (every method answers undefined and the caller falls back to its local state),
 * each up/down change is logged once, `status()` feeds /readyz, and the client reconnects by itself when
 * Redis comes back. A second connection exists only for pub/sub subscriptions (Redis requires it).
 */
import { createHash } from 'node:crypto';
import { createClient, ErrorReply } from 'redis';

export interface RedisSettings {
  /** `REDIS_URL`: redis:// or rediss://. */
  url: string;
  /** `REDIS_TIMEOUT_MS` (default 50): the budget of one round trip. */
  timeoutMs: number;
  /** `REDIS_KEY_PREFIX` (default `catalog-gateway`): the start of every key this process writes. */
  keyPrefix: string;
}

export interface RedisStatus {
  status: 'up' | 'down';
  /** Since when (ISO-8601 UTC), and the last error while down. */
  since: string;
  lastError?: string;
}

/** A Lua script and its SHA-1, so it is sent once per Redis server (EVALSHA, EVAL on NOSCRIPT). */
export interface RedisScript {
  readonly lua: string;
  readonly sha1: string;
}

export function defineRedisScript(lua: string): RedisScript {
  return { lua, sha1: createHash('sha1').update(lua).digest('hex') };
}

type Log = (line: string) => void;
type Client = ReturnType<typeof createClient>;

const RECONNECT_MAX_MS = 2_000;
/** A slow Redis (or a failing script) is logged at most this often, not once per request. */
const SLOW_LOG_EVERY_MS = 10_000;

export class RedisConnection {
  readonly keyPrefix: string;
  readonly timeoutMs: number;
  private readonly client: Client;
  private state: RedisStatus = { status: 'down', since: new Date().toISOString(), lastError: 'not connected yet' };
  private closed = false;
  private lastSlowLog = 0;
  private subscriber: Client | undefined;
  private subscriberConnected: Promise<unknown> | undefined;

  constructor(
    settings: RedisSettings,
    private readonly log: Log = (line) => console.warn(line),
  ) {
    this.keyPrefix = settings.keyPrefix;
    this.timeoutMs = settings.timeoutMs;
    this.client = createClient({
      url: settings.url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: Math.max(settings.timeoutMs, 500),
        reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS),
      },
    });
    this.client.on('ready', () => this.mark('up'));
    this.client.on('error', (err: unknown) => this.mark('down', err instanceof Error ? err.message || err.name : String(err)));
    this.client.connect().catch((err: unknown) => this.mark('down', String(err)));
  }

  status(): RedisStatus {
    return this.state;
  }

  /** Whether commands are sent now (a command may still be slow and answer undefined). */
  get isUp(): boolean {
    return this.client.isReady;
  }

  /** The values of `keys` (null where absent), or undefined when Redis did not answer in time. */
  async getMany(keys: readonly string[]): Promise<Array<string | null> | undefined> {
    if (keys.length === 0) return [];
    return this.bounded((client) => client.mGet([...keys]) as Promise<Array<string | null>>);
  }

  /** Stores `value` for `ttlMs`, without waiting; failures only log (the caller keeps its local copy). */
  set(key: string, value: string, ttlMs: number): void {
    void this.bounded((client) => client.pSetEx(key, Math.max(1, Math.ceil(ttlMs)), value));
  }

  /**
   * Deletes the given keys and every key matching `pattern`; the number deleted, undefined on failure.
   * Not bounded by the round-trip budget: a pattern walks the keyspace (an admin purge, not a request).
   */
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

  /**
   * Runs `script` with `keys` and `args` within the round-trip budget: its reply, or undefined when
   * Redis is down, slow, or the script failed (a failing script is logged, at most every 10 s).
   */
  async evalScript(script: RedisScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
    const options = { keys: [...keys], arguments: [...args] };
    return this.bounded(async (client) => {
      try {
        return await client.evalSha(script.sha1, options);
      } catch (err) {
        // First use on this server (or after SCRIPT FLUSH / a restart): EVAL sends and caches it.
        if (err instanceof ErrorReply && err.message.startsWith('NOSCRIPT')) return client.eval(script.lua, options);
        throw err;
      }
    });
  }

  /** Tells every instance (this one included) `message` on `channel`; false when Redis is not reachable. */
  async publish(channel: string, message: string): Promise<boolean> {
    return (await this.bounded((client) => client.publish(channel, message))) !== undefined;
  }

  /** Calls `listener` with every message on `channel`, from now on (resubscribing after reconnects). */
  subscribe(channel: string, listener: (message: string) => void): void {
    if (!this.subscriber) {
      this.subscriber = this.client.duplicate();
      this.subscriber.on('error', () => undefined); // the main client reports the connection's state
      this.subscriberConnected = this.subscriber.connect();
    }
    const subscriber = this.subscriber;
    this.subscriberConnected!.then(() => subscriber.subscribe(channel, listener)).catch((err: unknown) => this.mark('down', String(err)));
  }

  /**
   * Runs one command within the time budget; undefined when Redis is down, slow or answered an error.
   * For commands the methods above do not cover (tokens, budgets); the key prefix is the caller's.
   */
  async bounded<T>(command: (client: Client) => Promise<T>): Promise<T | undefined> {
    if (!this.client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), this.timeoutMs)));
    try {
      const result = await Promise.race([command(this.client), late]);
      if (result === undefined) this.logSometimes(`redis: no answer within ${this.timeoutMs} ms; going on with local state`);
      return result;
    } catch (err) {
      // An error reply means Redis is there and refused this one command (a script bug, a wrong type).
      if (err instanceof ErrorReply) this.logSometimes(`redis: command failed: ${err.message}`);
      else this.mark('down', err instanceof Error ? err.message : String(err));
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const client of [this.client, this.subscriber]) {
      if (!client) continue;
      if (client.isOpen) await client.close().catch(() => undefined);
      else client.destroy();
    }
  }

  private logSometimes(line: string): void {
    if (Date.now() - this.lastSlowLog <= SLOW_LOG_EVERY_MS) return;
    this.lastSlowLog = Date.now();
    this.log(line);
  }

  private mark(status: 'up' | 'down', error?: string): void {
    if (this.closed) return;
    if (this.state.status !== status) {
      this.log(
        status === 'up'
          ? 'redis: connection is up'
          : `redis: connection is down (${error}); cache, quota and tokens go on with local state`,
      );
      this.state = { status, since: new Date().toISOString() };
    }
    if (error) this.state = { ...this.state, lastError: error };
  }
}
