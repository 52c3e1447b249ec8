/**
 * The contract between the sandbox core (HTTP server, admin API, faults, tokens, rate limits, request
 * log) and each platform's stand-in under src/sandbox/platforms/<name>/.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { PlatformCode } from '../generated/graphql';
import type { SANDBOX_PLATFORM_MODULES } from './platforms';

/** One platform's stand-in module, as the registry (platforms/index.ts) lists it. */
export type AnySandboxPlatformModule = (typeof SANDBOX_PLATFORM_MODULES)[number];

/**
 * A platform's slug: the lowercase name the sandbox knows it by (URL prefix, stats and log keys, fault
 * rules, options, admin calls), derived from the registry.
 */
export type SandboxPlatformName = AnySandboxPlatformModule['slug'];

// Kept for callers that import the list from here (the benchmarks); the registry owns it.
export { SANDBOX_PLATFORMS } from './platforms';

/** Calls per window per credential. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * Everything the sandbox core knows about one platform, held in the platform's own folder
 * (platforms/<slug>/index.ts) and listed once in the registry.
 */
export interface SandboxPlatformModule<Code extends PlatformCode = PlatformCode, Slug extends string = string, Credentials = unknown> {
  /** The schema's PlatformCode: the key of the platform's credentials in SANDBOX_CREDENTIALS. */
  readonly code: Code;
  /** The URL prefix (`/<slug>/...`) and the platform's name everywhere else in the sandbox. */
  readonly slug: Slug;
  /** The default merchant's credentials (README, "Credentials"). */
  readonly credentials: Credentials;
  /** Merchant `m<n>`'s credentials, n from 2 (README, "Merchants"). */
  merchantCredentials: (n: number) => Credentials;
  /** Starts every token the platform issues, so a token in a log says whose it is. */
  readonly tokenPrefix: string;
  /** The rate limit unless the `rateLimits` option or the admin API says otherwise (README, "Rate limits"). */
  readonly rateLimit: RateLimit;
  /** Builds the stand-in and its default merchant's catalog (extra merchants' on first use). */
  create: (init: PlatformSandboxInit) => PlatformSandbox;
}

/** A request as a platform handler sees it: the path below the platform prefix, bodies already parsed. */
export interface SandboxRequest {
  method: string;
  /** Path below the platform prefix, e.g. `/router/rest` for `/taobao/router/rest`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body parsed as JSON when it is JSON; undefined otherwise (handlers answer the platform's parameter error). */
  json: unknown;
  /** Fields of an `application/x-www-form-urlencoded` body; undefined for other bodies. */
  form: URLSearchParams | undefined;
}

/** What a handler answers: serialized once, as JSON (`body` an object) or as text (`body` a string). */
export interface SandboxReply {
  status?: number;
  body: unknown;
  contentType?: string;
}

export interface SandboxRoute {
  /** The stats key below the platform, e.g. `taobao.miniapp.items.get` or `product/spu/get`. */
  operation: string;
  /** The business parameters worth logging (ids, fields, body, page sizes); secrets left out. */
  params(req: SandboxRequest): Record<string, unknown>;
  handle(req: SandboxRequest, ctx: SandboxContext): SandboxReply | Promise<SandboxReply>;
}

/** One platform's stand-in. */
export interface PlatformSandbox {
  readonly name: SandboxPlatformName;
  /** The route for a request, or undefined (the core answers 404). */
  route(req: SandboxRequest): SandboxRoute | undefined;
  /** The platform's own error envelope for a code (used by fault injection of platform error codes). */
  errorReply(code: string | number, message?: string): SandboxReply;
  /** The error code a reply body carries in the platform's envelope (logged as `error:<code>`); undefined for a success. */
  errorCodeOf(body: unknown): string | undefined;
  /** Clears the module's own counters (e.g. a token endpoint's quota) on `POST /__sandbox/reset`. */
  reset?(): void;
  /**
   * The merchant whose credentials the request names (app key, app id, or the access token's app), as
   * claimed, before any signature check; undefined when they name none. Logged with the request.
   */
  merchantOf?(req: SandboxRequest, ctx: SandboxContext): string | undefined;
  /**
   * `PATCH /__sandbox/products/<platform>/<id>`: deep-merges `patch` into the merchant's stored upstream
   * record of `id` (see deepMerge.ts) and answers the record after the change; undefined when the
   * merchant or the id is unknown. Throws a PatchError for a patch the record cannot take.
   */
  patchProduct?(merchant: string, id: string, patch: Record<string, unknown>): { product: unknown } | undefined;
}

export type TokenCheck = 'valid' | 'expired' | 'invalid';

