/**
 * The gateway's configuration, parsed and validated once at start-up from the environment. Invalid
 * configuration throws a ConfigError naming the variable, so a bad deploy fails before its first request.
 */
import type { PlatformCode } from '../generated/graphql';
import type { PlatformCredentials, TopSignMethod } from './credentials';
import { readFederation } from './federation';
import { SANDBOX_CREDENTIALS } from '../sandbox/credentials';
import { readCacheSettings, type CacheSettings } from './cache';
import { readAdminToken } from './admin';
import { readObservabilityConfig, type ObservabilityConfig } from './observability';

export class ConfigError extends Error {
  constructor(readonly variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

export interface PlatformSettings {
  /** Where the platform is reached: its real host, or the embedded sandbox's prefix for it. */
  baseUrl: string;
  /** Served by the embedded sandbox. */
  sandbox: boolean;
  /** Per upstream attempt. */
  timeoutMs: number;
  /** The quota calls are paced to, per credential; null where none is documented or configured. */
  quota: { limit: number; windowMs: number } | null;
  /** Retries and circuit breaking; DEFAULT_RESILIENCE where absent (settings built by hand in tests). */
  resilience?: ResilienceSettings;
}

/** Per platform, from `<PREFIX>_RETRY_*` and `<PREFIX>_BREAKER_*` (docs/resilience.md). */
export interface ResilienceSettings {
  /** Attempts in all for a transient failure (1 = no retry). `<PREFIX>_RETRY_ATTEMPTS`, default 3. */
  retryAttempts: number;
  /** Backoff ceiling of the first retry, doubled each time, full jitter. `<PREFIX>_RETRY_BASE_MS`, default 100. */
  retryBaseDelayMs: number;
  /** Cap of one backoff (a platform's retry-after hint may exceed it). `<PREFIX>_RETRY_MAX_MS`, default 1000. */
  retryMaxDelayMs: number;
  /** Attempts in the rolling window before the breaker may open. `<PREFIX>_BREAKER_MIN_CALLS`, default 5. */
  breakerMinCalls: number;
  /** Share of failed attempts (percent) that opens it. `<PREFIX>_BREAKER_ERROR_PERCENT`, default 50. */
  breakerErrorPercent: number;
  /** Time open before one probe is let through. `<PREFIX>_BREAKER_RESET_MS`, default 5000. */
  breakerResetMs: number;
  /** Rolling window of the failure statistics. `<PREFIX>_BREAKER_WINDOW_MS`, default 10000. */
  breakerWindowMs: number;
}

export const DEFAULT_RESILIENCE: Readonly<ResilienceSettings> = {
  retryAttempts: 3,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 1_000,
  breakerMinCalls: 5,
  breakerErrorPercent: 50,
  breakerResetMs: 5_000,
  breakerWindowMs: 10_000,
};

export interface GatewayConfig {
  port: number;
  /** The interface the gateway listens on (`HOST`, default 127.0.0.1). */
  host: string;
  /** Each GraphQL request's budget: queueing for quota, retries and timeouts all fit inside it. */
  requestTimeoutMs: number;
  /** The embedded sandbox, or null when `SANDBOX=off`. */
  sandbox: { port: number; url: string } | null;
  platforms: Record<PlatformCode, PlatformSettings>;
  /** The merchant's credentials (one merchant today); a platform with none is unconfigured. */
  credentials: PlatformCredentials;
  /** Entity cache, coalescing window and Redis tier (src/config/cache.ts). */
  cache: CacheSettings;
  /** Bearer token of the admin endpoints; null refuses them (src/config/admin.ts). */
  adminToken: string | null;
  /** Logs, metrics, traces, shutdown (src/config/observability.ts). */
  observability: ObservabilityConfig;
  /** Serve a Federation v2 subgraph (`_service`, `_entities`); `FEDERATION`, default on. */
  federation: boolean;
}

type Env = Record<string, string | undefined>;

interface PlatformEnv {
  prefix: string;
  realBaseUrl: string;
  sandboxPath: string;
  defaultTimeoutMs: number;
  /** The documented quota, e.g. Xiaoe's 3000 calls per 10 s; others are configured with <PREFIX>_RATE_LIMIT. */
  documentedQuota?: { limit: number; windowMs: number };
  /** Variables that make up the credentials, all required once any is set. */
  credentialVars: readonly string[];
  read(env: Env): NonNullable<PlatformCredentials[PlatformCode]>;
}

const SIGN_METHODS: readonly TopSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

const PLATFORM_ENV: Record<PlatformCode, PlatformEnv> = {
  TAOBAO: {
    prefix: 'TAOBAO',
    realBaseUrl: 'https://gw.api.taobao.com',
    sandboxPath: '/taobao',
    defaultTimeoutMs: 5_000,
    credentialVars: ['TAOBAO_APP_KEY', 'TAOBAO_APP_SECRET', 'TAOBAO_SESSION'],
    read: (env) => ({
      appKey: env.TAOBAO_APP_KEY!,
      appSecret: env.TAOBAO_APP_SECRET!,
      session: env.TAOBAO_SESSION!,
      signMethod: readSignMethod(env),
    }),
  },
  XIAOE: {
    prefix: 'XIAOE',
    realBaseUrl: 'https://api.xiaoe-tech.com',
    sandboxPath: '/xiaoe',
    defaultTimeoutMs: 5_000,
    documentedQuota: { limit: 3000, windowMs: 10_000 },
    credentialVars: ['XIAOE_APP_ID', 'XIAOE_CLIENT_ID', 'XIAOE_SECRET_KEY'],
    read: (env) => ({ appId: env.XIAOE_APP_ID!, clientId: env.XIAOE_CLIENT_ID!, secretKey: env.XIAOE_SECRET_KEY! }),
  },
  WECHAT_SHOP: {
    prefix: 'WECHAT',
    realBaseUrl: 'https://api.weixin.qq.com',
    sandboxPath: '/wechat',
    defaultTimeoutMs: 5_000,
    credentialVars: ['WECHAT_APP_ID', 'WECHAT_APP_SECRET'],
    read: (env) => ({ appId: env.WECHAT_APP_ID!, appSecret: env.WECHAT_APP_SECRET! }),
  },
  XHS_ARK: {
    prefix: 'XHS_ARK',
    realBaseUrl: 'https://ark.xiaohongshu.com',
    sandboxPath: '/xhs-ark',
    // The Ark items page itself recommends a 30 s timeout for this large response; we settle for 15 s.
    defaultTimeoutMs: 15_000,
    credentialVars: ['XHS_ARK_APP_KEY', 'XHS_ARK_APP_SECRET'],
    read: (env) => ({ appKey: env.XHS_ARK_APP_KEY!, appSecret: env.XHS_ARK_APP_SECRET! }),
  },
  XHS_MINIAPP: {
    prefix: 'XHS_MINIAPP',
    realBaseUrl: 'https://miniapp.xiaohongshu.com',
    sandboxPath: '/xhs-miniapp',
    defaultTimeoutMs: 5_000,
    credentialVars: ['XHS_MINIAPP_APP_ID', 'XHS_MINIAPP_APP_SECRET'],
    read: (env) => ({ appId: env.XHS_MINIAPP_APP_ID!, appSecret: env.XHS_MINIAPP_APP_SECRET! }),
  },
};

export const PLATFORM_CODES = Object.keys(PLATFORM_ENV) as PlatformCode[];

export function loadConfig(env: Env): GatewayConfig {
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
  for (const code of PLATFORM_CODES) {
    const spec = PLATFORM_ENV[code];
    const real = readRealCredentials(env, spec);
    const timeoutMs = readPositiveInt(env, `${spec.prefix}_TIMEOUT_MS`, spec.defaultTimeoutMs);
    const configured = readQuota(env, `${spec.prefix}_RATE_LIMIT`);
    const quota = configured !== undefined ? configured : (spec.documentedQuota ?? null);
    const common = { timeoutMs, quota, resilience: readResilience(env, spec.prefix) };
    if (real) {
      platforms[code] = { baseUrl: readUrl(env, `${spec.prefix}_BASE_URL`) ?? spec.realBaseUrl, sandbox: false, ...common };
      Object.assign(credentials, { [code]: real });
    } else if (sandbox) {
      rejectOrphanBaseUrl(env, spec);
      platforms[code] = { baseUrl: sandbox.url + spec.sandboxPath, sandbox: true, ...common };
      Object.assign(credentials, { [code]: SANDBOX_CREDENTIALS[code] });
    } else {
      rejectOrphanBaseUrl(env, spec);
      platforms[code] = { baseUrl: spec.realBaseUrl, sandbox: false, ...common };
    }
  }
  const fail = (variable: string, problem: string) => new ConfigError(variable, problem);
  const prefixes = Object.fromEntries(PLATFORM_CODES.map((code) => [code, PLATFORM_ENV[code].prefix])) as Record<PlatformCode, string>;
  const cache = readCacheSettings(env, prefixes, fail);
  return { port, host, requestTimeoutMs, sandbox, platforms, credentials, cache, adminToken: readAdminToken(env, fail), observability: readObservabilityConfig(env), federation: readFederation(env) };
}

/** The platform's real credentials, when any of its credential variables is set (then all must be). */
function readRealCredentials(env: Env, spec: PlatformEnv): PlatformCredentials[PlatformCode] | undefined {
  const present = spec.credentialVars.filter((name) => nonEmpty(env[name]));
  if (present.length === 0) return undefined;
  const missing = spec.credentialVars.find((name) => !nonEmpty(env[name]));
  if (missing) throw new ConfigError(missing, `is required when ${present.join(', ')} ${present.length > 1 ? 'are' : 'is'} set`);
  return spec.read(env);
}

function rejectOrphanBaseUrl(env: Env, spec: PlatformEnv): void {
  const name = `${spec.prefix}_BASE_URL`;
  if (nonEmpty(env[name])) throw new ConfigError(name, `is set but ${spec.credentialVars[0]} is not: a real host needs real credentials`);
}

function readResilience(env: Env, prefix: string): ResilienceSettings {
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
  if (settings.breakerErrorPercent > 100) throw new ConfigError(`${prefix}_BREAKER_ERROR_PERCENT`, `must be 1-100, got "${settings.breakerErrorPercent}"`);
  return settings;
}

/** `<calls>/<seconds>s`, e.g. `3000/10s`; `off` for no pacing. */
function readQuota(env: Env, name: string): { limit: number; windowMs: number } | null | undefined {
  const value = env[name];
  if (!nonEmpty(value)) return undefined;
  if (value.trim() === 'off') return null;
  const m = /^(\d+)\/(\d+)s$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1) throw new ConfigError(name, `must look like "3000/10s" (calls per seconds) or "off", got "${value}"`);
  return { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

function readSignMethod(env: Env): TopSignMethod {
  const value = env.TAOBAO_SIGN_METHOD ?? 'md5';
  if (!(SIGN_METHODS as readonly string[]).includes(value)) {
    throw new ConfigError('TAOBAO_SIGN_METHOD', `must be one of ${SIGN_METHODS.join(', ')}, got "${value}"`);
  }
  return value as TopSignMethod;
}

function readUrl(env: Env, name: string): string | undefined {
  const value = env[name];
  if (!nonEmpty(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, 'must be an http or https URL');
  return value.replace(/\/+$/, '');
}

function readPort(env: Env, name: string, fallback: number): number {
  const port = readInt(env, name, fallback);
  if (port < 0 || port > 65535) throw new ConfigError(name, `must be a port number (0-65535), got "${env[name]}"`);
  return port;
}

/** Node fires a timer of more than 2^31-1 ms at once, so no setting may be larger. */
const MAX_SETTING = 2_147_483_647;

function readPositiveInt(env: Env, name: string, fallback: number, max = MAX_SETTING): number {
  const value = readInt(env, name, fallback);
  if (value <= 0 || value > max) throw new ConfigError(name, `must be an integer from 1 to ${max}, got "${env[name]}"`);
  return value;
}

function readInt(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (!nonEmpty(value)) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new ConfigError(name, `must be an integer, got "${value}"`);
  return Number(value);
}

function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
