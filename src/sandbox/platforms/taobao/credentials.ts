/**
 * What TOP issues an app and a merchant's authorization (docs/platforms.md, "Taobao: signing and the
 * call envelope"), in the gateway's credential shape, and the sandbox's fixed values (README,
 * "Credentials" and "Merchants").
 */

export type TopSignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export interface TaobaoCredentials {
  appKey: string;
  appSecret: string;
  session: string;
  signMethod: TopSignMethod;
}

/** The default merchant's. */
export const TAOBAO_CREDENTIALS: TaobaoCredentials = {
  appKey: '12345678',
  appSecret: 'sandbox-taobao-secret',
  session: 'sandbox-taobao-session',
  signMethod: 'hmac-sha256',
};

/** Merchant `m<n>`'s: TOP app keys are numbers, so 12345679 for m2, 12345680 for m3. */
export function taobaoMerchantCredentials(n: number): TaobaoCredentials {
  return {
    appKey: String(12_345_678 + n - 1),
    appSecret: `sandbox-taobao-secret-m${n}`,
    session: `sandbox-taobao-session-m${n}`,
    signMethod: 'hmac-sha256',
  };
}
