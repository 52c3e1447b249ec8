/**
 * The environment the gateway and the baseline both read with `loadConfig`: no embedded sandbox, and
 * every platform pointed at the bench's sandbox with the sandbox's credentials as if they were real
 * ones (so the base URLs apply); the scenarios call TAOBAO, XIAOE and WECHAT_SHOP.
 * Quota pacing is off for those: the sandbox's quotas are raised out of reach,
 * and pacing would measure the token bucket instead of the servers.
 */
import { externalSandboxEnv } from '../../scripts/externalSandboxEnv';

export function benchGatewayEnv(sandboxUrl: string, port = 0): Record<string, string> {
  return {
    // Sandbox credentials posing as real ones, base URLs at the bench's sandbox, anonymous access.
    ...externalSandboxEnv(sandboxUrl),
    // The side-by-side bench compares serving paths: every request goes upstream, as the baseline's and
    // Mesh's do (BENCH_GATEWAY_CACHE=on to include the entity cache; bench:capacity sets its own).
    CACHE: process.env.BENCH_GATEWAY_CACHE ?? 'off',
    PORT: String(port),
    TAOBAO_RATE_LIMIT: 'off',
    XIAOE_RATE_LIMIT: 'off',
    WECHAT_RATE_LIMIT: 'off',
  };
}
