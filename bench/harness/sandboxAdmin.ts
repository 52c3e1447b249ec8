/** The bench's use of the sandbox admin API (src/sandbox/README.md): call counts and fault rules. */
import type { FaultRule } from '../../src/sandbox/types';

/** Business calls by `<platform>:<operation>` (token calls left out: they are cached, not per request). */
export async function businessCalls(sandboxUrl: string): Promise<Record<string, number>> {
  const res = await fetch(`${sandboxUrl}/__sandbox/stats`);
  const { calls } = (await res.json()) as { calls: Record<string, number> };
  return Object.fromEntries(Object.entries(calls).filter(([key]) => !key.endsWith(':token')));
}

export async function setFaults(sandboxUrl: string, faults: FaultRule[]): Promise<void> {
  const res = await fetch(`${sandboxUrl}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  if (!res.ok) throw new Error(`sandbox refused the fault rules: HTTP ${res.status} ${await res.text()}`);
}

/** Mode B: every business call the scenarios make answers 20 ms late. */
export function upstreamLatency(latencyMs: number): FaultRule[] {
  return [
    { platform: 'taobao', operation: 'taobao.miniapp.items.get', kind: 'latency', latencyMs },
    { platform: 'xiaoe', operation: 'xe.goods.detail.get', kind: 'latency', latencyMs },
    { platform: 'wechat', operation: 'product/spu/get_list', kind: 'latency', latencyMs },
    { platform: 'wechat', operation: 'product/sku/get_list', kind: 'latency', latencyMs },
  ];
}

export function diffCalls(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [key, n] of Object.entries(after)) if (n - (before[key] ?? 0) > 0) delta[key] = n - (before[key] ?? 0);
  return delta;
}
