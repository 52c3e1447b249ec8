/** TAOBAO: the Taobao Open Platform (TOP), `taobao.miniapp.items.get` (docs/platforms.md, "Taobao"). */
import type { PlatformModule } from '../types';
import { createTaobaoAdapter } from './adapter';
import { TOP_ERRORS } from './errors';
import { taobaoCredentials, type TaobaoCredentials } from './credentials';

export const taobaoPlatform: PlatformModule<TaobaoCredentials, 'TAOBAO'> = {
  code: 'TAOBAO',
  name: 'Taobao',
  slug: 'taobao',
  envPrefix: 'TAOBAO',
  credentials: taobaoCredentials,
  realBaseUrl: 'https://gw.api.taobao.com',
  defaultTimeoutMs: 5_000,
  documentedQuota: null,
  errors: TOP_ERRORS,
  createAdapter: createTaobaoAdapter,
};
