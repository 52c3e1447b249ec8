import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('observability settings', () => {
  it('defaults to info logs chosen by terminal, /metrics on the gateway port, no tracing, a 10 s shutdown bound', () => {
    expect(loadConfig({}).observability).toEqual({
      logLevel: 'info',
      logFormat: 'auto',
      metricsPort: null,
      metricsHost: '127.0.0.1',
      otlpEndpoint: null,
      serviceName: 'catalog-gateway',
      shutdownTimeoutMs: 10_000,
    });
  });

  it('reads every variable', () => {
    const env = {
      LOG_LEVEL: 'DEBUG',
      LOG_FORMAT: 'json',
      METRICS_PORT: '9464',
      METRICS_HOST: '0.0.0.0',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/',
      OTEL_SERVICE_NAME: 'gw',
      SHUTDOWN_TIMEOUT_MS: '2500',
    };
    expect(loadConfig(env).observability).toEqual({
      logLevel: 'debug',
      logFormat: 'json',
      metricsPort: 9464,
      metricsHost: '0.0.0.0',
      otlpEndpoint: 'http://collector:4318',
      serviceName: 'gw',
      shutdownTimeoutMs: 2500,
    });
  });

  it.each([
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'xml'],
    ['METRICS_PORT', '70000'],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
    ['SHUTDOWN_TIMEOUT_MS', '0'],
  ])('refuses %s=%s at start-up, naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`^${name}:`));
  });
});
