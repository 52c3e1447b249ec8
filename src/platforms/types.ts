/**
 * The contract between the gateway core and each platform adapter. Only `src/platforms/<name>/` knows
 * an upstream's shapes, units, signing and error codes; everything above speaks these types.
 */
import type { PlatformCode, Product, ProductFilter } from '../generated/graphql';
import type { UpstreamErrorTable } from './errors';
import type { Quota } from './platformSettings';
import type { UpstreamGuard } from './resilience/upstreamGuard';
import type { RedisConnection } from '../redis/redisConnection';

export type { PlatformCode };

/**
 * What the client selected on `Product`, as dotted paths: every selected Product field by name
 * (`title`, `skus`, `price`) and every selected field below it (`skus.price`, `skus.stock`,
 * `price.min`). Adapters turn it into their upstream's projection where it has one (fields.ts).
 */
export type ProductSelection = ReadonlySet<string>;

/**
 * What an adapter declares about its API. Whether it looks up by id or lists is not declared: it is
 * whether `lookup` and `listing` exist (see capabilitiesOf).
 */
export interface PlatformCapabilities {
  /** Ids one upstream lookup call carries; the loaders chunk to this. */
  maxIdsPerCall: number | null;
  /** Upstream lookup calls of one batch in flight at once (many where each call carries one id). */
  maxConcurrentCalls: number;
  fieldSelection: boolean;
  idFormat: string | null;
  /**
   * Upstream calls one request may spend fetching an access token when none is cached (WeChat, Xiaoe,
   * the mini-program); absent where every call is signed instead. The cost estimate counts them.
   */
  accessTokenCalls?: number;
}

/** Per-call facts an adapter needs, from the request. */
export interface CallContext<C> {
  /** The merchant's credentials for this platform. */
  credentials: C;
  /** Epoch ms by which the client must have its answer; retries and quota queueing stay inside it. */
  deadline?: number;
}

/**
 * One platform. Adapters are built once at start-up (base URL, HTTP client, token cache) and take the
 * merchant's credentials with every call, so one process can serve many merchants.
 */
export interface PlatformAdapter<C = unknown> {
  readonly code: PlatformCode;
  readonly capabilities: PlatformCapabilities;
  /**
   * Syntax check of a platform product id, before any upstream call. Returns the problem, or
   * undefined when the id is well-formed.
   */
  validateId(id: string): string | undefined;
  /**
   * Whose quota a call with these credentials spends (the `credentialKey` its guarded calls use), so
   * the coalescing layer can reserve a slot before it seals a shared call. Not a secret.
   */
  quotaKey?(credentials: C): string;
  /**
   * Fetches products by platform id. `ids` are distinct and at most `maxIdsPerCall`. Returns one entry
   * per id, in order: the product, or an `Error` value (a `NotFoundError` for an id the platform does
   * not have, an `UpstreamError` when the call failed). Only programming errors reject.
   */
  lookup?(ids: readonly string[], selection: ProductSelection, call: CallContext<C>): Promise<Array<Product | Error>>;
  /**
   * Upstream calls a lookup of `ids` distinct ids with `selection` costs at most, for the cost estimate.
   * Absent: ceil(ids / maxIdsPerCall), one call per chunk.
   */
  lookupCalls?(ids: number, selection: ProductSelection): number;
  /** The platform's list API, for the catalog listing (src/listing/); absent where there is none. */
  readonly listing?: PlatformListing<C>;
}

/** The `ProductFilter` field names (what `Platform.capabilities.filters` lists). */
export type ProductFilterField = keyof ProductFilter;

/**
 * A platform's list API as the catalog listing sees it. The listing core does the paging: for each
 * window it picks one upstream page size (1 to `maxPageSize`) that covers the window in the fewest
 * calls and items, asks each stream for those pages in parallel, and cuts the client's window out of
 * them (src/listing/pageWindow.ts). Positions are item offsets, so any page size maps onto them.
 */
export interface PlatformListing<C> {
  /** Largest `page_size` the list API takes (every size from 1 to it is accepted). */
  readonly maxPageSize: number;
  /** The filter fields `plan` can apply exactly; any other field set is refused before `plan`. */
  readonly filters: readonly ProductFilterField[];
  /** The order of the listing, in words (documented to clients). */
  readonly order: string;
  /**
   * The upstream streams that together list `filter`. Throws a GatewayError (src/platforms/filterErrors.ts)
   * for a value the list API cannot select exactly (UNSUPPORTED_FILTER) or cannot take (BAD_USER_INPUT).
   */
  plan(filter: ProductFilter, selection: ProductSelection): ListPlan<C>;
}

