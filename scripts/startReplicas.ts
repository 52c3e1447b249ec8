/**
 * `npm run start:replicas`: the sandbox and 2 gateway replicas sharing one Redis, to try several replicas
 * locally (docs/deployment.md). The sandbox listens on SANDBOX_PORT (default 4010), the replicas on PORT
 * and PORT + 1 (default 4000 and 4001), all on 127.0.0.1; Redis is REDIS_URL (default
 * redis://127.0.0.1:6379). Prints both GraphQL URLs once they answer; Ctrl-C (or SIGTERM) stops all three.
 * Every other variable of the environment reaches the replicas (e.g. REDIS_KEY_PREFIX, LOG_LEVEL).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { externalSandboxEnv } from './externalSandboxEnv';

const ROOT = path.resolve(import.meta.dirname, '..');
const REPLICAS = 2;
const STARTUP_MS = 60_000;

const children: ChildProcess[] = [];

function start(name: string, file: string, env: Record<string, string>): ChildProcess {
  // `node --import tsx`: one process per part, so a signal reaches the part itself.
  const child = spawn(process.execPath, ['--import', 'tsx', file], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'inherit' });
  child.once('exit', (code, signal) => {
    if (stopping) return;
    // Exit 0: a Ctrl-C in the terminal reached it too (the whole process group gets SIGINT) and it shut down.
    if (code !== 0) console.error(`${name} exited (${signal ?? code}); stopping the others`);
    void stop(code === 0 ? 0 : 1);
  });
  children.push(child);
  return child;
}

/** Resolves once `url` answers at all; rejects after STARTUP_MS. */
async function answering(url: string): Promise<void> {
  const until = Date.now() + STARTUP_MS;
  while (Date.now() < until) {
    if (
      await fetch(url).then(
        () => true,
        () => false,
      )
    )
      return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${STARTUP_MS / 1000} s`);
}

let stopping = false;

async function stop(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const exits = children
    .filter((child) => child.exitCode === null && child.signalCode === null)
    .map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.kill('SIGTERM');
  const force = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), 10_000);
  await Promise.all(exits);
  clearTimeout(force);
  process.exit(exitCode);
}

async function main(): Promise<void> {
  const port = portFromEnv('PORT', 4000);
  const sandboxPort = portFromEnv('SANDBOX_PORT', 4010);
  const redisUrl = process.env.REDIS_URL?.trim() || 'redis://127.0.0.1:6379';
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  start('the sandbox', 'src/sandbox/main.ts', { SANDBOX_PORT: String(sandboxPort) });
  await answering(`${sandboxUrl}/__sandbox/stats`);
  const urls = Array.from({ length: REPLICAS }, (_, i) => `http://127.0.0.1:${port + i}`);
  urls.forEach((_, i) =>
    start(`replica ${i + 1}`, 'src/index.ts', {
      ...externalSandboxEnv(sandboxUrl),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      PORT: String(port + i),
      REDIS_URL: redisUrl,
      REPLICAS: String(REPLICAS),
    }),
  );
  await Promise.all(urls.map((url) => answering(`${url}/healthz`)));
  console.log(`\n${REPLICAS} replicas sharing ${redisUrl}, over the sandbox at ${sandboxUrl}:`);
  urls.forEach((url, i) => console.log(`  replica ${i + 1}: ${url}/graphql`));
  console.log('Ctrl-C stops all of them.');
}

function portFromEnv(name: string, fallback: number): number {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65_534) throw new TypeError(`${name} must be a port number, got "${text}"`);
  return port;
}

main().catch((err: unknown) => {
  console.error('start:replicas failed:', err instanceof Error ? err.message : err);
  void stop(1);
});
