/**
 * The gateway's HTTP server: GraphQL at /graphql through Apollo Server's framework-neutral
 * `executeHTTPGraphQLRequest`, plus /healthz, /readyz, /metrics (unless on METRICS_PORT) and the
 * offline /graphiql, and POST /admin/cache/purge. Plain node:http keeps the hot path short.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { GatewayConfig } from '../config/config';
import { ProductLoaders } from '../loaders/productLoaders';
import { buildSharedLookups, type SharedState } from '../cache/buildSharedLookups';
import { cacheReportPlugin } from './cacheReportPlugin';
import { handlePurge } from './purgeRoute';
import { readBody, sendHtml, sendJson, sendMetrics } from './httpReplies';
import { readiness } from './readiness';
import type { PlatformRegistry } from '../platforms/registry';
import { RedisConnection } from '../redis/redisConnection';
import { RequestUsage, currentUsage, runWithUsage } from '../platforms/requestUsage';
import type { GatewayContext } from './context';
import { partialErrorsPlugin } from './partialErrorsPlugin';
import { loggingErrorFormatter } from './formatError';
import { jitExecutionGateway } from './jitExecutor';
import { buildSchema } from './schema';
import { requestRecordPlugin } from './requestRecordPlugin';
import { structuralLimitRules } from './structuralLimits';
import { costOfCachedAnswer, costPlugin } from '../cost/costPlugin';
import { MemoryBudgetStore } from '../cost/budgetStore';
import { AnswerCache, replayedAnswerText } from './answerCache';
import { RedisBudgetStore } from '../cost/redisBudgetStore';
import { listen } from '../util/listen';
import { GatewayMetrics } from '../observability/gatewayMetrics';
import { createLogger, type Logger } from '../observability/logger';
import type { RequestRecord } from '../observability/requestRecord';
import type { UpstreamAttempt } from '../platforms/resilience/observedAttempt';
import { graphiqlPage } from './graphiqlPage';
import { startMetricsServer, type MetricsServer } from './metricsServer';
import { assignRequestId, observeGraphQLRequest, type RequestObservers } from './observeRequest';
import { startGatewayAccess, type AdmittedRequest, type GatewayAccess } from '../access/gatewayAccess';

export interface GatewayServerOptions {
  config: Pick<GatewayConfig, 'credentials' | 'requestTimeoutMs' | 'federation' | 'access' | 'cost' | 'limits' | 'cache' | 'adminToken'> &
    Partial<Pick<GatewayConfig, 'redis'>> & {
      observability?: Pick<GatewayConfig['observability'], 'metricsPort' | 'shutdownTimeoutMs'> &
        Partial<Pick<GatewayConfig['observability'], 'metricsHost'>>;
    };
  platforms: PlatformRegistry;
  port: number;
  host?: string;
  /** Default: a logger that writes nothing (tests that do not look at logs). */
  logger?: Logger;
  /** The entity cache's clock (default Date.now); freshness tests inject one. */
  cacheClock?: () => number;
  /**
   * The process's shared Redis connection, owned by the caller (index.ts opens one for the platforms and
   * the server). Absent: the server opens its own from `config.redis` and closes it with itself.
   */
  redis?: RedisConnection | null;
}

export interface RunningGateway {
  /** Base URL, e.g. http://127.0.0.1:4000 (GraphQL at `${url}/graphql`). */
  url: string;
  /** Where /metrics is served: `${url}/metrics`, or the METRICS_PORT server's. */
  metricsUrl: string;
  /**
   * Stops accepting connections, lets requests in flight finish for up to `shutdownTimeoutMs`
   * (default 10 s), then closes the remaining connections and the platforms' timers.
   */
  close(): Promise<void>;
}

