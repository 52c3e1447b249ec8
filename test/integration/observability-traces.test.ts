/**
 * Spans, checked with an in-memory exporter: one per GraphQL operation (the child of the caller's
 * W3C traceparent) and one per upstream attempt below it.
 */
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTracing, type Tracing } from '../../src/observability/tracing';
import { startStack, type Stack } from '../helpers/stack';

const exporter = new InMemorySpanExporter();
let tracing: Tracing | null;
let stack: Stack;

beforeAll(async () => {
  tracing = startTracing({ endpoint: null, serviceName: 'catalog-gateway-test', exporter });
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
  await tracing?.shutdown();
});
beforeEach(async () => {
  await stack.setFaults([]);
  exporter.reset();
});

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_SPAN = 'b7ad6b7169203331';

describe('traces', () => {
  it('registers nothing without an endpoint or exporter', () => {
    expect(startTracing({ endpoint: null, serviceName: 'x' })).toBeNull();
  });

  it('makes the operation span a child of the incoming traceparent, and each upstream attempt a child of it', async () => {
    await stack.query('query ProductPage { product(platform: TAOBAO, id: "1489161932") { title } }', undefined, {
      traceparent: `00-${TRACE_ID}-${PARENT_SPAN}-01`,
      'x-request-id': 'trace-1',
    });
    const spans = exporter.getFinishedSpans();
    const operation = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(operation?.name).toBe('graphql query ProductPage');
    expect(operation?.spanContext().traceId).toBe(TRACE_ID);
    expect(operation?.parentSpanContext?.spanId).toBe(PARENT_SPAN);
    expect(operation?.attributes).toMatchObject({
      'graphql.operation.name': 'ProductPage',
      'graphql.operation.type': 'query',
      'gateway.request_id': 'trace-1',
      'gateway.outcome': 'ok',
      'gateway.upstream_calls': 1,
    });
    const upstream = spans.filter((s) => s.kind === SpanKind.CLIENT);
    expect(upstream).toHaveLength(1);
    expect(upstream[0]?.name).toBe('upstream TAOBAO taobao.miniapp.items.get');
    expect(upstream[0]?.parentSpanContext?.spanId).toBe(operation?.spanContext().spanId);
    expect(upstream[0]?.attributes).toMatchObject({
      'gateway.platform': 'TAOBAO',
      'gateway.upstream.operation': 'taobao.miniapp.items.get',
      'gateway.upstream.id_count': 1,
      'gateway.upstream.attempt': 1,
      'gateway.upstream.outcome': 'ok',
      'gateway.upstream.sent': true,
    });
    expect(typeof upstream[0]?.attributes['gateway.upstream.quota_wait_ms']).toBe('number');
  });

  it('gives a retried call one span per attempt, the failed one marked as an error', async () => {
    await stack.setFaults([{ platform: 'taobao', kind: 'http', status: 503, count: 1 }]);
    await stack.query('{ product(platform: TAOBAO, id: "1489161932") { title } }');
    const attempts = exporter.getFinishedSpans().filter((s) => s.kind === SpanKind.CLIENT);
    expect(
      attempts.map((s) => [s.attributes['gateway.upstream.attempt'], s.attributes['gateway.upstream.outcome'], s.status.code]),
    ).toEqual([
      [1, 'UPSTREAM_UNAVAILABLE', SpanStatusCode.ERROR],
      [2, 'ok', SpanStatusCode.UNSET],
    ]);
  });

  it('starts a new trace when the request carries no traceparent, and names the error codes', async () => {
    await stack.query('{ product(platform: TAOBAO, id: "1") { title } }');
    const operation = exporter.getFinishedSpans().find((s) => s.kind === SpanKind.SERVER);
    expect(operation?.parentSpanContext).toBeUndefined();
    expect(operation?.spanContext().traceId).not.toBe(TRACE_ID);
    expect(operation?.attributes['gateway.error_codes']).toEqual(['NOT_FOUND']);
  });
});
