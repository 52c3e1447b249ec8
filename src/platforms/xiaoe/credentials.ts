/** What Xiaoe-tech issues a shop's app (docs/platforms.md, "Xiaoe-tech: tokens and the envelope"). */
import type { CredentialSpec } from '../types';

export interface XiaoeCredentials {
  appId: string;
  clientId: string;
  secretKey: string;
}

export const xiaoeCredentials: CredentialSpec<XiaoeCredentials> = {
  variables: [
    { name: 'XIAOE_APP_ID', field: 'appId' },
    { name: 'XIAOE_CLIENT_ID', field: 'clientId' },
    { name: 'XIAOE_SECRET_KEY', field: 'secretKey', secret: true },
  ],
  read: (value) => ({ appId: value('XIAOE_APP_ID'), clientId: value('XIAOE_CLIENT_ID'), secretKey: value('XIAOE_SECRET_KEY') }),
};
