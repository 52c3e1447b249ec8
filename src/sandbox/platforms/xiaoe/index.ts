/**
 * Xiaoe-tech's stand-in under `/xiaoe` (api.xiaoe-tech.com): the token endpoint, goods detail 2.0 and
 * goods list 2.0, with the platform's `{code, msg, data}` envelope (see protocol.ts for codes and limits).
 */
import type { PlatformSandbox, PlatformSandboxInit, SandboxRoute } from '../../types';
import { buildXiaoeCatalog } from './catalog';
import { createDetailRoute } from './detailRoute';
import { createListRoute } from './listRoute';
import { TOKEN_QUOTA, xiaoeReply } from './protocol';
import { createTokenQuota } from './tokenQuota';
import { createTokenRoute } from './tokenRoute';

export interface XiaoeSandbox extends PlatformSandbox {
  /** Clears the token endpoint's own quota windows; the core calls it on `POST /__sandbox/reset`. */
  reset(): void;
}

export function createXiaoeSandbox(init: PlatformSandboxInit): XiaoeSandbox {
  const catalog = buildXiaoeCatalog(init.seed, init.size);
  const quota = createTokenQuota(TOKEN_QUOTA.limit, TOKEN_QUOTA.windowMs);
  const routes = new Map<string, { method: string; route: SandboxRoute }>([
    ['/token', { method: 'GET', route: createTokenRoute(quota) }],
    ['/xe.goods.detail.get/4.0.0', { method: 'POST', route: createDetailRoute(catalog) }],
    ['/xe.goods.list.get/4.0.0', { method: 'POST', route: createListRoute(catalog) }],
  ]);
  return {
    name: 'xiaoe',
    route(req) {
      const entry = routes.get(req.path);
      return entry && entry.method === req.method ? entry.route : undefined;
    },
    errorReply(code, message) {
      // Fault rules may carry the code as text; Xiaoe's `code` is a JSON integer.
      const numeric = Number(code);
      return xiaoeReply(Number.isInteger(numeric) ? numeric : code, message);
    },
    reset: () => quota.reset(),
  };
}
