/** Credentials per platform, as each platform's module reads them (src/platforms/<platform>/credentials.ts). */
import type { PlatformCode } from '../generated/graphql';
import type { CredentialsOf } from '../platforms/registry';

/** One merchant's credentials; a platform without credentials is absent. */
export type PlatformCredentials = { [K in PlatformCode]?: CredentialsOf<K> };
