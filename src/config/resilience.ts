/** `<PREFIX>_RETRY_*` and `<PREFIX>_BREAKER_*` (docs/resilience.md). */
import { DEFAULT_RESILIENCE, type ResilienceSettings } from '../platforms/platformSettings';
import { ConfigError, type Env } from './configError';
import { readPositiveInt } from './readers';

export function readResilience(env: Env, prefix: string): ResilienceSettings {
  const d = DEFAULT_RESILIENCE;
  const settings: ResilienceSettings = {
    retryAttempts: readPositiveInt(env, `${prefix}_RETRY_ATTEMPTS`, d.retryAttempts),
    retryBaseDelayMs: readPositiveInt(env, `${prefix}_RETRY_BASE_MS`, d.retryBaseDelayMs),
    retryMaxDelayMs: readPositiveInt(env, `${prefix}_RETRY_MAX_MS`, d.retryMaxDelayMs),
    breakerMinCalls: readPositiveInt(env, `${prefix}_BREAKER_MIN_CALLS`, d.breakerMinCalls),
    breakerErrorPercent: readPositiveInt(env, `${prefix}_BREAKER_ERROR_PERCENT`, d.breakerErrorPercent, 100),
    breakerResetMs: readPositiveInt(env, `${prefix}_BREAKER_RESET_MS`, d.breakerResetMs),
    breakerWindowMs: readPositiveInt(env, `${prefix}_BREAKER_WINDOW_MS`, d.breakerWindowMs),
  };
  if (settings.retryAttempts > 10) throw new ConfigError(`${prefix}_RETRY_ATTEMPTS`, `must be 1-10, got "${settings.retryAttempts}"`);
  return settings;
}
