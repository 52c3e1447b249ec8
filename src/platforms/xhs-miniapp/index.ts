/** XHS_MINIAPP: the Xiaohongshu mini-program's local deal products (docs/platforms.md, "Xiaohongshu mini-program"). */
import type { PlatformModule } from '../types';
import { createXhsMiniappAdapter } from './adapter';
import { MINIAPP_ERRORS } from './errors';
import { xhsMiniappCredentials, type XhsMiniappCredentials } from './credentials';

export const xhsMiniappPlatform: PlatformModule<XhsMiniappCredentials, 'XHS_MINIAPP'> = {
  code: 'XHS_MINIAPP',
  name: 'Xiaohongshu mini-program',
  slug: 'xhs-miniapp',
  envPrefix: 'XHS_MINIAPP',
  credentials: xhsMiniappCredentials,
  realBaseUrl: 'https://miniapp.xiaohongshu.com',
  defaultTimeoutMs: 5_000,
  documentedQuota: null,
  errors: MINIAPP_ERRORS,
  createAdapter: createXhsMiniappAdapter,
};
