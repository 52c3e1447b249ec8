/**
 * The environment the gateway and the baseline both read with `loadConfig`: no embedded sandbox, and
 * TAOBAO, XIAOE and WECHAT_SHOP pointed at the bench's sandbox with the sandbox's credentials as if they were real
 * ones (so the base URLs apply). Quota pacing is off: the sandbox's quotas are raised out of reach,
 * and pacing would measure the token bucket instead of the servers.
 */
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';

export function benchGatewayEnv(sandboxUrl: string, port = 0): Record<string, string> {
  const taobao = SANDBOX_CREDENTIALS.TAOBAO;
  const xiaoe = SANDBOX_CREDENTIALS.XIAOE;
  const wechat = SANDBOX_CREDENTIALS.WECHAT_SHOP;
  return {
    SANDBOX: 'off',
    // Sandbox credentials posing as real ones: anonymous access, as over the embedded sandbox.
    AUTH: 'none',
    // The side-by-side bench compares serving paths: every request goes upstream, as the baseline's and
    // Mesh's do (BENCH_GATEWAY_CACHE=on to include the entity cache; bench:capacity sets its own).
    CACHE: process.env.BENCH_GATEWAY_CACHE ?? 'off',
    PORT: String(port),
    TAOBAO_APP_KEY: taobao.appKey,
    TAOBAO_APP_SECRET: taobao.appSecret,
    TAOBAO_SESSION: taobao.session,
    TAOBAO_SIGN_METHOD: taobao.signMethod,
    TAOBAO_BASE_URL: `${sandboxUrl}/taobao`,
    TAOBAO_RATE_LIMIT: 'off',
    XIAOE_APP_ID: xiaoe.appId,
    XIAOE_CLIENT_ID: xiaoe.clientId,
    XIAOE_SECRET_KEY: xiaoe.secretKey,
    XIAOE_BASE_URL: `${sandboxUrl}/xiaoe`,
    XIAOE_RATE_LIMIT: 'off',
    WECHAT_APP_ID: wechat.appId,
    WECHAT_APP_SECRET: wechat.appSecret,
    WECHAT_BASE_URL: `${sandboxUrl}/wechat`,
    WECHAT_RATE_LIMIT: 'off',
  };
}
