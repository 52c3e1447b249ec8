/**
 * The sandbox's merchants: every platform serves the default merchant (SANDBOX_CREDENTIALS) and, unless
 * `merchants: 1`, extra merchants `m2`, `m3`, ... each with its own fixed credentials (documented in
 * README.md, "Merchants") and its own catalog from `deriveSeed(seed, "<platform>:<merchant>")`.
 */
import { SANDBOX_CREDENTIALS } from './credentials';
import { deriveSeed } from './data/random';
import type { SandboxCredentialSet, SandboxMerchantInit, SandboxPlatformName } from './types';

export const DEFAULT_MERCHANT = 'default';
/** Merchants per platform, the default one included. */
export const DEFAULT_MERCHANT_COUNT = 3;
export const MAX_MERCHANT_COUNT = 9;

/** `['default', 'm2', ..., 'm<count>']`. */
export function merchantNames(count: number): string[] {
  return [DEFAULT_MERCHANT, ...Array.from({ length: count - 1 }, (_, i) => `m${i + 2}`)];
}

/** The fixed credentials of a merchant: SANDBOX_CREDENTIALS for the default, derived from the number for `m<n>`. */
export function merchantCredentials(name: string): SandboxCredentialSet {
  if (name === DEFAULT_MERCHANT) return SANDBOX_CREDENTIALS;
  const n = merchantNumber(name);
  const suffix = `-m${n}`;
  return {
    // Taobao app keys are numbers: 12345679 for m2, 12345680 for m3.
    TAOBAO: { appKey: String(12_345_678 + n - 1), appSecret: `sandbox-taobao-secret${suffix}`, session: `sandbox-taobao-session${suffix}`, signMethod: 'hmac-sha256' },
    XIAOE: { appId: `appsandbox000${n}`, clientId: `xop-sandbox-client${suffix}`, secretKey: `sandbox-xiaoe-secret${suffix}` },
    WECHAT_SHOP: { appId: `wx0000000000sandbox${suffix}`, appSecret: `sandbox-wechat-secret${suffix}` },
    XHS_ARK: { appKey: `sandbox-ark-key${suffix}`, appSecret: `sandbox-ark-secret${suffix}` },
    XHS_MINIAPP: { appId: `xhs-sandbox-miniapp${suffix}`, appSecret: `sandbox-miniapp-secret${suffix}` },
  };
}

/** The extra merchants (all but the default) a platform factory builds, with their derived seeds. */
export function extraMerchants(rootSeed: number, platform: SandboxPlatformName, count: number): SandboxMerchantInit[] {
  return merchantNames(count)
    .slice(1)
    .map((name) => ({ name, seed: deriveSeed(rootSeed, `${platform}:${name}`), credentials: merchantCredentials(name) }));
}

/** 2 for `m2`; a name that is not `m<2..9>` is a programming error. */
export function merchantNumber(name: string): number {
  const match = /^m([2-9])$/.exec(name);
  if (!match) throw new TypeError(`sandbox merchant names are "default" or m2..m${MAX_MERCHANT_COUNT}, got ${JSON.stringify(name)}`);
  return Number(match[1]);
}
