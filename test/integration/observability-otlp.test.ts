/**
 * OTEL_EXPORTER_OTLP_ENDPOINT: spans leave over OTLP/HTTP to `<endpoint>/v1/traces` (a local collector
 * stand-in here). Its own file: a tracer provider registers once per process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { startTracing } from '../../src/observability/tracing';
import { startStack, type Stack } from '../helpers/stack';

const received: Array<{ path: string; contentType: string; body: string }> = [];
let collector: http.Server;
let endpoint: string;
let stack: Stack;

beforeAll(async () => {
  collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
  await new Promise((resolve) => collector.close(resolve));
});

describe('OTLP/HTTP export', () => {
  it('posts the spans of a request to <endpoint>/v1/traces once flushed', async () => {
    const { observability } = loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: `${endpoint}/`, OTEL_SERVICE_NAME: 'gateway-under-test' });
    const tracing = startTracing({ endpoint: observability.otlpEndpoint, serviceName: observability.serviceName });
    expect(tracing).not.toBeNull();
    await stack.query('query Exported { product(platform: TAOBAO, id: "1489161932") { title } }');
    await tracing?.shutdown();
    const posts = received.filter((r) => r.path === '/v1/traces');
    expect(posts.length).toBeGreaterThan(0);
    const body = posts.map((p) => p.body).join('\n');
    expect(body).toContain('graphql query Exported');
    expect(body).toContain('upstream TAOBAO taobao.miniapp.items.get');
    expect(body).toContain('gateway-under-test');
  });
});
