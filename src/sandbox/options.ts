/**
 * Defaults of the sandbox and the resolution of `SandboxOptions` into the fully filled options every
 * platform module reads from `ctx.options`.
 */
import { DEFAULT_MERCHANT_COUNT, MAX_MERCHANT_COUNT } from './merchantNames';
import { bySlug, SANDBOX_PLATFORMS } from './platforms';
import type { RateLimit, ResolvedSandboxOptions, SandboxOptions, SandboxPlatformName } from './types';

export const DEFAULT_PORT = 4010;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_SEED = 20240601;
export const DEFAULT_SIZE = 500;
/** Token lifetime of every platform's token endpoint (7200 s; docs/platforms.md, "Upstream protocols: what the code relies on beyond the API pages"). */
export const DEFAULT_TOKEN_TTL_SECONDS = 7200;
/** The previous token keeps working 5 minutes after a new one is issued (the same docs/platforms.md section). */
export const DEFAULT_TOKEN_OVERLAP_SECONDS = 300;
/** Signed timestamps are accepted +-10 minutes (Taobao, Ark). */
export const DEFAULT_TIMESTAMP_TOLERANCE_SECONDS = 600;

/** Calls per window per credential: each platform module's `rateLimit` (documented or assumed there). */
export const DEFAULT_RATE_LIMITS: Readonly<Record<SandboxPlatformName, RateLimit>> = bySlug((module) => module.rateLimit);

/** Fills every option with its default; throws a TypeError naming the option that is out of range. */
export function resolveSandboxOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const seed = options.seed ?? DEFAULT_SEED;
  requireInteger('seed', seed, Number.MIN_SAFE_INTEGER);
  return {
    seed,
    size: resolveSize(options.size),
    tokenTtlSeconds: requireInteger('tokenTtlSeconds', options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, 1),
    tokenOverlapSeconds: requireInteger('tokenOverlapSeconds', options.tokenOverlapSeconds ?? DEFAULT_TOKEN_OVERLAP_SECONDS, 0),
    timestampToleranceSeconds: requireInteger(
      'timestampToleranceSeconds',
      options.timestampToleranceSeconds ?? DEFAULT_TIMESTAMP_TOLERANCE_SECONDS,
      0,
    ),
    rateLimits: resolveRateLimits(options.rateLimits),
    merchants: requireInteger('merchants', options.merchants ?? DEFAULT_MERCHANT_COUNT, 1, MAX_MERCHANT_COUNT),
  };
}

function resolveSize(size: SandboxOptions['size']): Record<SandboxPlatformName, number> {
  const out = {} as Record<SandboxPlatformName, number>;
  for (const name of SANDBOX_PLATFORMS) {
    const value = typeof size === 'number' ? size : (size?.[name] ?? DEFAULT_SIZE);
    out[name] = requireInteger(`size.${name}`, value, 0);
  }
  return out;
}

function resolveRateLimits(limits: SandboxOptions['rateLimits']): Record<SandboxPlatformName, { limit: number; windowMs: number }> {
  const out = {} as Record<SandboxPlatformName, { limit: number; windowMs: number }>;
  for (const name of SANDBOX_PLATFORMS) out[name] = validRateLimit(`rateLimits.${name}`, limits?.[name] ?? DEFAULT_RATE_LIMITS[name]);
  return out;
}

/**
 * `{limit, windowMs}`, both integers >= 1, or a TypeError naming the field (`<name>.limit`); shared
 * with `POST /__sandbox/rate-limits`.
 */
export function validRateLimit(name: string, value: unknown): { limit: number; windowMs: number } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`sandbox option ${name} must be {"limit": n, "windowMs": n}, but got ${JSON.stringify(value)}`);
  }
  const { limit, windowMs } = value as { limit?: unknown; windowMs?: unknown };
  return { limit: requireInteger(`${name}.limit`, limit, 1), windowMs: requireInteger(`${name}.windowMs`, windowMs, 1) };
}

function requireInteger(name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `>= ${min}` : `in [${min}, ${max}]`;
    throw new TypeError(`sandbox option ${name} must be an integer ${range}, but got ${JSON.stringify(value)}`);
  }
  return value;
}
