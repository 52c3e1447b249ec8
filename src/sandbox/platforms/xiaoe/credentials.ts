/**
 * What Xiaoe-tech issues an app (docs/platforms.md, "Xiaoe-tech: tokens and the envelope"), in the
 * gateway's credential shape, and the sandbox's fixed values (README, "Credentials" and "Merchants").
 */

export interface XiaoeCredentials {
  appId: string;
  clientId: string;
  secretKey: string;
}

/** The default merchant's. */
export const XIAOE_CREDENTIALS: XiaoeCredentials = {
  appId: 'appsandbox0001',
  clientId: 'xop-sandbox-client',
  secretKey: 'sandbox-xiaoe-secret',
};

/** Merchant `m<n>`'s: app id `appsandbox000<n>`. */
export function xiaoeMerchantCredentials(n: number): XiaoeCredentials {
  return { appId: `appsandbox000${n}`, clientId: `xop-sandbox-client-m${n}`, secretKey: `sandbox-xiaoe-secret-m${n}` };
}
