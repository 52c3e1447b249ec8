/**
 * The admin API under `/__sandbox` (documented in README.md): stats, request log, reset, faults,
 * credentials, clock, rate limits and product patches. Answers are the sandbox's own JSON, never a
 * platform envelope, and admin calls are neither counted nor logged as platform calls.
 */
import type { ServerResponse } from 'node:http';
import { SANDBOX_CREDENTIALS } from './credentials';
import { isJsonObject, PatchError } from './deepMerge';
import { DEFAULT_MERCHANT, merchantCredentials } from './merchants';
import { validRateLimit } from './options';
import { SANDBOX_PLATFORMS } from './platforms';
import type { ParsedRequest } from './readRequest';
import { REQUEST_LOG_CAPACITY } from './requestLog';
import { sendJson } from './sendReply';
import type { SandboxState } from './state';
import type { SandboxPlatformName } from './types';

const DEFAULT_REQUESTS_LIMIT = 100;

type AdminHandler = (state: SandboxState, req: ParsedRequest) => { status: number; body: unknown };

const ADMIN_ROUTES: Record<string, Partial<Record<string, AdminHandler>>> = {
  '/stats': { GET: (state) => ok({ calls: state.log.stats() }) },
  '/requests': { GET: listRequests },
  '/reset': { POST: resetState },
  '/faults': { GET: (state) => ok({ faults: state.faults.list() }), POST: setFaults },
  '/credentials': { GET: describeCredentials },
  '/clock': { GET: describeClock, POST: advanceClock },
  '/rate-limits': { GET: (state) => ok({ rateLimits: state.rateLimits.limits() }), POST: setRateLimits },
};

/** `/products/<platform>/<id>`: the one admin path with parameters in it. */
const PRODUCTS_PREFIX = '/products/';
const PRODUCT_ROUTE: Partial<Record<string, AdminHandler>> = { PATCH: patchProduct };

export function handleAdminRequest(state: SandboxState, req: ParsedRequest, res: ServerResponse): void {
  const subPath = req.path.slice('/__sandbox'.length);
  const methods = subPath.startsWith(PRODUCTS_PREFIX) ? PRODUCT_ROUTE : ADMIN_ROUTES[subPath];
  const handler = methods?.[req.method];
  if (!methods) {
    sendJson(res, 404, { error: 'no such admin endpoint', path: req.path, endpoints: Object.keys(ADMIN_ROUTES) });
  } else if (!handler) {
    res.setHeader('Allow', Object.keys(methods).join(', '));
    sendJson(res, 405, { error: `use ${Object.keys(methods).join(' or ')}`, path: req.path });
  } else {
    const { status, body } = handler(state, req);
    sendJson(res, status, body);
  }
}

function listRequests(state: SandboxState, req: ParsedRequest): { status: number; body: unknown } {
  const platform = req.query.get('platform') ?? undefined;
  if (platform !== undefined && !SANDBOX_PLATFORMS.includes(platform as SandboxPlatformName)) {
    return badRequest(`platform must be one of ${SANDBOX_PLATFORMS.join(', ')}`);
  }
  const limitText = req.query.get('limit');
  const limit = limitText === null ? DEFAULT_REQUESTS_LIMIT : Number(limitText);
  if (!Number.isInteger(limit) || limit < 1 || limit > REQUEST_LOG_CAPACITY) {
    return badRequest(`limit must be an integer in [1, ${REQUEST_LOG_CAPACITY}]`);
  }
  return ok({ requests: state.log.recent(limit, platform as SandboxPlatformName | undefined) });
}

function resetState(state: SandboxState): { status: number; body: unknown } {
  state.reset();
  return ok({ reset: true });
}

function setFaults(state: SandboxState, req: ParsedRequest): { status: number; body: unknown } {
  const faults = (req.json as { faults?: unknown } | undefined)?.faults;
  if (!Array.isArray(faults)) return badRequest('body must be {"faults": [FaultRule, ...]} ({"faults": []} clears them)');
  try {
    state.faults.setRules(faults);
  } catch (err) {
    return badRequest(err instanceof Error ? err.message : String(err));
  }
  return ok({ faults: state.faults.list() });
}

