/**
 * Acts out a chosen fault on a response. Kinds follow `FaultKind` in types.ts.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { FaultDecision } from './faults';
import { sendReply } from './sendReply';
import type { SandboxState } from './state';
import type { PlatformSandbox } from './types';

/** What a proxy that cut a body short leaves: JSON-looking, declared as JSON, unparseable. */
const TRUNCATED_BODY = '{"code":0,"msg":"success","data":{"list":[{"id":"';

/**
 * Waits the fault's delay, then answers (or hangs, or resets). Resolves true when the caller must
 * still answer normally (kind 'latency'), false when the fault took care of the response.
 */
export async function applyFault(
  state: SandboxState,
  { rule, delayMs }: FaultDecision,
  platform: PlatformSandbox,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (rule.kind === 'hang') return false;
  await state.delay(delayMs);
  if (res.destroyed) return false;
  switch (rule.kind) {
    case 'latency':
      return true;
    case 'error':
      sendReply(res, platform.errorReply(rule.code ?? 'unknown', rule.message));
      return false;
    case 'http': {
      const status = rule.status ?? 503;
      sendReply(res, { status, body: rule.message ?? STATUS_CODES[status] ?? 'Error' });
      return false;
    }
    case 'html':
      sendReply(res, { status: rule.status ?? 502, body: htmlErrorPage(rule.status ?? 502), contentType: 'text/html; charset=utf-8' });
      return false;
    case 'non-json':
      sendReply(res, { status: 200, body: rule.message ?? TRUNCATED_BODY, contentType: 'application/json; charset=utf-8' });
      return false;
    case 'reset':
      // An RST rather than a FIN: the client sees ECONNRESET, as when an upstream load balancer drops it.
      req.socket.resetAndDestroy();
      return false;
  }
}

function htmlErrorPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>Tengine</center>\r\n</body>\r\n</html>\r\n`;
}
