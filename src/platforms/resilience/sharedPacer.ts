/**
 * One quota pacer per platform credential across every replica (issue 13): the local TokenBucket's GCRA
 * kept in Redis. Each reservation is one Lua script run that reads the credential's theoretical arrival
 * time (TAT) and pause-until, takes the next slot atomically and answers how long to wait for it, by
 * Redis's own clock (replicas' clocks never meet). The caller waits locally, as with the local bucket.
 *
 * While Redis is down or slower than REDIS_TIMEOUT_MS, each replica paces to its share of the quota on a
 * local bucket (quota / REPLICAS, `fallback`), and goes back to the shared one by itself once Redis
 * answers. A platform's "limited for N s" pauses the local bucket at once and, through Redis, every
 * replica's. Keys (docs/resilience.md, "Shared pacing"): `<prefix>:quota:{<platform>:<credential
 * hash>}:tat` and `...:pause`, both expiring (PX) once they no longer hold anything back.
 */
import { createHash } from 'node:crypto';
import type { PlatformCode } from '../../generated/graphql';
import { defineRedisScript, type RedisConnection } from '../../redis/redisConnection';
import type { QuotaPacer, Reservation, TokenBucket } from './tokenBucket';

/**
 * KEYS: tat, pause. ARGV: interval ms, burst tolerance ms, the most the caller may wait (ms; -1: only a
 * slot free now, for background work), how long this replica's own pause still runs (ms, 0: none).
 * Returns {1, wait ms} or {0, retry after ms}.
 */
const RESERVE = defineRedisScript(`
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local paused = math.max(tonumber(redis.call('GET', KEYS[2]) or '0'), now + tonumber(ARGV[4]))
local start = math.max(now, paused, tat - tonumber(ARGV[2]))
local maxWait = tonumber(ARGV[3])
if (maxWait < 0 and start > now) or (maxWait >= 0 and start - now > maxWait) then
  return {0, math.ceil(start - now)}
end
local nextTat = math.max(tat, start) + interval
if nextTat > now then redis.call('SET', KEYS[1], tostring(nextTat), 'PX', math.ceil(nextTat - now) + 1000) end
return {1, start - now}
`);

/** KEYS: pause. ARGV: ms. Moves the pause-until later, never earlier. */
const PAUSE = defineRedisScript(`
local t = redis.call('TIME')
local untilMs = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[1])
if untilMs > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], tostring(untilMs), 'PX', tonumber(ARGV[1]) + 1000)
end
return 1
`);

export class SharedPacer implements QuotaPacer {
  private readonly keys: readonly [string, string];
  private readonly intervalMs: string;
  private readonly burstMs: string;
  /** This replica's own pause (epoch ms, its clock): held to even when the shared write was lost. */
  private pausedUntil = 0;

  /** `rate` as TokenBucket takes it (an infinite rate: no pacing, only pauses are shared). */
  constructor(
    private readonly redis: RedisConnection,
    platform: PlatformCode,
    credentialKey: string,
    rate: { ratePerSecond: number; burst: number },
    private readonly fallback: TokenBucket,
  ) {
    // The credential is hashed: app keys stay out of key names; the hash tag keeps both keys on one
    // Redis Cluster slot, as a script's keys must be.
    const hash = createHash('sha256').update(credentialKey).digest('hex').slice(0, 16);
    const base = `${redis.keyPrefix}:quota:{${platform}:${hash}}`;
    this.keys = [`${base}:tat`, `${base}:pause`];
    const interval = Number.isFinite(rate.ratePerSecond) ? 1000 / rate.ratePerSecond : 0;
    this.intervalMs = String(interval);
    this.burstMs = String((rate.burst - 1) * interval);
  }

  async reserve(deadline: number): Promise<Reservation> {
    const maxWait = Math.floor(deadline - Date.now());
    if (maxWait < 0) return this.fallback.reserve(deadline);
    return (await this.reserveShared(maxWait)) ?? this.fallback.reserve(deadline);
  }

  async reserveIdle(): Promise<Reservation> {
    return (await this.reserveShared(-1)) ?? this.fallback.reserveIdle();
  }

  /**
   * Resolves once Redis has the pause (or did not answer within the budget): the caller waits for it
   * before answering, so a client told "limited" by one replica never reaches another one ahead of it.
   */
  async pause(ms: number): Promise<void> {
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.fallback.pause(ms);
    await this.redis.evalScript(PAUSE, [this.keys[1]], [String(Math.ceil(ms))]);
  }

  /** The shared reservation, or undefined when Redis did not answer in time (the caller goes local). */
  private async reserveShared(maxWait: number): Promise<Reservation | undefined> {
    const ownPauseMs = String(Math.max(0, Math.ceil(this.pausedUntil - Date.now())));
    const reply = await this.redis.evalScript(RESERVE, this.keys, [this.intervalMs, this.burstMs, String(maxWait), ownPauseMs]);
    if (!Array.isArray(reply) || reply.length !== 2) return undefined;
    const [ok, ms] = reply.map(Number) as [number, number];
    return ok === 1 ? { ok: true, waitMs: ms } : { ok: false, retryAfterMs: Math.max(1, ms) };
  }
}
