/**
 * The Xiaohongshu Ark open API v1 stand-in (`/xhs-ark`): `GET /ark/open_api/v1/items`, signed with
 * the sandbox's fixed Ark credentials.
 */
import type { XhsArkCredentials } from '../../../config/credentials';
import { SANDBOX_CREDENTIALS } from '../../credentials';
import type { PlatformSandbox, PlatformSandboxInit } from '../../types';
import { ArkCatalog } from './catalog';
import { arkError } from './envelope';
import { ArkListIndex } from './listIndex';
import { ARK_ITEMS_PATH, createItemsRoute } from './itemsRoute';

export interface XhsArkSandbox extends PlatformSandbox {
  /** The data it serves, for tests that compare answers with it. */
  readonly catalog: ArkCatalog;
}

/** `credentials` default to the sandbox's fixed ones; tests pass others (e.g. the signing vector's). */
export function createXhsArkSandbox(init: PlatformSandboxInit, credentials: XhsArkCredentials = SANDBOX_CREDENTIALS.XHS_ARK): XhsArkSandbox {
  const catalog = new ArkCatalog(init.seed, init.size);
  const items = createItemsRoute(catalog, new ArkListIndex(catalog.records), credentials);
  return {
    name: 'xhs-ark',
    catalog,
    route: (req) => (req.method === 'GET' && req.path === ARK_ITEMS_PATH ? items : undefined),
    errorReply: (code, message) => arkError(code, message),
  };
}
