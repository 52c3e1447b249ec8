/**
 * The default merchant's credentials on every platform, keyed by PlatformCode as the gateway reads
 * credentials, gathered from the platform modules (each folder's credentials.ts). The gateway uses them
 * for every platform that has no real configuration, and `GET /__sandbox/credentials` hands them out.
 */
import { SANDBOX_PLATFORM_MODULES } from './platforms';
import type { AnySandboxPlatformModule, SandboxCredentialSet } from './types';

/** One merchant's credentials on every platform, each picked from the platform's module (its own type). */
export function credentialSet(pick: (module: AnySandboxPlatformModule) => AnySandboxPlatformModule['credentials']): SandboxCredentialSet {
  return Object.fromEntries(SANDBOX_PLATFORM_MODULES.map((module) => [module.code, pick(module)])) as SandboxCredentialSet;
}

export const SANDBOX_CREDENTIALS: SandboxCredentialSet = credentialSet((module) => module.credentials);
