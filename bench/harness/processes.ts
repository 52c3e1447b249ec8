/**
 * The processes under test, each forked with tsx and an IPC channel: started, asked for probe
 * readings (CPU and RSS from the process's own accounting, see probe.ts), and stopped.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ProbeReading, ProbeReply } from './probe';

export interface ServerProcess {
  name: string;
  url: string;
  /** Extra fields of the ready message (the sandbox's ids). */
  ready: Record<string, unknown>;
  probe(options?: { resetPeak?: boolean }): Promise<ProbeReading>;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 120_000;

/** Forks `entry` (a path relative to bench/) under tsx, with extra `env`, and waits for its ready message. */
export async function startServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  execArgv: string[] = [],
): Promise<ServerProcess> {
  const child = fork(fileURLToPath(new URL(`../${entry}`, import.meta.url)), {
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await waitForReady(name, child);
  let nextId = 1;
  const pending = new Map<number, (reading: ProbeReading) => void>();
  child.on('message', (message: ProbeReply) => {
    if (message?.type === 'probe') pending.get(message.id)?.(message.reading);
  });
  return {
    name,
    url: String(ready.url),
    ready,
    probe: (options = {}) =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, (reading) => {
          pending.delete(id);
          resolve(reading);
        });
        child.send({ type: 'probe', id, resetPeak: options.resetPeak ?? false });
      }),
    stop: () => stopChild(child),
  };
}

function waitForReady(name: string, child: ChildProcess): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${READY_TIMEOUT_MS} ms`)), READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before it was ready`));
    });
    child.on('message', (message: { type?: string }) => {
      if (message?.type !== 'ready') return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(message);
    });
  });
}

/** SIGTERM (a server writing a CPU profile finishes it on a clean exit), then SIGKILL after 5 s. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
