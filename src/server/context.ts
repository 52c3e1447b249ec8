import type { PlatformCredentials } from '../config/credentials';
import type { ProductLoaders } from '../loaders/productLoaders';
import type { PlatformRegistry } from '../platforms/registry';
import type { RequestUsage } from '../platforms/requestUsage';

/** Built once per GraphQL request. Loaders live here and nowhere else, so no cache outlives a request. */
export interface GatewayContext {
  platforms: PlatformRegistry;
  /** The calling merchant's credentials. */
  credentials: PlatformCredentials;
  loaders: ProductLoaders;
  /** Epoch ms by which every upstream call of this request must be answered. */
  deadline: number;
  /** What this request spent upstream and was served from caches (filled in below the resolvers). */
  usage: RequestUsage;
}
