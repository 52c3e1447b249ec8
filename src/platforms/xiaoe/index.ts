/** XIAOE: Xiaoe-tech goods detail 2.0 and goods list 2.0 (docs/platforms.md, "Xiaoe-tech"). */
import type { PlatformModule } from '../types';
import { createXiaoeAdapter } from './adapter';
import { XIAOE_ERRORS } from './errors';
import { xiaoeCredentials, type XiaoeCredentials } from './credentials';

export const xiaoePlatform: PlatformModule<XiaoeCredentials, 'XIAOE'> = {
  code: 'XIAOE',
  name: 'Xiaoe-tech',
  slug: 'xiaoe',
  envPrefix: 'XIAOE',
  credentials: xiaoeCredentials,
  realBaseUrl: 'https://api.xiaoe-tech.com',
  defaultTimeoutMs: 5_000,
  // 3000 calls per 10 s per shop (docs/platforms.md, "Xiaoe-tech: quota").
  documentedQuota: { limit: 3000, windowMs: 10_000 },
  errors: XIAOE_ERRORS,
  createAdapter: createXiaoeAdapter,
};
