/**
 * What the guard reports about each upstream attempt: a span (OpenTelemetry's API, a no-op unless the
 * process registered a tracer provider, see src/observability/tracing.ts) and one event to the guard's
 * listeners (metrics, debug logs). Observing never changes what the guard does or throws.
 */
import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { PlatformCode } from '../../generated/graphql';
import { StaleTokenError, UpstreamError, type UpstreamErrorCode } from '../errors';

/** `ok`, an UpstreamErrorCode, `STALE_TOKEN` (refreshed and repeated by the token layer), or `INTERNAL` (a bug). */
export type AttemptOutcome = 'ok' | UpstreamErrorCode | 'STALE_TOKEN' | 'INTERNAL';

export interface UpstreamAttempt {
  platform: PlatformCode;
  /** The endpoint, e.g. `product/spu/get` (one breaker each). */
  operation: string;
  /** `token` for an access-token fetch, `call` for everything else. */
  purpose: 'call' | 'token';
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
  /** Ids the call carries, where it looks products up by id. */
  idCount: number | undefined;
  /** Time spent queueing for the credential's quota before the attempt. */
  quotaWaitMs: number;
  /** Whether a request left for the upstream (false: refused by pacing, the deadline or an open breaker). */
  sent: boolean;
  /** From sending to the answer (0 when not sent). */
  durationMs: number;
  outcome: AttemptOutcome;
  /** GatewayReason where the gateway, not a platform code, decided the failure. */
  reason: string | undefined;
}

export type AttemptListener = (attempt: UpstreamAttempt) => void;

/** What the guard knows of a call when it starts an attempt. */
export interface AttemptCall {
  endpoint: string;
  purpose?: 'call' | 'token' | undefined;
  idCount?: number | undefined;
}

const tracer = trace.getTracer('catalog-gateway');

export class ObservedAttempt {
  quotaWaitMs = 0;
  private readonly span: Span;
  private sentAt: number | undefined;
  private ended = false;

  constructor(
    private readonly listeners: ReadonlySet<AttemptListener>,
    private readonly platform: PlatformCode,
    private readonly call: AttemptCall,
    private readonly attempt: number,
  ) {
    this.span = tracer.startSpan(`upstream ${platform} ${call.endpoint}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'gateway.platform': platform,
        'gateway.upstream.operation': call.endpoint,
        'gateway.upstream.attempt': attempt,
        ...(call.idCount !== undefined ? { 'gateway.upstream.id_count': call.idCount } : {}),
      },
    });
  }

  markSent(): void {
    this.sentAt = performance.now();
  }

  /** Ends the attempt with `raw` (undefined on success) and hands `raw` back, for `throw observed.end(err)`. */
  end<E>(raw: E): E;
  end(): undefined;
  end<E>(raw?: E): E | undefined {
    if (this.ended) return raw;
    this.ended = true;
    const { outcome, reason } = outcomeOf(raw);
    const durationMs = this.sentAt === undefined ? 0 : performance.now() - this.sentAt;
    this.span.setAttributes({
      'gateway.upstream.quota_wait_ms': Math.round(this.quotaWaitMs),
      'gateway.upstream.outcome': outcome,
      'gateway.upstream.sent': this.sentAt !== undefined,
    });
    if (reason) this.span.setAttribute('gateway.upstream.reason', reason);
    if (outcome !== 'ok') this.span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
    this.span.end();
    if (this.listeners.size === 0) return raw;
    const event: UpstreamAttempt = {
      platform: this.platform,
      operation: this.call.endpoint,
      purpose: this.call.purpose ?? 'call',
      attempt: this.attempt,
      idCount: this.call.idCount,
      quotaWaitMs: this.quotaWaitMs,
      sent: this.sentAt !== undefined,
      durationMs,
      outcome,
      reason,
    };
    for (const listener of this.listeners) listener(event);
    return raw;
  }
}

function outcomeOf(raw: unknown): { outcome: AttemptOutcome; reason: string | undefined } {
  if (raw === undefined) return { outcome: 'ok', reason: undefined };
  if (raw instanceof StaleTokenError) return { outcome: 'STALE_TOKEN', reason: undefined };
  if (raw instanceof UpstreamError) return { outcome: raw.code, reason: raw.reason };
  if (raw instanceof Error && (raw as { code?: string }).code === 'EOPENBREAKER')
    return { outcome: 'UPSTREAM_UNAVAILABLE', reason: 'CIRCUIT_OPEN' };
  return { outcome: 'INTERNAL', reason: undefined };
}