export interface ListPlan<C> {
  streams: ReadonlyArray<ListStream<C>>;
  /**
   * `merge`: the streams are interleaved by `compare` (each stream comes in that order), e.g. one
   * stream per upstream status; `concat`: one after the other, e.g. consecutive time windows.
   */
  combine: 'merge' | 'concat';
  /** The listing order of products (merge only). */
  compare?: (a: Product, b: Product) => number;
  /**
   * Fills what the listed records lack for the selection (e.g. SKU details the list API leaves out), for the products
   * actually returned. Resolves to the products in order; rejects with the UpstreamError of a failed call.
   */
  complete?(products: readonly Product[], call: CallContext<C>): Promise<Product[]>;
  /**
   * Upstream calls `complete` makes for `products` products at most, for the cost estimate; never more
   * than one per product. Absent with `complete`: one per product.
   */
  completionCalls?(products: number): number;
  /** Which lookup selections a returned product answers without another call (loader priming). */
  covers(selection: ProductSelection): boolean;
}

export interface ListStream<C> {
  /** Number of the first page: 0 or 1. */
  readonly firstPage: number;
  /**
   * Upstream page `page` at `pageSize` items a page (1 to the listing's maxPageSize). Rejects with the
   * UpstreamError of a failed call.
   */
  fetchPage(page: number, pageSize: number, call: CallContext<C>): Promise<ListedPage>;
}

export interface ListedPage {
  /** Items of the stream over all pages (the upstream's `total`). */
  total: number;
  products: Product[];
}

/** What every adapter factory (a module's `createAdapter`) takes. */
export interface AdapterOptions {
  /** The platform's base URL: its real host, or the sandbox's prefix for it. No trailing slash. */
  baseUrl: string;
  /** Per upstream attempt. */
  timeoutMs: number;
  /** Pacing, circuit breaking and retries for this platform (see resilience/); none in unit tests. */
  guard?: UpstreamGuard;
  /** The process's shared Redis (`REDIS_URL`), for state every replica shares; null or absent: local only. */
  redis?: RedisConnection | null;
}

/** One environment variable of a platform's credentials. */
export interface CredentialVariable {
  readonly name: string;
  /** The credentials field it fills, as a tenant record names it (README, "Tenants"). */
  readonly field: string;
  /** A secret: a tenant record holds it only as an `enc:` or `env:` reference. */
  readonly secret?: boolean;
  /** The values it takes; any non-blank text where absent. */
  readonly oneOf?: readonly string[];
  /** Its value when unset, which makes it optional; the others are all required once any of them is set. */
  readonly default?: string;
}

/** How a platform's credentials are read from the environment. */
export interface CredentialSpec<C> {
  readonly variables: readonly CredentialVariable[];
  /**
   * The credentials from the variables' values. The configuration calls it only once every required
   * variable is set and every value is one its variable takes, so it does no checking of its own.
   */
  read(value: (name: string) => string): C;
}

/**
 * Everything the rest of the gateway knows about one platform, exported by its folder's index.ts and
 * listed once in registry.ts. The configuration, readiness, `Platform` and the README's environment
 * table all read it.
 */
export interface PlatformModule<C, K extends PlatformCode = PlatformCode> {
  readonly code: K;
  /** Human-readable name (`Platform.name`). */
  readonly name: string;
  /** Lowercase name of its folders (here and in the sandbox) and of the sandbox's path for it. */
  readonly slug: string;
  /** Its variables are `<envPrefix>_*`: credentials, `_BASE_URL`, `_TIMEOUT_MS`, `_RATE_LIMIT`, `_RETRY_*`, `_BREAKER_*`. */
  readonly envPrefix: string;
  readonly credentials: CredentialSpec<C>;
  /** The production host, no trailing slash. */
  readonly realBaseUrl: string;
  /** Per upstream attempt, unless `<envPrefix>_TIMEOUT_MS` says otherwise. */
  readonly defaultTimeoutMs: number;
  /** The quota the platform documents, paced to unless `<envPrefix>_RATE_LIMIT` says otherwise; null where none is. */
  readonly documentedQuota: Quota | null;
  /** The platform's error codes and what each means to the gateway (its errors.ts). */
  readonly errors: UpstreamErrorTable;
  createAdapter(options: AdapterOptions): PlatformAdapter<C>;
}