function describeCredentials(state: SandboxState): { status: number; body: unknown } {
  const merchants = Object.fromEntries(state.merchants.map((name) => [name, merchantCredentials(name)]));
  return ok({ credentials: SANDBOX_CREDENTIALS, merchants, baseUrls: state.baseUrls() });
}

/** Body `{"<platform>": {limit, windowMs} | null, ...}`; all or nothing: one invalid entry changes none. */
function setRateLimits(state: SandboxState, req: ParsedRequest): { status: number; body: unknown } {
  const body = req.json;
  if (!isJsonObject(body)) return badRequest('body must be {"<platform>": {"limit": n, "windowMs": n} | null, ...}');
  const changes: Array<[SandboxPlatformName, { limit: number; windowMs: number } | undefined]> = [];
  for (const [name, value] of Object.entries(body)) {
    if (!SANDBOX_PLATFORMS.includes(name as SandboxPlatformName))
      return badRequest(`${name} is not a platform (one of ${SANDBOX_PLATFORMS.join(', ')})`);
    try {
      changes.push([name as SandboxPlatformName, value === null ? undefined : validRateLimit(name, value)]);
    } catch (err) {
      return badRequest(err instanceof Error ? err.message : String(err));
    }
  }
  for (const [name, limit] of changes) state.rateLimits.set(name, limit);
  return ok({ rateLimits: state.rateLimits.limits() });
}

/** `PATCH /__sandbox/products/<platform>/<id>?merchant=<name>` with a JSON object of upstream field values. */
function patchProduct(state: SandboxState, req: ParsedRequest): { status: number; body: unknown } {
  const rest = req.path.slice('/__sandbox'.length + PRODUCTS_PREFIX.length);
  const slash = rest.indexOf('/');
  const platformName = slash === -1 ? rest : rest.slice(0, slash);
  const id = slash === -1 ? '' : safeDecode(rest.slice(slash + 1));
  const platform = state.platforms.get(platformName);
  if (!platform?.patchProduct)
    return notFound({ error: 'no such platform', platform: platformName, platforms: [...state.platforms.keys()] });
  const merchant = req.query.get('merchant') ?? DEFAULT_MERCHANT;
  if (!state.merchants.includes(merchant)) return notFound({ error: 'no such merchant', merchant, merchants: state.merchants });
  if (!isJsonObject(req.json)) return badRequest('body must be a JSON object of upstream field values');
  let patched: { product: unknown } | undefined;
  try {
    patched = id === undefined || id === '' ? undefined : platform.patchProduct(merchant, id, req.json);
  } catch (err) {
    if (err instanceof PatchError) return badRequest(err.message);
    throw err;
  }
  return patched ? ok(patched) : notFound({ error: 'no such product', platform: platformName, merchant, id });
}

function safeDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

function describeClock(state: SandboxState): { status: number; body: unknown } {
  return ok({ now: new Date(state.ctx.now()).toISOString(), offsetMs: state.clockOffsetMs });
}

function advanceClock(state: SandboxState, req: ParsedRequest): { status: number; body: unknown } {
  const advanceMs = (req.json as { advanceMs?: unknown } | undefined)?.advanceMs;
  if (typeof advanceMs !== 'number' || !Number.isSafeInteger(advanceMs) || advanceMs < 0) {
    return badRequest('body must be {"advanceMs": <integer >= 0>}');
  }
  state.clockOffsetMs += advanceMs;
  return describeClock(state);
}

function ok(body: unknown): { status: number; body: unknown } {
  return { status: 200, body };
}

function badRequest(error: string): { status: number; body: unknown } {
  return { status: 400, body: { error } };
}

function notFound(body: unknown): { status: number; body: unknown } {
  return { status: 404, body };
}
