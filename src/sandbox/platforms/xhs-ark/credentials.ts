/**
 * What Xiaohongshu Ark issues an app (docs/platforms.md, "Xiaohongshu Ark: signing and the envelope"),
 * in the gateway's credential shape, and the sandbox's fixed values (README, "Credentials" and
 * "Merchants").
 */

export interface XhsArkCredentials {
  appKey: string;
  appSecret: string;
}

/** The default merchant's. */
export const XHS_ARK_CREDENTIALS: XhsArkCredentials = { appKey: 'sandbox-ark-key', appSecret: 'sandbox-ark-secret' };

/** Merchant `m<n>`'s. */
export function xhsArkMerchantCredentials(n: number): XhsArkCredentials {
  return { appKey: `sandbox-ark-key-m${n}`, appSecret: `sandbox-ark-secret-m${n}` };
}
