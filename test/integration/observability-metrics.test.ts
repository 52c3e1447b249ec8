/**
 * /metrics as Prometheus scrapes it: request, upstream, quota, breaker and token series counted from
 * real traffic over the sandbox, Node's default metrics, and METRICS_PORT keeping them off the public port.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { startGatewayServer } from '../../src/server/httpServer';
import { GatewayMetrics } from '../../src/observability/gatewayMetrics';
import { startStack, type Stack } from '../helpers/stack';

/** The value of one sample, e.g. `gateway_requests_total{outcome="ok"}`; 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

async function scrape(url: string): Promise<string> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/plain');
  return res.text();
}

describe('/metrics on the gateway port', () => {
  let stack: Stack;
  beforeAll(async () => {
    // A slow Taobao quota (2 calls per second) so that calls queue; a breaker that opens after 2 failures.
    stack = await startStack(
      {},
      { TAOBAO_RATE_LIMIT: '2/1s', XHS_ARK_BREAKER_MIN_CALLS: '2', XHS_ARK_RETRY_ATTEMPTS: '1', XHS_ARK_BREAKER_RESET_MS: '60000' },
    );
  });
  afterAll(async () => stack.close());

  it('counts requests by outcome, upstream calls by platform, operation and outcome, and token fetches', async () => {
    const { calls } = await stack.measure(async () => {
      await stack.query('{ product(platform: WECHAT_SHOP, id: "12345") { title } }');
      await stack.query('{ product(platform: TAOBAO, id: "1") { title } }');
      await stack.query('{ nope }');
    });
    const text = await scrape(stack.gateway.metricsUrl);
    expect(sample(text, 'gateway_requests_total{outcome="ok"}')).toBe(1);
    expect(sample(text, 'gateway_requests_total{outcome="partial"}')).toBe(1); // data: { product: null } and NOT_FOUND
    expect(sample(text, 'gateway_requests_total{outcome="error"}')).toBe(1); // the invalid document: no data
    expect(sample(text, 'gateway_request_duration_seconds_count{outcome="ok"}')).toBe(1);
    expect(sample(text, 'gateway_upstream_calls_total{platform="WECHAT_SHOP",operation="product/spu/get",outcome="ok"}')).toBe(
      calls['wechat:product/spu/get'],
    );
    expect(sample(text, 'gateway_upstream_calls_total{platform="TAOBAO",operation="taobao.miniapp.items.get",outcome="ok"}')).toBe(
      calls['taobao:taobao.miniapp.items.get'],
    );
    expect(sample(text, 'gateway_token_refreshes_total{platform="WECHAT_SHOP",outcome="ok"}')).toBe(1);
    expect(
      sample(text, 'gateway_upstream_call_duration_seconds_count{platform="WECHAT_SHOP",operation="product/spu/get",outcome="ok"}'),
    ).toBe(1);
    expect(sample(text, 'gateway_breaker_state{platform="TAOBAO",operation="taobao.miniapp.items.get"}')).toBe(0);
    for (const name of ['process_cpu_user_seconds_total', 'nodejs_eventloop_lag_seconds', 'nodejs_heap_size_used_bytes'])
      expect(text).toContain(`\n${name} `);
  });

  it("collects the process metrics once per process: a gateway's own registry holds only its gateway_ series, each scrape all", async () => {
    const gateways = [new GatewayMetrics(new Map()), new GatewayMetrics(new Map())];
    for (const metrics of gateways) {
      expect((await metrics.registry.getMetricsAsJSON()).map((m) => m.name).filter((name) => !name.startsWith('gateway_'))).toEqual([]);
      const { body } = await metrics.scrape();
      for (const name of ['process_cpu_user_seconds_total', 'nodejs_heap_size_used_bytes', 'gateway_requests_total'])
        expect(body).toContain(`# TYPE ${name} `);
    }
  });

  it('measures the time calls queue for quota', async () => {
    const ids = ['1489161932', '1489161933', '1489161934', '1489161935'];
    await Promise.all(ids.map((id) => stack.query(`{ product(platform: TAOBAO, id: "${id}") { title } }`)));
    const text = await scrape(stack.gateway.metricsUrl);
    // 4 calls at 2 per second: the last ones wait for the bucket to refill.
    expect(sample(text, 'gateway_upstream_quota_wait_seconds_sum{platform="TAOBAO"}')).toBeGreaterThan(0.4);
  });

  it('shows an open breaker as 2, and the calls it refused', async () => {
    await stack.setFaults([{ platform: 'xhs-ark', kind: 'http', status: 503 }]);
    for (let i = 0; i < 3; i++) await stack.query('{ catalog(platform: XHS_ARK, first: 1) { edges { cursor } } }');
    await stack.setFaults([]);
    const text = await scrape(stack.gateway.metricsUrl);
    expect(sample(text, 'gateway_breaker_state{platform="XHS_ARK",operation="items"}')).toBe(2);
    expect(sample(text, 'gateway_upstream_calls_total{platform="XHS_ARK",operation="items",outcome="UPSTREAM_UNAVAILABLE"}')).toBe(2);
    expect(sample(text, 'gateway_upstream_refused_total{platform="XHS_ARK",operation="items",reason="CIRCUIT_OPEN"}')).toBe(1);
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics only on its own port', async () => {
    const stack = await startStack({}, { METRICS_PORT: '0' });
    try {
      expect((await fetch(`${stack.gateway.url}/metrics`)).status).toBe(404);
      expect(stack.gateway.metricsUrl).not.toBe(`${stack.gateway.url}/metrics`);
      expect(await scrape(stack.gateway.metricsUrl)).toContain('# TYPE gateway_requests_total counter');
    } finally {
      await stack.close();
    }
  });
});

describe('METRICS_HOST', () => {
  it('binds the metrics port to METRICS_HOST, not to HOST', async () => {
    const stack = await startStack({}, { METRICS_PORT: '0', METRICS_HOST: '127.0.0.2' });
    try {
      expect(new URL(stack.gateway.url).hostname).toBe('127.0.0.1');
      expect(new URL(stack.gateway.metricsUrl).hostname).toBe('127.0.0.2');
      expect(await scrape(stack.gateway.metricsUrl)).toContain('# TYPE gateway_requests_total counter');
    } finally {
      await stack.close();
    }
  });
});

describe('METRICS_PORT taken', () => {
  it('fails the start-up', async () => {
    const blocker = await startStack({}, { METRICS_PORT: '0' });
    const taken = new URL(blocker.gateway.metricsUrl).port;
    try {
      const config = loadConfig({ PORT: '0', METRICS_PORT: taken });
      await expect(startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0 })).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await blocker.close();
    }
  });
});
