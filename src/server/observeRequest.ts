/**
 * Wraps the handling of one GraphQL request in what an operator sees of it: the request id (echoed as
 * `x-request-id`), a server span whose parent is the caller's W3C `traceparent`, then one log line and
 * the request metrics once the answer is sent (docs/observability.md).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';
import type { GatewayMetrics, RequestOutcome } from '../observability/gatewayMetrics';
import type { Logger } from '../observability/logger';
import { newRequestRecord, requestIdFrom, type RequestRecord } from '../observability/requestRecord';
import type { RequestUsage } from '../platforms/requestUsage';
import type { GatewayContext } from './context';

export interface RequestObservers {
  logger: Logger;
  metrics: GatewayMetrics;
}

const tracer = trace.getTracer('catalog-gateway');

/** Sets `x-request-id` on `res` and returns the id (the client's, when it sent a sane one). */
export function assignRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdFrom(req.headers['x-request-id']);
  res.setHeader('x-request-id', id);
  return id;
}

export async function observeGraphQLRequest(
  observers: RequestObservers,
  req: IncomingMessage,
  res: ServerResponse,
  requestId: string,
  usage: RequestUsage,
  contextOf: () => Pick<GatewayContext, 'tenantId' | 'client'> | undefined,
  /** Answers the request, filling in `record` (through the request's context, src/server/requestRecordPlugin.ts). */
  handle: (record: RequestRecord) => Promise<void>,
): Promise<void> {
  const record = newRequestRecord(requestId);
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer.startSpan('graphql.request', { kind: SpanKind.SERVER, attributes: { 'gateway.request_id': requestId } }, parent);
  const startedAt = performance.now();
  try {
    await context.with(trace.setSpan(parent, span), () => handle(record));
  } finally {
    const durationMs = performance.now() - startedAt;
    const outcome = outcomeOf(record, res.statusCode);
    observers.metrics.recordRequest(outcome, durationMs, usage);
    endSpan(span, record, outcome, usage);
    // The line is built only when it is written (LOG_LEVEL above info: never).
    if (observers.logger.isLevelEnabled('info'))
      observers.logger.info(logLine(record, outcome, durationMs, res.statusCode, usage, contextOf()), 'graphql request');
  }
}

function outcomeOf(record: RequestRecord, status: number): RequestOutcome {
  if (status >= 400 || (!record.hasData && record.errorCodes.length > 0)) return 'error';
  return record.errorCodes.length > 0 ? 'partial' : 'ok';
}

function endSpan(span: ReturnType<typeof tracer.startSpan>, record: RequestRecord, outcome: RequestOutcome, usage: RequestUsage): void {
  // Without a tracer provider (no OTEL_EXPORTER_OTLP_ENDPOINT) the span records nothing: no attributes to build.
  if (!span.isRecording()) return span.end();
  if (record.operationType) span.updateName(`graphql ${record.operationType}${record.operationName ? ` ${record.operationName}` : ''}`);
  span.setAttributes({
    ...(record.operationName ? { 'graphql.operation.name': record.operationName } : {}),
    ...(record.operationType ? { 'graphql.operation.type': record.operationType } : {}),
    ...(record.documentHash ? { 'graphql.document.hash': record.documentHash } : {}),
    'gateway.outcome': outcome,
    'gateway.upstream_calls': usage.totalUpstreamCalls,
    ...(record.errorCodes.length > 0 ? { 'gateway.error_codes': record.errorCodes } : {}),
  });
  if (outcome === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: record.errorCodes.join(',') });
  span.end();
}

/** The fields of the per-request log line (docs/observability.md, "Logs"). */
function logLine(
  record: RequestRecord,
  outcome: RequestOutcome,
  durationMs: number,
  status: number,
  usage: RequestUsage,
  ctx: Pick<GatewayContext, 'tenantId' | 'client'> | undefined,
): Record<string, unknown> {
  const cost = record.extensions?.cost as { estimatedCalls?: number; actualCalls?: number } | undefined;
  return {
    requestId: record.requestId,
    operationName: record.operationName,
    operationType: record.operationType,
    documentHash: record.documentHash,
    tenantId: ctx?.tenantId ?? null,
    clientId: ctx?.client?.clientId ?? null,
    status,
    outcome,
    durationMs: Math.round(durationMs * 10) / 10,
    upstreamCalls: Object.fromEntries(usage.upstreamCalls),
    cache: { hits: usage.cacheHits, misses: usage.cacheMisses, stale: usage.cacheStale },
    // A request refused before execution has no `extensions.cost`: then actual calls are what the guard counted.
    cost: { estimatedCalls: cost?.estimatedCalls ?? null, actualCalls: cost?.actualCalls ?? usage.totalUpstreamCalls },
    errorCodes: record.errorCodes,
  };
}