export async function startGatewayServer(options: GatewayServerOptions): Promise<RunningGateway> {
  const httpServer = http.createServer();
  const logger = options.logger ?? createLogger({ level: 'silent', format: 'json' });
  const metrics = new GatewayMetrics(options.platforms);
  const observers: RequestObservers = { logger, metrics };
  const onAttempt = (attempt: UpstreamAttempt): void => {
    metrics.recordAttempt(attempt);
    if (!logger.isLevelEnabled('debug')) return;
    const ms = { quotaWaitMs: Math.round(attempt.quotaWaitMs * 10) / 10, durationMs: Math.round(attempt.durationMs * 10) / 10 };
    logger.debug({ requestId: currentUsage()?.requestId ?? null, ...attempt, ...ms }, 'upstream attempt');
  };
  const unsubscribe = [...options.platforms.values()].map((entry) => entry.guard.observe(onAttempt));
  const observability = options.config.observability;
  const access = await startGatewayAccess(options.config, logger);
  const ownsRedis = options.redis === undefined;
  const redis = options.redis ?? (options.config.redis ? new RedisConnection(options.config.redis) : null);
  // With Redis a client's budget is one budget on every replica (docs/deployment.md, "What is shared").
  const budgets = redis ? new RedisBudgetStore(redis, (line) => logger.warn(line)) : new MemoryBudgetStore();
  const shared = buildSharedLookups(options.platforms, options.config.cache, redis, options.cacheClock);
  const entityCache = shared.lookups.cache;
  const answers =
    entityCache && options.config.cache.answers.enabled
      ? new AnswerCache(options.config.cache.answers.maxBytes, entityCache.now, () => entityCache.epoch())
      : null;
  const formatError = loggingErrorFormatter(logger);
  const apollo = new ApolloServer<GatewayContext>({
    gateway: jitExecutionGateway(buildSchema({ federation: options.config.federation })),
    formatError,
    includeStacktraceInErrorResponses: false,
    // index.ts owns the signals: Apollo's own handler would stop it and re-raise SIGTERM (exit 143).
    stopOnTerminationSignals: false,
    // Apollo's default pretty-prints every answer (JSON.stringify(v, null, 2)): more CPU and bytes for
    // nobody (bench/README.md, "Optimizations").
    stringifyResult: (result) => JSON.stringify(result),
    // The default cache-control plugin hooks willResolveField, which makes Apollo wrap every resolver
    // of every request; the schema declares no cache hints, so it only cost CPU.
    // Apollo enables federated inline tracing (ftv1) for a subgraph schema; it times resolvers through
    // Apollo's own executor, which graphql-jit replaces, so its traces would be empty.
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: observability?.shutdownTimeoutMs ?? 10_000 }),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      partialErrorsPlugin(formatError),
      ...access.apollo.plugins,
      costPlugin({ ...options.config.cost, store: budgets }),
      cacheReportPlugin(),
      // After the plugins that add `extensions` (cost, cache): willSendResponse hooks run in this order.
      requestRecordPlugin(),
      ...(answers ? [answers.capturePlugin()] : []),
    ],
    introspection: access.apollo.introspection,
    validationRules: structuralLimitRules(options.config.limits),
    parseOptions: { maxTokens: options.config.limits.tokens },
  });
  try {
    await apollo.start();
  } catch (err) {
    await access.close();
    if (ownsRedis) await redis?.close();
    throw err;
  }
  const makeContext = async (
    usage: RequestUsage,
    record: RequestRecord,
    admitted: AdmittedRequest,
    clientAddress: string | undefined,
    freshRead: boolean,
  ): Promise<GatewayContext> => {
    const deadline = Date.now() + options.config.requestTimeoutMs;
    const { client, tenant } = admitted.access;
    return {
      platforms: options.platforms,
      client,
      clientAddress,
      tenantId: tenant.id,
      credentials: tenant.credentials,
      loaders: new ProductLoaders(options.platforms, tenant.credentials, deadline, shared.lookups, freshRead),
      deadline,
      usage,
      requestId: record.requestId,
      record,
    };
  };
  const metricsPort = observability?.metricsPort ?? null;
  const deps: RouteDeps = {
    apollo,
    access,
    makeContext,
    platforms: options.platforms,
    credentials: options.config.credentials,
    observers,
    metricsOnThisPort: metricsPort === null,
    shared,
    redis,
    adminToken: options.config.adminToken,
    answers: answers && { cache: answers, cost: { ...options.config.cost, store: budgets } },
  };
  httpServer.on('request', (req, res) => {
    route(req, res, deps).catch((err: unknown) => {
      logger.error({ err, requestId: res.getHeader('x-request-id') }, 'gateway HTTP handler failed');
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.destroy();
    });
  });
  const host = options.host ?? '127.0.0.1';
  let metricsServer: MetricsServer | null = null;
  const close = async (): Promise<void> => {
    await apollo.stop();
    await access.close();
    await metricsServer?.close();
    for (const stop of unsubscribe) stop();
    for (const entry of options.platforms.values()) entry.guard.close();
    if (ownsRedis) await redis?.close();
  };
  let port: number;
  try {
    port = await listen(httpServer, options.port, host);
    if (metricsPort !== null) metricsServer = await startMetricsServer(metrics, metricsPort, observability?.metricsHost ?? '127.0.0.1');
  } catch (err) {
    await close();
    throw err;
  }
  const url = `http://${host}:${port}`;
  return { url, metricsUrl: metricsServer ? `${metricsServer.url}/metrics` : `${url}/metrics`, close };
}

