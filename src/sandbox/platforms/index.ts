/**
 * Every platform the sandbox stands in for, one module each, in the schema's PlatformCode order. The
 * rest of the sandbox reads platforms from here: slugs, credentials, token prefixes, rate limits and
 * factories live in each platform's folder (platforms/<slug>/index.ts).
 */
import type { PlatformCode } from '../../generated/graphql';
import type { AnySandboxPlatformModule, PlatformSandbox, PlatformSandboxInit, SandboxPlatformName } from '../types';
import { taobaoSandbox } from './taobao';
import { wechatSandbox } from './wechat';
import { xhsArkSandbox } from './xhs-ark';
import { xhsMiniappSandbox } from './xhs-miniapp';
import { xiaoeSandbox } from './xiaoe';

export const SANDBOX_PLATFORM_MODULES = [taobaoSandbox, xiaoeSandbox, wechatSandbox, xhsArkSandbox, xhsMiniappSandbox] as const;

// Every PlatformCode of the schema has a stand-in: a missing one fails the type check here.
const EVERY_CODE_LISTED: [Exclude<PlatformCode, AnySandboxPlatformModule['code']>] extends [never] ? true : false = true;
void EVERY_CODE_LISTED;

export const SANDBOX_PLATFORMS: readonly SandboxPlatformName[] = SANDBOX_PLATFORM_MODULES.map((module) => module.slug);

/** Each platform's value of `pick`, by slug (e.g. the default rate limits). */
export function bySlug<T>(pick: (module: AnySandboxPlatformModule) => T): Record<SandboxPlatformName, T> {
  return Object.fromEntries(SANDBOX_PLATFORM_MODULES.map((module) => [module.slug, pick(module)])) as Record<SandboxPlatformName, T>;
}

/** Each platform's factory by slug, for callers that build stand-ins themselves (the benchmarks). */
export const PLATFORM_SANDBOX_FACTORIES: Readonly<Record<SandboxPlatformName, (init: PlatformSandboxInit) => PlatformSandbox>> = bySlug(
  (module) => (init: PlatformSandboxInit) => module.create(init),
);
