/**
 * An axios adapter over an undici dispatcher (issue 14): axios stays the client API, undici's pooled
 * keep-alive connections carry the bytes. It replaces axios's node:http adapter, whose per-call
 * `ClientRequest`, stream pipeline and `setKeepAlive` were most of the CPU of a small upstream call.
 *
 * Contract, as the node:http adapter behaved with the options http.ts sets: query `params` encoded as
 * axios encodes them (`appendQuery`), no redirects followed, the body read as UTF-8 text (BOM stripped,
 * gzip/deflate/br bodies decoded), every status resolved (http.ts's `validateStatus`), and failures
 * rejected as AxiosError with the codes the node:http adapter gave: `ECONNABORTED` for a timeout,
 * `ECONNRESET` for a connection the peer closed, the system code (ECONNREFUSED, ENOTFOUND...) otherwise.
 * `config.timeout` bounds the whole attempt, connecting included: one timer from dispatch to the body's
 * end (undici's own headers and body timeouts start only once connected, and the body's restarts at
 * every chunk, so a dripping upstream would outlast them).
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';

const unzip = promisify(zlib.unzip);
const inflateRaw = promisify(zlib.inflateRaw);
const brotliDecompress = promisify(zlib.brotliDecompress);

/** What the node:http adapter asked for (axios 1.x `ACCEPT_ENCODING`), so upstreams keep compressing. */
const ACCEPT_ENCODING = 'gzip, compress, deflate, br';

/** undici's codes for our timeouts and for a socket the peer closed, as the node:http adapter named them. */
const AXIOS_CODES: Readonly<Record<string, string>> = {
  UND_ERR_HEADERS_TIMEOUT: 'ECONNABORTED',
  UND_ERR_BODY_TIMEOUT: 'ECONNABORTED',
  UND_ERR_CONNECT_TIMEOUT: 'ECONNABORTED',
  UND_ERR_SOCKET: 'ECONNRESET',
};

