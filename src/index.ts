/**
 * `npm start`: reads the configuration, starts tracing (when an OTLP endpoint is set), the embedded
 * sandbox (unless SANDBOX=off) and the gateway pointed at it for every platform without real
 * credentials, and says where they are. SIGTERM or SIGINT shut it down gracefully (README, "Shutdown").
 */
import { ConfigError, loadConfig } from './config/config';
import { createLogger, type Logger } from './observability/logger';
import { startTracing } from './observability/tracing';
import { buildPlatformRegistry } from './platforms';
import { RedisConnection } from './redis/redisConnection';
import { boundHeapGrowth } from './server/heapGrowth';
import { startGatewayServer } from './server/httpServer';
import { SANDBOX_CREDENTIALS, startSandbox } from './sandbox';

const SAMPLE_QUERY = `{
  platforms { code name sandbox configured capabilities { lookupByIds listing idFormat } }
  catalog(first: 3) { totalCount edges { node { id platform platformProductId title status price { min { amount currency } } } } }
}`;

async function main(): Promise<void> {
  boundHeapGrowth();
  // The sandbox's fixed credentials come from the sandbox itself: config never imports it.
  const config = loadConfig(process.env, SANDBOX_CREDENTIALS);
  const { observability } = config;
  const logger = createLogger({ level: observability.logLevel, format: observability.logFormat });
  const tracing = startTracing({ endpoint: observability.otlpEndpoint, serviceName: observability.serviceName });
  const sandbox = config.sandbox ? await startSandbox({ port: config.sandbox.port, host: '127.0.0.1' }) : null;
  // One connection per process, shared by the platforms (quota, tokens) and the server (cache, budgets).
  const redis = config.redis ? new RedisConnection(config.redis, (line) => logger.warn(line)) : null;
  const platforms = buildPlatformRegistry(config, redis);
  const gateway = await startGatewayServer({ config, platforms, port: config.port, host: config.host, logger, redis });

  const upstreams = Object.fromEntries(
    [...platforms].map(([code, entry]) => [code, entry.sandbox ? 'sandbox' : config.platforms[code].baseUrl]),
  );
  logger.info(
    {
      graphql: `${gateway.url}/graphql`,
      graphiql: `${gateway.url}/graphiql`,
      metrics: gateway.metricsUrl,
      sandbox: sandbox?.url ?? null,
      upstreams,
      tracing: tracing !== null,
    },
    'catalog-gateway started',
  );
  if (process.stdout.isTTY)
    console.log(`Try (Apollo Sandbox at ${gateway.url}/graphql, offline GraphiQL at ${gateway.url}/graphiql):\n${SAMPLE_QUERY}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, graceMs: observability.shutdownTimeoutMs }, 'shutting down: no new connections, waiting for requests in flight');
    // The drain is bounded by SHUTDOWN_TIMEOUT_MS; this bounds whatever closes after it (a hung exporter).
    setTimeout(() => {
      logger.error('catalog-gateway did not stop in time; exiting');
      process.exit(1);
    }, observability.shutdownTimeoutMs + 5_000).unref();
    shutDown(logger, [
      () => gateway.close(),
      async () => redis?.close(),
      async () => sandbox?.close(),
      async () => tracing?.shutdown(),
    ]).then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'catalog-gateway failed to stop cleanly');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/**
 * Closes each part in order (the gateway first: it drains requests in flight, which still need the
 * sandbox, shared stores and the exporter), then the shared Redis connection, the sandbox, the exporter.
 */
async function shutDown(logger: Logger, parts: ReadonlyArray<() => Promise<unknown>>): Promise<void> {
  for (const close of parts) await close();
  logger.info('catalog-gateway stopped');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`Invalid configuration: ${err.message}`);
  } else {
    console.error('catalog-gateway failed to start:', err);
  }
  process.exit(1);
});