interface RouteDeps {
  apollo: ApolloServer<GatewayContext>;
  access: GatewayAccess;
  makeContext: (
    usage: RequestUsage,
    record: RequestRecord,
    admitted: AdmittedRequest,
    clientAddress: string | undefined,
    freshRead: boolean,
  ) => Promise<GatewayContext>;
  platforms: PlatformRegistry;
  credentials: GatewayConfig['credentials'];
  observers: RequestObservers;
  /** False when METRICS_PORT serves /metrics instead. */
  metricsOnThisPort: boolean;
  /** Cache and coalescing shared by every request. */
  shared: SharedState;
  redis: RedisConnection | null;
  adminToken: string | null;
  /** Null when RESPONSE_CACHE (or CACHE) is off. */
  answers: AnswerReplay | null;
}

async function route(req: IncomingMessage, res: ServerResponse, deps: RouteDeps): Promise<void> {
  const requestId = assignRequestId(req, res);
  const url = new URL(req.url ?? '/', 'http://gateway');
  if (url.pathname === '/healthz') return sendJson(res, 200, { status: 'ok' });
  if (url.pathname === '/readyz') return sendJson(res, 200, readiness(deps.platforms, deps.credentials, deps.shared, deps.redis));
  if (url.pathname === '/admin/cache/purge') return handlePurge(req, res, deps.adminToken, deps.shared.lookups.cache);
  if (url.pathname === '/metrics' && deps.metricsOnThisPort) return sendMetrics(res, deps.observers.metrics);
  if (url.pathname === '/graphiql') return sendHtml(res, await graphiqlPage());
  if (url.pathname !== '/graphql' && url.pathname !== '/') {
    return sendJson(res, 404, { error: `no route for ${url.pathname}; GraphQL is served at /graphql` });
  }
  const usage = new RequestUsage(requestId);
  let ctx: Pick<GatewayContext, 'tenantId' | 'client'> | undefined;
  // `Cache-Control: no-cache`: the client wants what the platform says now (still coalesced).
  const freshRead = /(^|,)\s*no-cache\s*(,|$)/i.test(String(req.headers['cache-control'] ?? ''));
  const answer = async (record: RequestRecord): Promise<void> => {
    const makeContext = async (admitted: AdmittedRequest): Promise<GatewayContext> => {
      const made = await deps.makeContext(usage, record, admitted, req.socket.remoteAddress, freshRead);
      ctx = made;
      return made;
    };
    const admitted = await deps.access.admit(req, res, url.search, () => readBody(req, res));
    if (admitted === undefined) return;
    const key = deps.answers?.cache.keyOf(req.method, req.headers, admitted.access, admitted.body);
    if (key === undefined) {
      await answerGraphQL(req, res, admitted, deps.apollo, usage, makeContext);
      return;
    }
    const replay = deps.answers!;
    if (!freshRead) {
      ctx = { tenantId: admitted.access.tenant.id, client: admitted.access.client };
      if (await replayAnswer(res, replay, key, admitted, req.socket.remoteAddress, usage, record)) return;
    }
    const epoch = replay.cache.epoch();
    const executed = await answerGraphQL(req, res, admitted, deps.apollo, usage, makeContext);
    replay.cache.store(key, usage, epoch, {
      ...executed,
      operationType: record.operationType ?? null,
      operationName: record.operationName ?? null,
      documentHash: record.documentHash ?? null,
    });
  };
  await observeGraphQLRequest(deps.observers, req, res, requestId, usage, () => ctx, answer);
}

