/**
 * The gateway's Prometheus metrics (docs/observability.md lists each one). One registry per gateway
 * instance, so two gateways in one process (tests) never share counts; the process's default metrics
 * (CPU, heap, event-loop lag, GC) are collected once per process, in their own registry, and merged into
 * every scrape: their collectors (an event-loop delay monitor, a GC observer) are never stopped.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PlatformRegistry } from '../platforms/registry';
import type { RequestUsage } from '../platforms/requestUsage';
import type { UpstreamAttempt } from '../platforms/resilience/observedAttempt';

/** `ok`: no error; `partial`: data and errors; `error`: errors only (or an HTTP error status). */
export type RequestOutcome = 'ok' | 'partial' | 'error';

const BREAKER_VALUE = { closed: 0, halfOpen: 1, open: 2 } as const;

let processRegistry: Registry | undefined;

/** The registry of the process's default metrics, made (and its collectors started) on first use. */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'gateway_requests_total',
    help: 'GraphQL requests by outcome',
    labelNames: ['outcome'],
    registers: [this.registry],
  });
  private readonly requestDuration = new Histogram({
    name: 'gateway_request_duration_seconds',
    help: 'GraphQL request duration by outcome',
    labelNames: ['outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly upstreamCalls = new Counter({
    name: 'gateway_upstream_calls_total',
    help: 'Upstream attempts sent, by platform, operation (endpoint) and outcome (ok or an UpstreamErrorCode)',
    labelNames: ['platform', 'operation', 'outcome'],
    registers: [this.registry],
  });
  private readonly upstreamRefused = new Counter({
    name: 'gateway_upstream_refused_total',
    help: 'Upstream attempts the gateway did not send, by platform, operation and reason (QUOTA_PACING, DEADLINE, CIRCUIT_OPEN)',
    labelNames: ['platform', 'operation', 'reason'],
    registers: [this.registry],
  });
  private readonly upstreamDuration = new Histogram({
    name: 'gateway_upstream_call_duration_seconds',
    help: 'Upstream attempt duration (sent to answered), by platform, operation and outcome',
    labelNames: ['platform', 'operation', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });
  private readonly quotaWait = new Histogram({
    name: 'gateway_upstream_quota_wait_seconds',
    help: 'Time an upstream attempt queued for its credential quota, by platform',
    labelNames: ['platform'],
    buckets: [0, 0.001, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  private readonly tokenRefreshes = new Counter({
    name: 'gateway_token_refreshes_total',
    help: 'Access-token fetches by platform and outcome',
    labelNames: ['platform', 'outcome'],
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: 'gateway_cache_lookups_total',
    help: 'Entity-cache lookups by result (hit, stale, miss), as counted on each request',
    labelNames: ['result'],
    registers: [this.registry],
  });

  constructor(platforms: PlatformRegistry) {
    processMetrics();
    new Gauge({
      name: 'gateway_breaker_state',
      help: 'Circuit breaker per platform and operation (endpoint): 0 closed, 1 half-open, 2 open',
      labelNames: ['platform', 'operation'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [platform, entry] of platforms) {
          for (const [operation, state] of Object.entries(entry.guard.status().breakers))
            this.set({ platform, operation }, BREAKER_VALUE[state]);
        }
      },
    });
  }

  recordRequest(outcome: RequestOutcome, durationMs: number, usage: RequestUsage): void {
    this.requests.inc({ outcome });
    this.requestDuration.observe({ outcome }, durationMs / 1000);
    const fresh = usage.cacheHits - usage.cacheStale;
    if (fresh > 0) this.cacheLookups.inc({ result: 'hit' }, fresh);
    if (usage.cacheStale > 0) this.cacheLookups.inc({ result: 'stale' }, usage.cacheStale);
    if (usage.cacheMisses > 0) this.cacheLookups.inc({ result: 'miss' }, usage.cacheMisses);
  }

  recordAttempt(attempt: UpstreamAttempt): void {
    const { platform, operation, outcome } = attempt;
    this.quotaWait.observe({ platform }, attempt.quotaWaitMs / 1000);
    if (!attempt.sent) {
      this.upstreamRefused.inc({ platform, operation, reason: attempt.reason ?? outcome });
      return;
    }
    this.upstreamCalls.inc({ platform, operation, outcome });
    this.upstreamDuration.observe({ platform, operation, outcome }, attempt.durationMs / 1000);
    if (attempt.purpose === 'token') this.tokenRefreshes.inc({ platform, outcome });
  }

  /** The exposition text and its content type, for GET /metrics. */
  async scrape(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}
