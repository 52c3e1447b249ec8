import type { GatewayConfig } from '../config/config';
import type { PlatformCode } from '../generated/graphql';
import type { PlatformRegistry } from './registry';
import type { AdapterOptions, PlatformAdapter, PlatformEntry } from './types';
import { guardPolicyFor } from './resilience/policy';
import { UpstreamGuard } from './resilience/upstreamGuard';
import { createTaobaoAdapter } from './taobao/adapter';
import { createXiaoeAdapter } from './xiaoe/adapter';
import { createWechatAdapter } from './wechat/adapter';
import { createXhsArkAdapter } from './xhs-ark/adapter';
import { createXhsMiniappAdapter } from './xhs-miniapp/adapter';

const FACTORIES: Record<PlatformCode, (options: AdapterOptions) => PlatformAdapter<never>> = {
  TAOBAO: createTaobaoAdapter,
  XIAOE: createXiaoeAdapter,
  WECHAT_SHOP: createWechatAdapter,
  XHS_ARK: createXhsArkAdapter,
  XHS_MINIAPP: createXhsMiniappAdapter,
};

/** Builds every adapter once, at start-up, from the validated configuration. */
export function buildPlatformRegistry(config: GatewayConfig): PlatformRegistry {
  const registry = new Map<PlatformCode, PlatformEntry>();
  for (const [code, factory] of Object.entries(FACTORIES) as Array<[PlatformCode, (o: AdapterOptions) => PlatformAdapter<never>]>) {
    const settings = config.platforms[code];
    const guard = new UpstreamGuard(code, guardPolicyFor(settings));
    registry.set(code, { adapter: factory({ baseUrl: settings.baseUrl, timeoutMs: settings.timeoutMs, guard }), sandbox: settings.sandbox, guard });
  }
  return registry;
}
