/**
 * The gateway's HTTP server: GraphQL at /graphql through Apollo Server's framework-neutral
 * `executeHTTPGraphQLRequest`, plus /healthz and /readyz. Plain node:http keeps the hot path short.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GatewayConfig } from '../config/config';
import { ProductLoaders } from '../loaders/productLoaders';
import { buildSharedLookups, type SharedState } from '../cache/buildSharedLookups';
import { cacheReportPlugin } from './cacheReportPlugin';
import { purgeCache, refuseAdmin } from './purgeRoute';
import type { PlatformRegistry } from '../platforms/registry';
import { RequestUsage, runWithUsage } from '../platforms/requestUsage';
import type { GatewayContext } from './context';
import { partialErrorsPlugin } from '../listing/partialErrors';
import { formatError } from './formatError';
import { jitExecutionGateway } from './jitExecutor';
import { buildSchema } from './schema';
import { listen } from '../util/listen';

const MAX_BODY_BYTES = 1 << 20;

export interface GatewayServerOptions {
  config: Pick<GatewayConfig, 'credentials' | 'requestTimeoutMs' | 'cache' | 'adminToken'>;
  platforms: PlatformRegistry;
  port: number;
  host?: string;
  /** The entity cache's clock (default Date.now); freshness tests inject one. */
  cacheClock?: () => number;
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (GraphQL at `${url}/graphql`). */
  url: string;
  close(): Promise<void>;
}

export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const httpServer = http.createServer();
  const apollo = new ApolloServer<GatewayContext>({
    gateway: jitExecutionGateway(buildSchema()),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Apollo's default pretty-prints every answer (JSON.stringify(v, null, 2)): more CPU and bytes for
    // nobody (bench/README.md, "Optimizations").
    stringifyResult: (result) => JSON.stringify(result),
    // The default cache-control plugin hooks willResolveField, which makes Apollo wrap every resolver
    // of every request; the schema declares no cache hints, so it only cost CPU.
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginCacheControlDisabled(), partialErrorsPlugin(), cacheReportPlugin()],
  });
  await apollo.start();
  const shared = buildSharedLookups(options.platforms, options.config.cache, options.cacheClock);
  const makeContext = async (usage: RequestUsage, freshRead: boolean): Promise<GatewayContext> => {
    const deadline = Date.now() + options.config.requestTimeoutMs;
    return {
      platforms: options.platforms,
      client: null,
      tenantId: 'default',
      credentials: options.config.credentials,
      loaders: new ProductLoaders(options.platforms, options.config.credentials, deadline, shared.lookups, freshRead),
      deadline,
      usage,
    };
  };
  httpServer.on('request', (req, res) => {
    route(req, res, apollo, makeContext, options, shared).catch((err: unknown) => {
      console.error('gateway HTTP handler failed:', err);
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  const close = async (): Promise<void> => {
    await apollo.stop();
    for (const entry of options.platforms.values()) entry.guard.close();
    await shared.close();
  };
  let port: number;
  try {
    port = await listen(httpServer, options.port, host);
  } catch (err) {
    await close();
    throw err;
  }
  return { url: `http://${host}:${port}`, close };
}

async function route(
  req: IncomingMessage,
  res: ServerResponse,
  apollo: ApolloServer<GatewayContext>,
  makeContext: (usage: RequestUsage, freshRead: boolean) => Promise<GatewayContext>,
  options: GatewayServerOptions,
  shared: SharedState,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/readyz') return sendJson(res, 200, readiness(options.platforms, options.config.credentials, shared));
  if (url.pathname === '/admin/cache/purge') return purge(req, res, options.config.adminToken, shared);
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    return sendJson(res, 404, { error: `no route for ${url.pathname}; GraphQL is served at /graphql` });
  }
  const body = await readBody(req, res);
  if (body === undefined) return;
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const request: HTTPGraphQLRequest = { method: (req.method ?? 'GET').toUpperCase(), headers, search: url.search, body };
  const usage = new RequestUsage();
  // `Cache-Control: no-cache`: the client wants what the platform says now (still coalesced).
  const freshRead = /(^|,)\s*no-cache\s*(,|$)/i.test(headers.get('cache-control') ?? '');
  const response = await runWithUsage(usage, () => apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => makeContext(usage, freshRead) }));
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    // A known length is sent in one write instead of chunked encoding's framing.
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

/** The parsed JSON body (or the raw text for other types, which Apollo rejects properly); undefined once answered. */
async function readBody(req: IncomingMessage, res: ServerResponse): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      sendJson(res, 413, { errors: [{ message: `request body over ${MAX_BODY_BYTES} bytes`, extensions: { code: 'BAD_REQUEST' } }] });
      return undefined;
    }
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  if (!(req.headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }] });
    return undefined;
  }
}

async function purge(req: IncomingMessage, res: ServerResponse, adminToken: string | null, shared: SharedState): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'use POST', code: 'METHOD_NOT_ALLOWED' } });
  const refusal = refuseAdmin(req, adminToken);
  if (refusal) return sendJson(res, refusal.status, refusal.body);
  const body = await readBody(req, res);
  if (body === undefined) return;
  const answer = await purgeCache(body, shared.lookups.cache);
  sendJson(res, answer.status, answer.body);
}

/** Per platform: where it is served from, whether it has credentials, its breakers and its last error; the cache's tiers. */
function readiness(platforms: PlatformRegistry, credentials: GatewayConfig['credentials'], shared: SharedState): Record<string, unknown> {
  const report = Object.fromEntries(
    [...platforms].map(([code, entry]) => [code, { configured: credentials[code] !== undefined, sandbox: entry.sandbox, ...entry.guard.status() }]),
  );
  const open = Object.values(report).some((p) => Object.values(p.breakers).includes('open'));
  // A Redis tier that is down is reported, not a reason to take the instance out: memory serves alone.
  return { status: open ? 'degraded' : 'ready', platforms: report, cache: shared.status() };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
