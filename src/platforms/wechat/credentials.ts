/** What WeChat issues a mini shop's app (docs/platforms.md, "WeChat mini shop: tokens and the envelope"). */
import type { CredentialSpec } from '../types';

export interface WechatCredentials {
  appId: string;
  appSecret: string;
}

export const wechatCredentials: CredentialSpec<WechatCredentials> = {
  variables: [
    { name: 'WECHAT_APP_ID', field: 'appId' },
    { name: 'WECHAT_APP_SECRET', field: 'appSecret', secret: true },
  ],
  read: (value) => ({ appId: value('WECHAT_APP_ID'), appSecret: value('WECHAT_APP_SECRET') }),
};
