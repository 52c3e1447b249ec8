/** What TOP issues a merchant's app (docs/platforms.md, "Taobao: signing and the call envelope"). */
import type { CredentialSpec } from '../types';

export const TOP_SIGN_METHODS = ['md5', 'hmac', 'hmac-sha256'] as const;
export type TopSignMethod = (typeof TOP_SIGN_METHODS)[number];

export interface TaobaoCredentials {
  appKey: string;
  appSecret: string;
  /** The merchant's authorization (`session`). */
  session: string;
  signMethod: TopSignMethod;
}

export const taobaoCredentials: CredentialSpec<TaobaoCredentials> = {
  variables: [
    { name: 'TAOBAO_APP_KEY', field: 'appKey' },
    { name: 'TAOBAO_APP_SECRET', field: 'appSecret', secret: true },
    { name: 'TAOBAO_SESSION', field: 'session', secret: true },
    { name: 'TAOBAO_SIGN_METHOD', field: 'signMethod', oneOf: TOP_SIGN_METHODS, default: 'md5' },
  ],
  read: (value) => ({
    appKey: value('TAOBAO_APP_KEY'),
    appSecret: value('TAOBAO_APP_SECRET'),
    session: value('TAOBAO_SESSION'),
    signMethod: TOP_SIGN_METHODS.find((method) => method === value('TAOBAO_SIGN_METHOD')) ?? 'md5',
  }),
};
