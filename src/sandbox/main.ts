/**
 * `npm run sandbox`: the sandbox alone on SANDBOX_PORT (default 4010) at 127.0.0.1, catalogs from
 * SANDBOX_SEED and SANDBOX_SIZE. Prints each platform's base URL and credentials; stops on SIGINT/SIGTERM.
 */
import { startSandbox } from './index';
import { DEFAULT_MERCHANT_COUNT, merchantNames } from './merchantNames';
import { DEFAULT_HOST, DEFAULT_PORT } from './options';
import { SANDBOX_PLATFORM_MODULES } from './platforms';

async function main(): Promise<void> {
  const port = integerFromEnv('SANDBOX_PORT', DEFAULT_PORT);
  const seed = process.env.SANDBOX_SEED === undefined ? undefined : integerFromEnv('SANDBOX_SEED', 0);
  const size = process.env.SANDBOX_SIZE === undefined ? undefined : integerFromEnv('SANDBOX_SIZE', 0);
  const started = Date.now();
  const sandbox = await startSandbox({ port, host: DEFAULT_HOST, seed, size });
  console.log(`sandbox listening on ${sandbox.url} (catalogs built in ${Date.now() - started} ms)`);
  for (const { slug, credentials } of SANDBOX_PLATFORM_MODULES) {
    console.log(`  ${slug.padEnd(12)} ${sandbox.baseUrls[slug]}  ${JSON.stringify(credentials)}`);
  }
  console.log(
    `  merchants    default (above), ${merchantNames(DEFAULT_MERCHANT_COUNT).slice(1).join(', ')}: credentials at ${sandbox.url}/__sandbox/credentials`,
  );
  console.log(
    `  admin        ${sandbox.url}/__sandbox/{stats,requests,reset,faults,credentials,clock,rate-limits,products/<platform>/<id>}`,
  );
  const stop = (signal: string): void => {
    console.log(`${signal}: closing the sandbox`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function integerFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`${name} must be a non-negative integer, but got ${JSON.stringify(text)}`);
  return value;
}

main().catch((err: unknown) => {
  console.error('sandbox failed to start:', err);
  process.exit(1);
});
