/** WECHAT_SHOP: the WeChat mini shop, `product/spu/*` (docs/platforms.md, "WeChat mini shop"). */
import type { PlatformModule } from '../types';
import { createWechatAdapter } from './adapter';
import { WECHAT_ERRORS } from './errors';
import { wechatCredentials, type WechatCredentials } from './credentials';

export const wechatPlatform: PlatformModule<WechatCredentials, 'WECHAT_SHOP'> = {
  code: 'WECHAT_SHOP',
  name: 'WeChat mini shop',
  slug: 'wechat',
  // The variables kept their original names (WECHAT_APP_ID, ...) when the code became WECHAT_SHOP.
  envPrefix: 'WECHAT',
  credentials: wechatCredentials,
  realBaseUrl: 'https://api.weixin.qq.com',
  defaultTimeoutMs: 5_000,
  documentedQuota: null,
  errors: WECHAT_ERRORS,
  createAdapter: createWechatAdapter,
};
