/**
 * The gateway's configuration, parsed and validated once at start-up from the environment and the
 * platform descriptors. Invalid configuration throws a ConfigError naming the variable, so a bad
 * deploy fails before its first request.
 */
import type { PlatformCode } from '../generated/graphql';
import type { PlatformSettings } from '../platforms/platformSettings';
import { PLATFORM_MODULES } from '../platforms/registry';
import { ConfigError, type Env } from './configError';
import type { PlatformCredentials } from './credentials';
import { readPlatformConfig } from './platformConfig';
import { nonEmpty, readPort, readPositiveInt } from './readers';
import { readFederation } from './federation';
import { readCacheSettings, type CacheSettings } from './cache';
import { readRedisSettings, readReplicas } from './redis';
import type { RedisSettings } from '../redis/redisConnection';
import { readAdminToken } from './admin';
import { readObservabilityConfig, type ObservabilityConfig } from './observability';
import { readAccessSettings, type AccessSettings } from './access';
import { parseCostSettings, type CostSettings } from './cost';
import { parseStructuralLimits, type StructuralLimits } from './structuralLimits';

export { ConfigError } from './configError';
export { PLATFORM_CODES } from '../platforms/registry';
export { DEFAULT_RESILIENCE, type PlatformSettings, type ResilienceSettings } from '../platforms/platformSettings';

export interface GatewayConfig {
  port: number;
  /** The interface the gateway listens on (`HOST`, default 127.0.0.1). */
  host: string;
  /** Each GraphQL request's budget: queueing for quota, retries and timeouts all fit inside it. */
  requestTimeoutMs: number;
  /** The embedded sandbox, or null when `SANDBOX=off`. */
  sandbox: { port: number; url: string } | null;
  platforms: Record<PlatformCode, PlatformSettings>;
  /** The `default` tenant's credentials, from the environment; a platform with none is unconfigured. */
  credentials: PlatformCredentials;
  /** Authentication, tenants, trusted documents, CORS and production mode (src/config/access.ts). */
  access: AccessSettings;
  /** Per-operation cost maximum and anonymous budgets (cost.ts). */
  cost: CostSettings;
  /** Depth, aliases, root fields, tokens and directives (structuralLimits.ts). */
  limits: StructuralLimits;
  /** Entity cache and coalescing window (src/config/cache.ts). */
  cache: CacheSettings;
  /** The Redis every replica shares (cache tier, quota, tokens, budgets); null: all state local (redis.ts). */
  redis: RedisSettings | null;
  /** `REPLICAS` (default 1): gateway processes sharing each quota; each paces to quota / REPLICAS without Redis. */
  replicas: number;
  /** Bearer token of the admin endpoints; null refuses them (src/config/admin.ts). */
  adminToken: string | null;
  /** Logs, metrics, traces, shutdown (src/config/observability.ts). */
  observability: ObservabilityConfig;
  /** Serve a Federation v2 subgraph (`_service`, `_entities`); `FEDERATION`, default on. */
  federation: boolean;
}

/**
 * `sandboxCredentials`: the embedded sandbox's fixed credentials (index.ts hands in the sandbox's own),
 * used for every platform it serves; without them those platforms are served but unconfigured.
 */
export function loadConfig(env: Env, sandboxCredentials: PlatformCredentials = {}): GatewayConfig {
  const port = readPort(env, 'PORT', 4000);
  const host = nonEmpty(env.HOST) ? env.HOST.trim() : '127.0.0.1';
  const requestTimeoutMs = readPositiveInt(env, 'REQUEST_TIMEOUT_MS', 10_000);
  const sandboxSetting = (env.SANDBOX ?? 'on').toLowerCase();
  if (!['on', 'off'].includes(sandboxSetting)) throw new ConfigError('SANDBOX', `must be "on" or "off", got "${env.SANDBOX}"`);
  const sandboxPort = readPort(env, 'SANDBOX_PORT', 4010);
  const sandbox = sandboxSetting === 'on' ? { port: sandboxPort, url: `http://127.0.0.1:${sandboxPort}` } : null;
  if (sandbox && sandboxPort === port && port !== 0) throw new ConfigError('SANDBOX_PORT', `must differ from PORT (${port})`);

  const platforms = {} as Record<PlatformCode, PlatformSettings>;
  const credentials: PlatformCredentials = {};
  for (const module of PLATFORM_MODULES) {
    const found = readPlatformConfig(env, module, sandbox && { url: sandbox.url, credentials: sandboxCredentials[module.code] });
    platforms[module.code] = found.settings;
    if (found.credentials !== undefined) Object.assign(credentials, { [module.code]: found.credentials });
  }
  const realCredentials = PLATFORM_MODULES.some(({ code }) => !platforms[code].sandbox && credentials[code] !== undefined);
  const access = readAccessSettings(env, { realCredentials });
  const fail = (variable: string, problem: string) => new ConfigError(variable, problem);
  const prefixes = Object.fromEntries(PLATFORM_MODULES.map((module) => [module.code, module.envPrefix])) as Record<PlatformCode, string>;
  const cache = readCacheSettings(env, prefixes, fail);
  return {
    port,
    host,
    requestTimeoutMs,
    sandbox,
    platforms,
    credentials,
    cache,
    redis: readRedisSettings(env),
    replicas: readReplicas(env),
    adminToken: readAdminToken(env, fail),
    observability: readObservabilityConfig(env),
    federation: readFederation(env),
    access,
    cost: parseCostSettings(env),
    limits: parseStructuralLimits(env),
  };
}
