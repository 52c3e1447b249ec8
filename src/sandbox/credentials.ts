/**
 * The sandbox's fixed credentials, documented in the README. The gateway uses them for every platform
 * that has no real configuration, and `GET /__sandbox/credentials` hands them out.
 */
import type { PlatformCredentials } from '../config/credentials';

export const SANDBOX_CREDENTIALS = {
  TAOBAO: { appKey: '12345678', appSecret: 'sandbox-taobao-secret', session: 'sandbox-taobao-session', signMethod: 'hmac-sha256' },
  XIAOE: { appId: 'appsandbox0001', clientId: 'xop-sandbox-client', secretKey: 'sandbox-xiaoe-secret' },
  WECHAT_SHOP: { appId: 'wx0000000000sandbox', appSecret: 'sandbox-wechat-secret' },
  XHS_ARK: { appKey: 'sandbox-ark-key', appSecret: 'sandbox-ark-secret' },
  XHS_MINIAPP: { appId: 'xhs-sandbox-miniapp', appSecret: 'sandbox-miniapp-secret' },
} as const satisfies Required<PlatformCredentials>;
