/**
 * The sandbox's HTTP server: `/<platform>/...` goes to that platform's module, `/__sandbox/...` to the
 * admin API, anything else is a 404. Every routed call is counted and logged, then faulted or handled.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleAdminRequest } from './admin';
import { applyFault } from './applyFault';
import { MAX_BODY_BYTES, readRequest, type ParsedRequest } from './readRequest';
import type { RequestLogEntry } from './requestLog';
import { sendJson, sendReply } from './sendReply';
import type { SandboxState } from './state';
import type { PlatformSandbox, SandboxReply, SandboxRequest, SandboxRoute } from './types';

export const ADMIN_PREFIX = '/__sandbox';

export function createSandboxServer(state: SandboxState): Server {
  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch((err: unknown) => reportBug(res, undefined, err));
  });
  // Clients of the sandbox (the gateway's keep-alive agents, autocannon) reuse sockets between calls.
  server.keepAliveTimeout = 30_000;
  return server;
}

async function handleRequest(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let parsed: ParsedRequest;
  try {
    parsed = await readRequest(req);
  } catch {
    // The client went away mid-request (or its stream broke): there is no one left to answer.
    res.destroy();
    return;
  }
  if (parsed.tooLarge) {
    sendJson(res, 413, { error: 'request body too large', limitBytes: MAX_BODY_BYTES });
    return;
  }
  if (parsed.path === ADMIN_PREFIX || parsed.path.startsWith(`${ADMIN_PREFIX}/`)) {
    handleAdminRequest(state, parsed, res);
    return;
  }
  const [platform, subPath] = splitPlatform(state, parsed.path);
  if (!platform) {
    sendJson(res, 404, { error: 'not found', path: parsed.path });
    return;
  }
  const sandboxReq = toSandboxRequest(parsed, subPath, req);
  const route = platform.route(sandboxReq);
  if (!route) {
    sendJson(res, 404, { error: 'not found', platform: platform.name, path: parsed.path });
    return;
  }
  await handleRoutedCall(state, platform, route, sandboxReq, req, res);
}

async function handleRoutedCall(
  state: SandboxState,
  platform: PlatformSandbox,
  route: SandboxRoute,
  sandboxReq: SandboxRequest,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const entry = state.log.record({
    at: new Date(state.ctx.now()).toISOString(),
    platform: platform.name,
    merchant: null,
    operation: route.operation,
    method: sandboxReq.method,
    // Without the query string: WeChat and the mini-program carry the access token there.
    path: `/${platform.name}${sandboxReq.path}`,
    params: {},
  });
  try {
    entry.merchant = platform.merchantOf?.(sandboxReq, state.ctx) ?? null;
    entry.params = route.params(sandboxReq);
    const fault = state.faults.decide(platform.name, route.operation);
    if (fault) {
      entry.outcome = `fault:${fault.rule.kind}`;
      const answerNormally = await applyFault(state, fault, platform, req, res);
      if (!answerNormally) {
        entry.status = res.headersSent ? res.statusCode : 0;
        return;
      }
    }
    const reply = await route.handle(sandboxReq, state.ctx);
    complete(entry, reply, platform);
    entry.bytes = sendReply(res, reply);
  } catch (err) {
    entry.status = 500;
    entry.outcome = 'error:sandbox-bug';
    reportBug(res, `${platform.name}:${route.operation}`, err);
  }
}

/** Fills in the log entry's status and outcome; a fault outcome set before stays. */
function complete(entry: RequestLogEntry, reply: SandboxReply, platform: PlatformSandbox): void {
  entry.status = reply.status ?? 200;
  if (entry.outcome !== 'pending') return;
  const code = platform.errorCodeOf(reply.body);
  if (code !== undefined) entry.outcome = `error:${code}`;
  else entry.outcome = entry.status >= 400 ? `error:http-${entry.status}` : 'ok';
}

function splitPlatform(state: SandboxState, path: string): [PlatformSandbox | undefined, string] {
  const end = path.indexOf('/', 1);
  const name = end === -1 ? path.slice(1) : path.slice(1, end);
  return [state.platforms.get(name), end === -1 ? '/' : path.slice(end)];
}

function toSandboxRequest(parsed: ParsedRequest, subPath: string, req: IncomingMessage): SandboxRequest {
  return {
    method: parsed.method,
    path: subPath,
    query: parsed.query,
    headers: req.headers,
    rawBody: parsed.rawBody,
    json: parsed.json,
    form: parsed.form,
  };
}

/** A sandbox bug must be loud: logged on stderr and answered as HTTP 500, never as a platform reply. */
function reportBug(res: ServerResponse, where: string | undefined, err: unknown): void {
  console.error(`sandbox bug${where ? ` in ${where}` : ''}:`, err);
  const message = err instanceof Error ? err.message : String(err);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, 500, { error: 'sandbox bug', where, message });
}
