import type { PlatformCredentials } from '../config/credentials';
import type { ProductLoaders } from '../loaders/productLoaders';
import type { PlatformRegistry } from '../platforms/registry';
import type { RequestUsage } from '../platforms/requestUsage';
import type { RequestRecord } from '../observability/requestRecord';

/** Who is calling, once authenticated. Never holds a secret or a key digest. */
export interface ClientIdentity {
  /** Stable id of the client (an API key's id, a JWT's subject), for budgets and logs. */
  clientId: string;
  /** The tenant whose merchants this client acts for. */
  tenantId: string;
  /** Granted scopes, e.g. `catalog:raw`. */
  scopes: ReadonlySet<string>;
  /** The client's budget in upstream calls, where its tenant or the client itself sets one. */
  budget?: { limit: number; restorePerSecond: number };
}

/** Built once per GraphQL request. Loaders live here and nowhere else, so no cache outlives a request. */
export interface GatewayContext {
  platforms: PlatformRegistry;
  /** The authenticated client; null when authentication is off (AUTH=none). */
  client: ClientIdentity | null;
  /** The address the request came from (the socket's peer), for anonymous budgets. */
  clientAddress?: string;
  /** The tenant the request runs for (`default` for the single merchant configured in the environment). */
  tenantId: string;
  /** The calling merchant's credentials. */
  credentials: PlatformCredentials;
  loaders: ProductLoaders;
  /** Epoch ms by which every upstream call of this request must be answered. */
  deadline: number;
  /** What this request spent upstream and was served from caches (filled in below the resolvers). */
  usage: RequestUsage;
  /** The request's id (the client's `x-request-id` or a generated one), as logged and echoed. */
  requestId: string;
  /** What the request's log line, metrics and span report, filled in as Apollo learns it. */
  record: RequestRecord;
}
