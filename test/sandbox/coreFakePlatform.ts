/**
 * A tiny PlatformSandbox for the core tests (named 'xiaoe' because names are fixed) and a plain
 * node:http client without keep-alive, so socket-level faults surface as the errors a client sees.
 */
import { request } from 'node:http';
import type { PlatformSandbox, SandboxReply, SandboxRequest, SandboxRoute } from '../../src/sandbox/types';

export function createFakePlatform(): PlatformSandbox {
  const routes: Record<string, SandboxRoute> = {
    '/echo': {
      operation: 'echo',
      params: (req) => ({ ids: req.query.get('ids')?.split(',') ?? [], json: req.json, form: req.form && Object.fromEntries(req.form) }),
      handle: (req) => ({
        body: { code: 0, msg: 'ok', data: { method: req.method, json: req.json ?? null, bodyBytes: req.rawBody.length } },
      }),
    },
    '/token': {
      operation: 'token',
      params: () => ({}),
      handle: (req, ctx) => {
        const client = req.query.get('client') ?? 'app';
        const stable = req.query.get('stable');
        const issued = stable === null ? ctx.tokens.issue('xiaoe', client) : ctx.tokens.issueStable('xiaoe', client, stable === 'force');
        return { body: { code: 0, data: issued } };
      },
    },
    '/check': {
      operation: 'check',
      params: () => ({}),
      handle: (req, ctx) => ({ body: { code: 0, data: ctx.tokens.check('xiaoe', req.query.get('token') ?? '') } }),
    },
    '/limited': {
      operation: 'limited',
      params: () => ({}),
      handle: async (req, ctx) => {
        const limited = ctx.rateLimits.hit('xiaoe', req.query.get('key') ?? 'shop');
        return limited ? fakeErrorReply(429, `retry after ${limited.retryAfterSeconds}`) : { body: { code: 0, msg: 'ok' } };
      },
    },
    '/bytes': {
      operation: 'bytes',
      params: () => ({}),
      handle: () => ({ body: new TextEncoder().encode('{"code":0,"msg":"预编码"}'), contentType: 'application/json; charset=utf-8' }),
    },
    '/refused': { operation: 'refused', params: () => ({}), handle: () => fakeErrorReply(2008, 'access token invalid') },
    '/boom': {
      operation: 'boom',
      params: () => ({}),
      handle: () => {
        throw new Error('deliberate handler failure');
      },
    },
  };
  return {
    name: 'xiaoe',
    route: (req: SandboxRequest) => routes[req.path],
    errorReply: fakeErrorReply,
    errorCodeOf: (body) => {
      const code = (body as { code?: unknown } | undefined)?.code;
      return (typeof code === 'number' || typeof code === 'string') && code !== 0 ? String(code) : undefined;
    },
  };
}

function fakeErrorReply(code: string | number, message?: string): SandboxReply {
  return { body: { code, msg: message ?? `fake error ${code}`, data: null } };
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

export interface CallOptions {
  method?: string;
  body?: string | Buffer;
  contentType?: string;
  timeoutMs?: number;
}

export function call(url: string, options: CallOptions = {}): Promise<CallResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {};
    if (options.body !== undefined) {
      headers['Content-Type'] = options.contentType ?? 'application/json';
      headers['Content-Length'] = Buffer.byteLength(options.body);
    }
    const req = request(url, { method: options.method ?? (options.body === undefined ? 'GET' : 'POST'), headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.timeoutMs !== undefined) {
      req.setTimeout(options.timeoutMs, () => req.destroy(new Error('client timeout')));
    }
    req.end(options.body);
  });
}

export async function callJson<T = Record<string, unknown>>(url: string, options: CallOptions = {}): Promise<T> {
  const res = await call(url, options);
  return JSON.parse(res.text) as T;
}

export function postJson<T = Record<string, unknown>>(url: string, body: unknown): Promise<T> {
  return callJson<T>(url, { body: JSON.stringify(body) });
}
