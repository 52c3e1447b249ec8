/** XHS_ARK: the Xiaohongshu Ark open API v1 items (docs/platforms.md, "Xiaohongshu Ark"). */
import type { PlatformModule } from '../types';
import { createXhsArkAdapter } from './adapter';
import { ARK_ERRORS } from './errors';
import { xhsArkCredentials, type XhsArkCredentials } from './credentials';

export const xhsArkPlatform: PlatformModule<XhsArkCredentials, 'XHS_ARK'> = {
  code: 'XHS_ARK',
  name: 'Xiaohongshu Ark',
  slug: 'xhs-ark',
  envPrefix: 'XHS_ARK',
  credentials: xhsArkCredentials,
  realBaseUrl: 'https://ark.xiaohongshu.com',
  // The Ark items page itself recommends a 30 s timeout for this large response; we settle for 15 s.
  defaultTimeoutMs: 15_000,
  documentedQuota: null,
  errors: ARK_ERRORS,
  createAdapter: createXhsArkAdapter,
};
