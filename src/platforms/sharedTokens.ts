/**
 * The shared tier of the token cache (tokenCache.ts) in Redis, for several replicas
 * (docs/deployment.md, "What is shared, and how"). Per credential (its tokenCacheKey, hashed: the secret's digest never
 * shows in a Redis key either) four keys in one hash slot (`{…}`, so one script may touch them all on
 * a Redis Cluster):
 *   `<prefix>:token:{<h>}:value`  the token, expiring when it stops being fresh (PX);
 *   `<prefix>:token:{<h>}:lock`   the refresh lock: SET NX PX by the replica that fetches, released by
 *                                 a script only by the id that holds it;
 *   `<prefix>:token:{<h>}:refused` a refusal of the credentials (UPSTREAM_AUTH), for the failure TTL;
 *   `<prefix>:token:{<h>}:quota`  the token endpoint's calls in the current window (INCR, PX window).
 * Every operation is one script run (one round trip), bounded by REDIS_TIMEOUT_MS; an unanswered one is
 * `undefined` and the token cache goes on alone.
 */
import { createHash } from 'node:crypto';
import type { PlatformCode } from '../generated/graphql';
import { UpstreamError, type UpstreamErrorCode } from './errors';
import { TokenCache, type SharedTokenAnswer, type SharedTokenTier, type TokenCacheOptions } from './tokenCache';
import { defineRedisScript, type RedisConnection } from '../redis/redisConnection';

/**
 * KEYS value, lock, refused, quota; ARGV staleToken, lockId, lockTtlMs, quotaLimit (0: none),
 * quotaWindowMs. The token unless it is the stale one; else the recorded refusal; else the lock when
 * free (counting one call in the quota window, or refusing when the window is full); else 'wait'.
 */
const ACQUIRE = defineRedisScript(`
local token = redis.call('GET', KEYS[1])
if token and token ~= ARGV[1] then return {'token', token, redis.call('PTTL', KEYS[1])} end
local refused = redis.call('GET', KEYS[3])
if refused then return {'failed', refused} end
if redis.call('EXISTS', KEYS[2]) == 1 then return {'wait'} end
local limit = tonumber(ARGV[4])
if limit > 0 then
  local used = tonumber(redis.call('GET', KEYS[4]) or '0')
  if used >= limit then return {'limited', '', redis.call('PTTL', KEYS[4])} end
  if redis.call('INCR', KEYS[4]) == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[5]) end
end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
return {'locked'}
`);

/** KEYS value, lock; ARGV token, freshForMs, lockId. Stores the token; releases the lock if still ours. */
const STORE = defineRedisScript(`
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
if redis.call('GET', KEYS[2]) == ARGV[3] then redis.call('DEL', KEYS[2]) end
return 1
`);

/** KEYS lock, refused; ARGV lockId, refusal JSON ('' for none), refusalTtlMs. */
const RELEASE = defineRedisScript(`
if ARGV[2] ~= '' then redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DEL', KEYS[1]) end
return 1
`);

export class RedisTokenTier implements SharedTokenTier {
  constructor(private readonly redis: RedisConnection) {}

  async acquire(key: string, request: Parameters<SharedTokenTier['acquire']>[1]): Promise<SharedTokenAnswer | undefined> {
    const keys = this.keys(key);
    const quota = request.quota;
    const reply = await this.redis.evalScript(
      ACQUIRE,
      [keys.value, keys.lock, keys.refused, keys.quota],
      [request.staleToken, request.lockId, String(request.lockTtlMs), String(quota?.limit ?? 0), String(quota?.windowMs ?? 0)],
    );
    if (!Array.isArray(reply)) return undefined;
    const [kind, text, ms] = reply as [string, string?, number?];
    switch (kind) {
      case 'token':
        // PTTL -1 (no expiry) cannot happen for keys this module sets; read it as "fresh for a moment".
        return { kind, token: String(text), freshForMs: Math.max(1, Number(ms)) };
      case 'failed': {
        const error = refusalFrom(String(text));
        return error ? { kind, error } : undefined;
      }
      case 'limited':
        return { kind, retryAfterMs: Math.max(0, Number(ms)) };
      case 'locked':
      case 'wait':
        return { kind };
      default:
        return undefined;
    }
  }

  async store(key: string, token: string, freshForMs: number, lockId: string): Promise<void> {
    const keys = this.keys(key);
    await this.redis.evalScript(STORE, [keys.value, keys.lock], [token, String(Math.max(1, Math.floor(freshForMs))), lockId]);
  }

  async release(key: string, lockId: string, refusal?: { error: UpstreamError; ttlMs: number }): Promise<void> {
    const keys = this.keys(key);
    const json = refusal ? JSON.stringify(refusalJson(refusal.error)) : '';
    await this.redis.evalScript(RELEASE, [keys.lock, keys.refused], [lockId, json, String(Math.max(1, refusal?.ttlMs ?? 1))]);
  }

  private keys(key: string): { value: string; lock: string; refused: string; quota: string } {
    const slot = `${this.redis.keyPrefix}:token:{${createHash('sha256').update(key).digest('base64url').slice(0, 22)}}`;
    return { value: `${slot}:value`, lock: `${slot}:lock`, refused: `${slot}:refused`, quota: `${slot}:quota` };
  }
}

/** What of a refusal other replicas need to answer it the same way: the client-facing fields only. */
interface RefusalJson {
  platform: PlatformCode;
  code: UpstreamErrorCode;
  upstreamCode?: string | undefined;
  upstreamMessage?: string | undefined;
}

function refusalJson(error: UpstreamError): RefusalJson {
  return { platform: error.platform, code: error.code, upstreamCode: error.upstreamCode, upstreamMessage: error.upstreamMessage };
}

function refusalFrom(text: string): UpstreamError | undefined {
  try {
    const json = JSON.parse(text) as RefusalJson;
    return new UpstreamError({ ...json, retryable: false });
  } catch {
    return undefined;
  }
}

/**
 * A client's token cache: shared through `redis` when the process has one (REDIS_URL), this process's
 * alone otherwise. `options`: the TokenCache options other than the shared tier.
 */
export function createTokenCache(
  platform: PlatformCode,
  redis: RedisConnection | null | undefined,
  options: Omit<TokenCacheOptions, 'shared'> = {},
): TokenCache {
  return new TokenCache({ ...options, shared: redis ? { tier: new RedisTokenTier(redis), platform } : undefined });
}
