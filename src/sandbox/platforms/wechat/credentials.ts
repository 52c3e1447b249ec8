/**
 * What the WeChat mini shop issues an app (docs/platforms.md, "WeChat mini shop: tokens and the
 * envelope"), in the gateway's credential shape, and the sandbox's fixed values (README, "Credentials"
 * and "Merchants").
 */

export interface WechatCredentials {
  appId: string;
  appSecret: string;
}

/** The default merchant's. */
export const WECHAT_CREDENTIALS: WechatCredentials = { appId: 'wx0000000000sandbox', appSecret: 'sandbox-wechat-secret' };

/** Merchant `m<n>`'s. */
export function wechatMerchantCredentials(n: number): WechatCredentials {
  return { appId: `wx0000000000sandbox-m${n}`, appSecret: `sandbox-wechat-secret-m${n}` };
}