/** The answer cache, and what the cost of a replayed answer is checked against. */
interface AnswerReplay {
  cache: AnswerCache;
  cost: Parameters<typeof costOfCachedAnswer>[0];
}

/**
 * Sends the kept answer of `key`, if there is one that the cost checks let through (else false: the
 * request runs normally, and is refused there if it must be). Counts what it served, as an execution
 * would, for the log line, the metrics and `extensions`.
 */
async function replayAnswer(
  res: ServerResponse,
  { cache, cost: costOptions }: AnswerReplay,
  key: string,
  admitted: AdmittedRequest,
  clientAddress: string | undefined,
  usage: RequestUsage,
  record: RequestRecord,
): Promise<boolean> {
  const answer = cache.get(key);
  if (!answer) return false;
  const cost = await costOfCachedAnswer(
    costOptions,
    { client: admitted.access.client, clientAddress },
    answer.estimatedCalls,
    answer.cacheHits,
  );
  if (!cost) return false;
  usage.cacheHits = answer.cacheHits;
  // `cache` only where an execution would report it: when lookups went through the entity cache.
  const extensions = {
    cost,
    ...(answer.cacheHits > 0 ? { cache: { hits: answer.cacheHits, misses: 0, stale: [] } } : {}),
    answerCache: { ageSeconds: Math.floor((cache.now() - answer.storedAt) / 1000) },
  };
  Object.assign(record, { operationName: answer.operationName, operationType: 'query', documentHash: answer.documentHash });
  Object.assign(record, { hasData: true, extensions });
  const text = replayedAnswerText(answer, extensions);
  for (const [name, value] of answer.headers) res.setHeader(name, value);
  res.setHeader('content-length', Buffer.byteLength(text));
  res.statusCode = 200;
  res.end(text);
  return true;
}

/** Runs an admitted request through Apollo and sends its answer; resolves to its status and headers. */
async function answerGraphQL(
  req: IncomingMessage,
  res: ServerResponse,
  admitted: AdmittedRequest,
  apollo: ApolloServer<GatewayContext>,
  usage: RequestUsage,
  makeContext: (admitted: AdmittedRequest) => Promise<GatewayContext>,
): Promise<{ status: number; headers: HeaderMap; body: string | undefined }> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  const request: HTTPGraphQLRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    headers,
    search: admitted.search,
    body: admitted.body,
  };
  const response = await runWithUsage(usage, () =>
    apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: () => makeContext(admitted) }),
  );
  for (const [key, value] of response.headers) res.setHeader(key, value);
  res.statusCode = response.status ?? 200;
  if (response.body.kind === 'complete') {
    // A known length is sent in one write instead of chunked encoding's framing.
    res.setHeader('content-length', Buffer.byteLength(response.body.string));
    res.end(response.body.string);
    return { status: res.statusCode, headers: response.headers, body: response.body.string };
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
  return { status: res.statusCode, headers: response.headers, body: undefined };
}
