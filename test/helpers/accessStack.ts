/**
 * A sandbox and a gateway started with an access configuration (tenants, keys, JWT, CORS), a raw HTTP
 * client that keeps every answer, and a console capture, so tests can search every response and every
 * log line for canary secrets.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/observability/logger';
import { buildPlatformRegistry } from '../../src/platforms';
import { startGatewayServer, type RunningGateway } from '../../src/server/httpServer';
import { SANDBOX_CREDENTIALS, startSandbox } from '../../src/sandbox';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

export interface AccessStack {
  gateway: RunningGateway;
  sandboxUrl: string;
  /** POST /graphql with a JSON body and extra headers. */
  post(body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** Any request to the gateway (path relative to its base URL). */
  fetch(path: string, init?: RequestInit): Promise<Answer>;
  /** Upstream calls by `<platform>:<operation>` since the last call of this (or start). */
  callsSince(): Promise<Record<string, number>>;
  /** Every response (headers and body) so far. */
  responses(): string;
  /** Every log line (the gateway's logger and the console) so far. */
  logs(): string;
  close(): Promise<void>;
}

export function tempDir(): { dir: string; write(name: string, content: string): string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'gateway-access-'));
  return {
    dir,
    write: (name, content) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `env` (over `CACHE=off`), or a function of the started sandbox's URL resolving to it (to read `/__sandbox/credentials` first). */
export async function startAccessStack(
  env: Record<string, string> | ((sandboxUrl: string) => Promise<Record<string, string>>),
): Promise<AccessStack> {
  const logs: string[] = [];
  const spies = (['log', 'warn', 'error', 'info', 'debug'] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(show).join(' '))),
  );
  const sandbox = await startSandbox({ size: 60, seed: 11, port: 0, host: '127.0.0.1' });
  let gateway: RunningGateway;
  try {
    // The entity cache is off unless a test turns it on: these tests count each request's upstream calls.
    const config = loadConfig(
      { PORT: '0', SANDBOX_PORT: String(sandbox.port), CACHE: 'off', ...(typeof env === 'function' ? await env(sandbox.url) : env) },
      SANDBOX_CREDENTIALS,
    );
    const logger = createLogger({ level: 'info', format: 'json', destination: { write: (line: string) => void logs.push(line) } });
    gateway = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0, logger });
  } catch (err) {
    await sandbox.close();
    for (const spy of spies) spy.mockRestore();
    throw err;
  }
  const texts: string[] = [];
  const stats = async (): Promise<Record<string, number>> =>
    ((await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { calls: Record<string, number> }).calls;
  let lastStats = await stats();
  const request = async (path: string, init?: RequestInit): Promise<Answer> => {
    const res = await fetch(`${gateway.url}${path}`, init);
    const text = await res.text();
    texts.push(`${[...res.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}\n${text}`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  };
  return {
    gateway,
    sandboxUrl: sandbox.url,
    post: (body, headers = {}) =>
      request('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    fetch: request,
    async callsSince() {
      const now = await stats();
      const diff: Record<string, number> = {};
      for (const [key, n] of Object.entries(now)) if (n - (lastStats[key] ?? 0) > 0) diff[key] = n - (lastStats[key] ?? 0);
      lastStats = now;
      return diff;
    },
    responses: () => texts.join('\n'),
    logs: () => logs.join('\n'),
    async close() {
      await gateway.close();
      await sandbox.close();
      for (const spy of spies) spy.mockRestore();
    },
  };
}

function show(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