/** Tokens per platform: lifetimes and the overlap after a new token is issued are configurable. */
export interface SandboxTokens {
  /** Issues a new token for a client (e.g. an app id); the previous one dies `overlapSeconds` later. */
  issue(platform: SandboxPlatformName, clientKey: string): { token: string; expiresInSeconds: number };
  /**
   * Like WeChat's stable_token: the current stable token while more than `overlapSeconds` of its life
   * remain, a new one otherwise (or when `force`). Stable tokens are a history of their own: `issue`
   * never shortens a stable token and this never answers a token `issue` handed out.
   */
  issueStable(platform: SandboxPlatformName, clientKey: string, force: boolean): { token: string; expiresInSeconds: number };
  /** Checks a token; on 'valid' also says whose it is. */
  check(platform: SandboxPlatformName, token: string): { state: TokenCheck; clientKey?: string };
}

export interface SandboxRateLimiter {
  /**
   * Counts one call against the credential's window for this platform. Returns undefined when under
   * the limit, or how long until the window frees up.
   */
  hit(platform: SandboxPlatformName, credentialKey: string): { retryAfterSeconds: number } | undefined;
}

export interface SandboxContext {
  /** Epoch ms (tests can move it). */
  now(): number;
  tokens: SandboxTokens;
  rateLimits: SandboxRateLimiter;
  options: ResolvedSandboxOptions;
}

export type FaultKind =
  | 'latency' // delay, then answer normally
  | 'error' // the platform's own error envelope with `code` (HTTP 200, as the platforms do)
  | 'http' // an HTTP status (500/502/503) with a short text body
  | 'reset' // destroy the socket without answering
  | 'non-json' // HTTP 200 with a body that is not JSON
  | 'html' // an HTML error page (HTTP 502 by default)
  | 'hang'; // accept and never answer (until the client gives up or the sandbox closes)

export interface FaultRule {
  platform: SandboxPlatformName;
  /** Only this operation (stats key below the platform); all of the platform's when absent. */
  operation?: string;
  kind: FaultKind;
  /** Share of matching requests affected, 0..1 (default 1), drawn from the seeded PRNG. */
  rate?: number;
  /** Affect only the next N matching requests, then the rule is spent. */
  count?: number;
  /** latency: fixed delay (ms) and uniform jitter on top. Any kind may carry a delay before it acts. */
  latencyMs?: number;
  jitterMs?: number;
  /** error: the platform code; http/html: the status. */
  code?: string | number;
  status?: number;
  message?: string;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** Catalog seed: same seed, same catalogs, byte for byte. */
  seed?: number;
  /** Products per platform (default 500); a number for all, or per platform. */
  size?: number | Partial<Record<SandboxPlatformName, number>>;
  /** Seconds a token lives (default 7200, as documented). */
  tokenTtlSeconds?: number;
  /** Seconds the previous token keeps working after a new one is issued (default 300). */
  tokenOverlapSeconds?: number;
  /** Calls per window per credential; defaults from the documented limits (see README). */
  rateLimits?: Partial<Record<SandboxPlatformName, RateLimit>>;
  /** Accepted clock skew of signed timestamps (default 600 s). */
  timestampToleranceSeconds?: number;
  faults?: FaultRule[];
  /** Seed of the fault PRNG (default: the catalog seed). */
  faultSeed?: number;
  /** Merchants per platform, the default one included (default 3: `default`, `m2`, `m3`; 1..9). */
  merchants?: number;
}

export type ResolvedSandboxOptions = Required<Omit<SandboxOptions, 'size' | 'faults' | 'port' | 'host' | 'faultSeed'>> & {
  size: Record<SandboxPlatformName, number>;
};

/** The credentials of one merchant on every platform, keyed by PlatformCode: the gateway's shape (as SANDBOX_CREDENTIALS). */
export type SandboxCredentialSet = { [M in AnySandboxPlatformModule as M['code']]: M['credentials'] };

/** An extra merchant of a platform (not the default one): its catalog comes from its own seed. */
export interface SandboxMerchantInit {
  /** `m2`, `m3`, ... */
  name: string;
  /** Already derived for this platform and merchant (deriveSeed(seed, `${platform}:${name}`)). */
  seed: number;
  credentials: SandboxCredentialSet;
}

/** What each platform factory (`createTaobaoSandbox(init)`, ...) takes. */
export interface PlatformSandboxInit {
  /** Already derived for this platform (deriveSeed(seed, name)). */
  seed: number;
  /** Generated products, besides the documented example record(s), which are always present. */
  size: number;
  /** Extra merchants, each with the same `size` (default: none, the default merchant only). */
  merchants?: readonly SandboxMerchantInit[];
}
