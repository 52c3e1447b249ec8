/**
 * What the Xiaohongshu mini-program platform issues an app (docs/platforms.md, "Xiaohongshu
 * mini-program: tokens and the envelope"), in the gateway's credential shape, and the sandbox's fixed
 * values (README, "Credentials" and "Merchants").
 */

export interface XhsMiniappCredentials {
  appId: string;
  appSecret: string;
}

/** The default merchant's. */
export const XHS_MINIAPP_CREDENTIALS: XhsMiniappCredentials = { appId: 'xhs-sandbox-miniapp', appSecret: 'sandbox-miniapp-secret' };

/** Merchant `m<n>`'s. */
export function xhsMiniappMerchantCredentials(n: number): XhsMiniappCredentials {
  return { appId: `xhs-sandbox-miniapp-m${n}`, appSecret: `sandbox-miniapp-secret-m${n}` };
}
