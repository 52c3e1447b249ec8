/** Credentials per platform, as the platforms issue them (see ../shared/upstream-protocols.md). */

export type TopSignMethod = 'md5' | 'hmac' | 'hmac-sha256';

export interface TaobaoCredentials {
  appKey: string;
  appSecret: string;
  /** The merchant's authorization (`session`). */
  session: string;
  signMethod: TopSignMethod;
}

export interface XiaoeCredentials {
  appId: string;
  clientId: string;
  secretKey: string;
}

export interface WechatCredentials {
  appId: string;
  appSecret: string;
}

export interface XhsArkCredentials {
  appKey: string;
  appSecret: string;
}

export interface XhsMiniappCredentials {
  appId: string;
  appSecret: string;
}

/** One merchant's credentials; a platform without credentials is absent. */
export interface PlatformCredentials {
  TAOBAO?: TaobaoCredentials;
  XIAOE?: XiaoeCredentials;
  WECHAT_SHOP?: WechatCredentials;
  XHS_ARK?: XhsArkCredentials;
  XHS_MINIAPP?: XhsMiniappCredentials;
}
