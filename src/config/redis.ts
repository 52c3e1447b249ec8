/**
 * The shared Redis (`REDIS_URL`, issue 13) that the replicas of one deployment keep their common state
 * in (cache tier, quota, tokens, budgets), and how many replicas share each platform's quota
 * (`REPLICAS`: while Redis is unreachable each paces to its share, quota / REPLICAS).
 */
import type { RedisSettings } from '../redis/redisConnection';
import { ConfigError, type Env } from './configError';
import { readPositiveInt } from './readers';

/** Whatever is above this many replicas is a typo, not a deployment (each would get < 1 call/s of most quotas). */
const MAX_REPLICAS = 1_000;

/** `REDIS_URL` (unset: null, all state local), `REDIS_TIMEOUT_MS` (default 50), `REDIS_KEY_PREFIX`. */
export function readRedisSettings(env: Env): RedisSettings | null {
  const url = env.REDIS_URL?.trim();
  if (!url) return null;
  if (!/^rediss?:\/\/[^\s]+$/.test(url)) throw new ConfigError('REDIS_URL', 'must be a redis:// or rediss:// URL');
  const keyPrefix = (env.REDIS_KEY_PREFIX ?? 'catalog-gateway').trim();
  if (!/^[\w.-]{1,64}$/.test(keyPrefix)) throw new ConfigError('REDIS_KEY_PREFIX', 'must be 1-64 letters, digits, ".", "_" or "-"');
  return { url, timeoutMs: readPositiveInt(env, 'REDIS_TIMEOUT_MS', 50, 10_000), keyPrefix };
}

/** `REPLICAS` (default 1): how many gateway processes share each credential's quota. */
export function readReplicas(env: Env): number {
  return readPositiveInt(env, 'REPLICAS', 1, MAX_REPLICAS);
}
