/**
 * The sandbox's merchants: every platform serves the default merchant (SANDBOX_CREDENTIALS) and, unless
 * `merchants: 1`, extra merchants `m2`, `m3`, ... each with its own fixed credentials (each platform's
 * `merchantCredentials`, documented in README.md, "Merchants") and its own catalog from
 * `deriveSeed(seed, "<platform>:<merchant>")`.
 */
import { credentialSet, SANDBOX_CREDENTIALS } from './credentials';
import { deriveSeed } from './data/random';
import { DEFAULT_MERCHANT, merchantNames, merchantNumber } from './merchantNames';
import type { SandboxCredentialSet, SandboxMerchantInit, SandboxPlatformName } from './types';

export { DEFAULT_MERCHANT, DEFAULT_MERCHANT_COUNT, MAX_MERCHANT_COUNT, merchantNames, merchantNumber } from './merchantNames';

/** The fixed credentials of a merchant on every platform: SANDBOX_CREDENTIALS for the default one. */
export function merchantCredentials(name: string): SandboxCredentialSet {
  if (name === DEFAULT_MERCHANT) return SANDBOX_CREDENTIALS;
  const n = merchantNumber(name);
  return credentialSet((module) => module.merchantCredentials(n));
}

/** The extra merchants (all but the default) a platform factory builds, with their derived seeds. */
export function extraMerchants(rootSeed: number, platform: SandboxPlatformName, count: number): SandboxMerchantInit[] {
  return merchantNames(count)
    .slice(1)
    .map((name) => ({ name, seed: deriveSeed(rootSeed, `${platform}:${name}`), credentials: merchantCredentials(name) }));
}
