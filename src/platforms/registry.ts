/**
 * Every platform the gateway knows, one line each, in the schema's order. The rest of the gateway
 * reads platforms from here (docs/adding-a-platform.md).
 */
import type { PlatformCode } from '../generated/graphql';
import type { UpstreamGuard } from './resilience/upstreamGuard';
import type { PlatformAdapter } from './types';
import { taobaoPlatform } from './taobao';
import { xiaoePlatform } from './xiaoe';
import { wechatPlatform } from './wechat';
import { xhsArkPlatform } from './xhs-ark';
import { xhsMiniappPlatform } from './xhs-miniapp';

export const PLATFORM_MODULES = [taobaoPlatform, xiaoePlatform, wechatPlatform, xhsArkPlatform, xhsMiniappPlatform] as const;

export type AnyPlatformModule = (typeof PLATFORM_MODULES)[number];

/** The module of the platform `K`. */
export type PlatformModuleOf<K extends PlatformCode> = Extract<AnyPlatformModule, { code: K }>;

/** The credentials of the platform `K`, as its module reads them. */
export type CredentialsOf<K extends PlatformCode> = ReturnType<PlatformModuleOf<K>['credentials']['read']>;

// Every PlatformCode of the schema has exactly one module: a missing one fails the type check here.
const EVERY_CODE_LISTED: [Exclude<PlatformCode, AnyPlatformModule['code']>] extends [never] ? true : false = true;
void EVERY_CODE_LISTED;

export const PLATFORM_CODES: readonly PlatformCode[] = PLATFORM_MODULES.map((module) => module.code);

/** A platform as the server sees it: its module, its adapter and where it is served from. */
export interface PlatformEntry<K extends PlatformCode = PlatformCode> {
  module: PlatformModuleOf<K>;
  adapter: PlatformAdapter<CredentialsOf<K>>;
  /** Served by the embedded sandbox rather than the real host. */
  sandbox: boolean;
  /** The adapter's guard, for health reporting. */
  guard: UpstreamGuard;
}

/** The built platforms, in the schema's order. */
export type PlatformRegistry = ReadonlyMap<PlatformCode, PlatformEntry>;
