/** What Ark issues a merchant's app (docs/platforms.md, "Xiaohongshu Ark: signing and the envelope"). */
import type { CredentialSpec } from '../types';

export interface XhsArkCredentials {
  appKey: string;
  appSecret: string;
}

export const xhsArkCredentials: CredentialSpec<XhsArkCredentials> = {
  variables: [
    { name: 'XHS_ARK_APP_KEY', field: 'appKey' },
    { name: 'XHS_ARK_APP_SECRET', field: 'appSecret', secret: true },
  ],
  read: (value) => ({ appKey: value('XHS_ARK_APP_KEY'), appSecret: value('XHS_ARK_APP_SECRET') }),
};
