/** Credentials per platform, as each platform's module reads them (src/platforms/<platform>/credentials.ts). */
import type { PlatformCode } from '../generated/graphql';
import type { CredentialsOf } from '../platforms/registry';

/** One merchant's credentials; a platform without credentials is absent. */
export type PlatformCredentials = { [K in PlatformCode]?: CredentialsOf<K> };

// The sandbox and its tests still import these names from here (type-only); the sandbox restructuring
// replaces them with `CredentialsOf<code>`, and then they go.
export type TaobaoCredentials = CredentialsOf<'TAOBAO'>;
export type TopSignMethod = TaobaoCredentials['signMethod'];
export type XiaoeCredentials = CredentialsOf<'XIAOE'>;
export type WechatCredentials = CredentialsOf<'WECHAT_SHOP'>;
export type XhsArkCredentials = CredentialsOf<'XHS_ARK'>;
export type XhsMiniappCredentials = CredentialsOf<'XHS_MINIAPP'>;
