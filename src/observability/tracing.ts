/**
 * OpenTelemetry tracing. Nothing is registered unless an exporter is configured
 * (`OTEL_EXPORTER_OTLP_ENDPOINT`, or one handed in by a test): the spans the gateway starts then go to
 * the API's no-op tracer, which costs a function call and no allocation worth measuring.
 *
 * When registered: the W3C trace-context propagator (an incoming `traceparent` becomes the parent of
 * the operation's span) and an AsyncLocalStorage context manager (upstream attempt spans become its
 * children wherever the loaders run them).
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-node';

export interface TracingOptions {
  /** OTLP/HTTP base URL; spans are posted to `<endpoint>/v1/traces`. */
  endpoint: string | null;
  serviceName: string;
  /** Exports every span at once to this exporter instead (tests: an InMemorySpanExporter). */
  exporter?: SpanExporter;
}

export interface Tracing {
  /** Exports what is buffered and unregisters nothing (the process is ending). */
  shutdown(): Promise<void>;
}

/** Registers a global tracer provider, or returns null (and registers nothing) when there is nowhere to export. */
export function startTracing(options: TracingOptions): Tracing | null {
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : options.endpoint
      ? new BatchSpanProcessor(new OTLPTraceExporter({ url: `${options.endpoint}/v1/traces` }))
      : null;
  if (!processor) return null;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}
