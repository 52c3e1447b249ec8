/**
 * The gateway under test: what `src/index.ts` does with `SANDBOX=off` (config from the environment,
 * one Redis connection when REDIS_URL is set, the platform registry, the HTTP server, the heap growth
 * bound), plus the bench's IPC probe. The harness sets the environment with benchGatewayEnv().
 */
import { loadConfig } from '../../src/config/config';
import { buildPlatformRegistry } from '../../src/platforms';
import { RedisConnection } from '../../src/redis/redisConnection';
import { boundHeapGrowth } from '../../src/server/heapGrowth';
import { startGatewayServer } from '../../src/server/httpServer';
import { announceReady, installProbe } from '../harness/probe';

installProbe();
// BENCH_HEAP_BOUND: `off` leaves V8's own heap growth; a number is another growing percent to compare.
const bound = process.env.BENCH_HEAP_BOUND;
if (bound !== 'off') boundHeapGrowth(bound && /^\d+$/.test(bound) ? Number(bound) : undefined);
const config = loadConfig(process.env);
const redis = config.redis ? new RedisConnection(config.redis) : null;
const platforms = buildPlatformRegistry(config, redis);
const gateway = await startGatewayServer({ config, platforms, port: config.port, host: '127.0.0.1', redis });
announceReady(gateway.url);
