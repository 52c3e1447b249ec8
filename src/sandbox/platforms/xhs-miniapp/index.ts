/**
 * The Xiaohongshu mini-program stand-in (`/xhs-miniapp`): `POST /api/rmp/token` and the local-deal
 * `POST /api/rmp/mp/deal/product/batch_get`, with the sandbox's fixed mini-program credentials.
 */
import type { XhsMiniappCredentials } from '../../../config/credentials';
import { SANDBOX_CREDENTIALS } from '../../credentials';
import type { PlatformSandbox, PlatformSandboxInit } from '../../types';
import { createBatchGetRoute, MINIAPP_BATCH_GET_PATH } from './batchGetRoute';
import { MiniappCatalog } from './catalog';
import { miniappError } from './envelope';
import { createTokenRoute, MINIAPP_TOKEN_PATH } from './tokenRoute';

export interface XhsMiniappSandbox extends PlatformSandbox {
  /** The data it serves, for tests that compare answers with it. */
  readonly catalog: MiniappCatalog;
}

export function createXhsMiniappSandbox(init: PlatformSandboxInit, credentials: XhsMiniappCredentials = SANDBOX_CREDENTIALS.XHS_MINIAPP): XhsMiniappSandbox {
  const catalog = new MiniappCatalog(init.seed, init.size);
  const routes = new Map([
    [MINIAPP_TOKEN_PATH, createTokenRoute(credentials)],
    [MINIAPP_BATCH_GET_PATH, createBatchGetRoute(catalog, credentials)],
  ]);
  return {
    name: 'xhs-miniapp',
    catalog,
    route: (req) => (req.method === 'POST' ? routes.get(req.path) : undefined),
    errorReply: (code, message) => miniappError(code, message),
  };
}
