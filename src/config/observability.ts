/**
 * Logs, metrics, traces and shutdown settings (README, "Configuration"; docs/observability.md).
 */
import { ConfigError } from './configError';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ObservabilityConfig {
  /** `LOG_LEVEL`, default `info`; `debug` adds one line per upstream attempt. */
  logLevel: LogLevel;
  /** `LOG_FORMAT`: `json`, `pretty`, or `auto` (default: pretty on a terminal, JSON otherwise). */
  logFormat: 'json' | 'pretty' | 'auto';
  /** `METRICS_PORT`: serve /metrics there only, not on the public port; null = on the gateway port. */
  metricsPort: number | null;
  /** `METRICS_HOST`, default 127.0.0.1: the interface METRICS_PORT listens on (not `HOST`, which may be public). */
  metricsHost: string;
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: OTLP/HTTP base URL (traces go to `<url>/v1/traces`); null = no tracing at all. */
  otlpEndpoint: string | null;
  /** `OTEL_SERVICE_NAME`, default `catalog-gateway`. */
  serviceName: string;
  /** `SHUTDOWN_TIMEOUT_MS`, default 10000: how long SIGTERM waits for requests in flight before closing their connections. */
  shutdownTimeoutMs: number;
}

type Env = Record<string, string | undefined>;

export function readObservabilityConfig(env: Env): ObservabilityConfig {
  return {
    logLevel: readChoice(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: readChoice(env, 'LOG_FORMAT', ['json', 'pretty', 'auto'] as const, 'auto'),
    metricsPort: readMetricsPort(env),
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
    otlpEndpoint: readUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT'),
    serviceName: env.OTEL_SERVICE_NAME?.trim() || 'catalog-gateway',
    shutdownTimeoutMs: readMs(env, 'SHUTDOWN_TIMEOUT_MS', 10_000),
  };
}

function readChoice<T extends string>(env: Env, name: string, choices: readonly T[], fallback: T): T {
  const value = env[name]?.trim().toLowerCase();
  if (!value) return fallback;
  if (!(choices as readonly string[]).includes(value))
    throw new ConfigError(name, `must be one of ${choices.join(', ')}, got "${env[name]}"`);
  return value as T;
}

function readMetricsPort(env: Env): number | null {
  const value = env.METRICS_PORT?.trim();
  if (!value) return null;
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new ConfigError('METRICS_PORT', `must be a port number (0-65535), got "${env.METRICS_PORT}"`);
  return Number(value);
}

function readUrl(env: Env, name: string): string | null {
  const value = env[name]?.trim();
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `must be an http or https URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, 'must be an http or https URL');
  return value.replace(/\/+$/, '');
}

function readMs(env: Env, name: string, fallback: number): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 2_147_483_647) {
    throw new ConfigError(name, `must be an integer from 1 to 2147483647, got "${env[name]}"`);
  }
  return Number(value);
}
