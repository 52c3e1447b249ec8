/**
 * The five platform stand-ins, in SANDBOX_PLATFORMS order. Imported lazily by startSandbox, so a
 * sandbox started with its own `platforms` does not build these catalogs.
 */
import type { PlatformSandbox, PlatformSandboxInit, SandboxPlatformName } from '../types';
import { createTaobaoSandbox } from './taobao';
import { createWechatSandbox } from './wechat';
import { createXhsArkSandbox } from './xhs-ark';
import { createXhsMiniappSandbox } from './xhs-miniapp';
import { createXiaoeSandbox } from './xiaoe';

export const PLATFORM_SANDBOX_FACTORIES: Readonly<Record<SandboxPlatformName, (init: PlatformSandboxInit) => PlatformSandbox>> = {
  taobao: createTaobaoSandbox,
  xiaoe: createXiaoeSandbox,
  wechat: createWechatSandbox,
  'xhs-ark': createXhsArkSandbox,
  'xhs-miniapp': createXhsMiniappSandbox,
};
