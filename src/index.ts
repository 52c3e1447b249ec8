/**
 * `npm start`: reads the configuration, starts the embedded sandbox (unless SANDBOX=off) and the
 * gateway pointed at it for every platform without real credentials, and prints where they are.
 */
import { ConfigError, loadConfig } from './config/config';
import { buildPlatformRegistry } from './platforms';
import { startGatewayServer } from './server/httpServer';
import { SANDBOX_CREDENTIALS, startSandbox } from './sandbox';

const SAMPLE_QUERY = `{
  platforms { code name sandbox configured capabilities { lookupByIds listing idFormat } }
  catalog(first: 3) { totalCount edges { node { id platform platformProductId title status price { min { amount currency } } } } }
}`;

async function main(): Promise<void> {
  // The sandbox's fixed credentials come from the sandbox itself: config never imports it.
  const config = loadConfig(process.env, SANDBOX_CREDENTIALS);
  const sandbox = config.sandbox ? await startSandbox({ port: config.sandbox.port, host: '127.0.0.1' }) : null;
  const platforms = buildPlatformRegistry(config);
  const gateway = await startGatewayServer({ config, platforms, port: config.port, host: config.host });

  if (sandbox) console.log(`Sandbox of every platform: ${sandbox.url} (admin API at ${sandbox.url}/__sandbox/stats)`);
  for (const [code, entry] of platforms) {
    console.log(`  ${code.padEnd(12)} ${entry.sandbox ? 'sandbox' : 'real host'}: ${config.platforms[code].baseUrl}`);
  }
  console.log(`GraphQL gateway: ${gateway.url}/graphql`);
  console.log(`Try:\n${SAMPLE_QUERY}`);

  const stop = async (): Promise<void> => {
    await gateway.close();
    await sandbox?.close();
    process.exit(0);
  };
  const stopOrFail = (): void => {
    stop().catch((err: unknown) => {
      console.error('catalog-gateway failed to stop cleanly:', err);
      process.exit(1);
    });
  };
  process.once('SIGINT', stopOrFail);
  process.once('SIGTERM', stopOrFail);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) {
    console.error(`Invalid configuration: ${err.message}`);
  } else {
    console.error('catalog-gateway failed to start:', err);
  }
  process.exit(1);
});
