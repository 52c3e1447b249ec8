/**
 * The admin API under `/__sandbox` (documented in README.md): stats, request log, reset, faults,
 * credentials and clock. Answers are the sandbox's own JSON, never a platform envelope.
 */
import type { ServerResponse } from 'node:http';
import { SANDBOX_CREDENTIALS } from './credentials';
import type { ParsedRequest } from './readRequest';
import { REQUEST_LOG_CAPACITY } from './requestLog';
import { sendJson } from './sendReply';
import type { SandboxState } from './state';
import { SANDBOX_PLATFORMS, type SandboxPlatformName } from './types';

const DEFAULT_REQUESTS_LIMIT = 100;

type AdminHandler = (state: SandboxState, req: ParsedRequest) => { status: number; body: unknown };

const ADMIN_ROUTES: Record<string, Partial<Record<string, AdminHandler>>> = {
  '/stats': { GET: (state) => ok({ calls: state.log.stats() }) },
  '/requests': { GET: listRequests },
  '/reset': { POST: resetState },
  '/faults': { GET: (state) => ok({ faults: state.faults.list() }), POST: setFaults },
  '/credentials': { GET: (state) => ok({ credentials: SANDBOX_CREDENTIALS, baseUrls: state.baseUrls() }) },
  '/clock': { GET: describeClock, POST: advanceClock },
};

export function handleAdminRequest(state: SandboxState, req: ParsedRequest, res: ServerResponse): void {
  const methods = ADMIN_ROUTES[req.path.slice('/__sandbox'.length)];
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
