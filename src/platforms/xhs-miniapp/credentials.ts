/** What the Xiaohongshu mini-program platform issues an app (docs/platforms.md, "Xiaohongshu mini-program: tokens and the envelope"). */
import type { CredentialSpec } from '../types';

export interface XhsMiniappCredentials {
  appId: string;
  appSecret: string;
}

export const xhsMiniappCredentials: CredentialSpec<XhsMiniappCredentials> = {
  variables: [
    { name: 'XHS_MINIAPP_APP_ID', field: 'appId' },
    { name: 'XHS_MINIAPP_APP_SECRET', field: 'appSecret', secret: true },
  ],
  read: (value) => ({ appId: value('XHS_MINIAPP_APP_ID'), appSecret: value('XHS_MINIAPP_APP_SECRET') }),
};