interface RawResponse {
  status: number;
  statusText: string;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * The pool under the adapter: `connections` keep-alive connections per origin. Like the node:http adapter
 * (proxy-from-env), it goes through `HTTP_PROXY`/`HTTPS_PROXY` (or `ALL_PROXY`) unless `NO_PROXY` exempts
 * the host; the proxy-aware dispatcher costs a URL parse per request, so it is used only when one is set.
 */
export function createUpstreamDispatcher(
  options: { connections: number; connectTimeoutMs: number },
  env: NodeJS.ProcessEnv = process.env,
): Dispatcher {
  const pool = { connections: options.connections, connectTimeout: options.connectTimeoutMs };
  const read = (name: string) => env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
  const all = read('all_proxy');
  const httpProxy = read('http_proxy') ?? all;
  const httpsProxy = read('https_proxy') ?? all;
  if (httpProxy === undefined && httpsProxy === undefined) return new Agent(pool);
  return new EnvHttpProxyAgent({ ...pool, httpProxy, httpsProxy, noProxy: read('no_proxy') ?? '' });
}

export function createUndiciAdapter(dispatcher: Dispatcher): AxiosAdapter {
  return async (config: InternalAxiosRequestConfig): Promise<AxiosResponse> => {
    try {
      // As the node:http adapter: the URL through WHATWG parsing, then the params appended unparsed.
      const url = new URL(config.url ?? '');
      const timeout = config.timeout && config.timeout > 0 ? config.timeout : null;
      const raw = await dispatchText(
        dispatcher,
        {
          origin: url.origin,
          path: appendQuery(url.pathname + url.search, config.params as Record<string, unknown> | undefined),
          method: (config.method ?? 'get').toUpperCase() as Dispatcher.HttpMethod,
          headers: requestHeaders(config),
          body: typeof config.data === 'string' || Buffer.isBuffer(config.data) ? config.data : null,
          headersTimeout: timeout,
          bodyTimeout: timeout,
        },
        timeout,
      );
      const data = stripBom((await decode(raw)).toString('utf8'));
      return { data, status: raw.status, statusText: raw.statusText, headers: raw.headers, config, request: null };
    } catch (err) {
      throw toAxiosError(err, config);
    }
  };
}

/**
 * `url` with flat `params` appended as axios's default `buildURL` writes them (axios 1.x helpers/buildURL.js,
 * toFormData.js, mergeConfig.js): in insertion order, keys trimmed, undefined and null values and the keys
 * `__proto__`, `constructor`, `prototype` skipped, `encodeURIComponent` with `:`, `$`, `,` left plain and
 * spaces as `+`. Signatures computed over the query depend on this spelling.
 */
export function appendQuery(url: string, params: Readonly<Record<string, unknown>> | undefined): string {
  if (!params) return url;
  let query = '';
  for (const key of Object.keys(params)) {
    const value = params[key];
    if (value === undefined || value === null || key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    query += `${query === '' ? '' : '&'}${encodeQueryPart(key.trim())}=${encodeQueryPart(String(value))}`;
  }
  if (query === '') return url;
  const hash = url.indexOf('#');
  const base = hash === -1 ? url : url.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

const KEPT_PLAIN = /%3A|%24|%2C|%20/gi;
const PLAIN: Readonly<Record<string, string>> = { '%3A': ':', '%24': '$', '%2C': ',', '%20': '+' };

function encodeQueryPart(text: string): string {
  const encoded = encodeURIComponent(text);
  return encoded.includes('%') ? encoded.replace(KEPT_PLAIN, (m) => PLAIN[m.toUpperCase()] ?? m) : encoded;
}

function requestHeaders(config: InternalAxiosRequestConfig): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(config.headers.toJSON())) {
    if (typeof value === 'string' || typeof value === 'number') headers[name] = String(value);
  }
  if (!hasHeader(headers, 'accept-encoding')) headers['Accept-Encoding'] = ACCEPT_ENCODING;
  return headers;
}

function hasHeader(headers: Record<string, string>, lowerName: string): boolean {
  return Object.keys(headers).some((name) => name.toLowerCase() === lowerName);
}

/** The error an attempt that ran out of time fails with: toAxiosError keeps its code, ECONNABORTED. */
function attemptTimeout(timeoutMs: number): Error {
  return Object.assign(new Error(`timeout of ${timeoutMs}ms exceeded`), { code: 'ECONNABORTED' });
}

/**
 * One request through undici's dispatch API, collecting the body: no stream objects per call. When
 * `timeoutMs` passes first, the promise rejects at once and the request is aborted as soon as undici
 * hands over its controller (a connection still being made ends at the pool's connect timeout).
 */
function dispatchText(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, timeoutMs: number | null): Promise<RawResponse> {
  return new Promise((resolveText, rejectText) => {
    const chunks: Buffer[] = [];
    let head: Omit<RawResponse, 'body'> | undefined;
    let controller: Dispatcher.DispatchController | undefined;
    let expired: Error | undefined;
    const timer =
      timeoutMs === null
        ? undefined
        : setTimeout(() => {
            expired = attemptTimeout(timeoutMs);
            controller?.abort(expired);
            rejectText(expired);
          }, timeoutMs);
    const resolve = (raw: RawResponse) => (clearTimeout(timer), resolveText(raw));
    const reject = (error: Error) => (clearTimeout(timer), rejectText(error));
    dispatcher.dispatch(options, {
      onRequestStart(requestController) {
        controller = requestController;
        if (expired) requestController.abort(expired);
      },
      onResponseStart(_controller, status, headers, statusText) {
        head = { status, statusText: statusText ?? '', headers: headers as Record<string, string | string[]> };
      },
      onResponseData(_controller, chunk) {
        chunks.push(chunk);
      },
      onResponseEnd() {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        if (head) resolve({ ...head, body });
        else reject(new Error('undici ended a response without its head'));
      },
      onResponseError(_controller, error) {
        reject(error);
      },
    });
  });
}

/** Decodes a compressed body and drops its `content-encoding`, as the node:http adapter did. */
async function decode(raw: RawResponse): Promise<Buffer> {
  const encoding = raw.headers['content-encoding'];
  if (typeof encoding !== 'string' || raw.body.length === 0) return raw.body;
  let decoded: Buffer;
  switch (encoding.toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
    case 'compress':
    case 'x-compress':
      decoded = await unzip(raw.body);
      break;
    case 'deflate':
      // Some servers send raw deflate without the zlib header (axios's ZlibHeaderTransformStream case).
      decoded = (raw.body[0]! & 0x0f) === 0x08 ? await unzip(raw.body) : await inflateRaw(raw.body);
      break;
    case 'br':
      decoded = await brotliDecompress(raw.body);
      break;
    default:
      return raw.body;
  }
  delete raw.headers['content-encoding'];
  return decoded;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toAxiosError(err: unknown, config: InternalAxiosRequestConfig): AxiosError {
  const code = (err as { code?: unknown } | null)?.code;
  const axiosCode = typeof code === 'string' ? (AXIOS_CODES[code] ?? code) : undefined;
  const message =
    axiosCode === 'ECONNABORTED' ? `timeout of ${config.timeout}ms exceeded` : err instanceof Error ? err.message : String(err);
  return new AxiosError(message, axiosCode, config);
}
