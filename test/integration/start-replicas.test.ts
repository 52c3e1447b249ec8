/**
 * `npm run start:replicas` (scripts/startReplicas.ts): it starts, both replicas answer and share their
 * tokens through Redis (127.0.0.1:6379, a random key prefix deleted afterwards), and SIGINT (Ctrl-C)
 * stops every process it started.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisConnection } from '../../src/redis/redisConnection';
import net from 'node:net';
import { freePort } from '../helpers/replicas';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PREFIX = `test-start-replicas-${randomUUID()}`;

/** A free port whose next one is free too (the script's replicas listen on PORT and PORT + 1). */
async function twoFreePorts(): Promise<number> {
  const free = (port: number) =>
    new Promise<boolean>((resolve) => {
      const server = net.createServer().once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
  for (;;) {
    const port = await freePort();
    if (port < 65_535 && (await free(port + 1))) return port;
  }
}

describe('npm run start:replicas', () => {
  let child: ChildProcess;
  let output = '';
  let urls: string[] = [];
  let sandboxUrl = '';
  const exited = () => child.exitCode !== null || child.signalCode !== null;

  beforeAll(async () => {
    const port = await twoFreePorts();
    let sandboxPort = await freePort();
    while (sandboxPort === port || sandboxPort === port + 1) sandboxPort = await freePort();
    sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
    child = spawn('npm', ['run', '--silent', 'start:replicas'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), SANDBOX_PORT: String(sandboxPort), REDIS_KEY_PREFIX: PREFIX, REDIS_TIMEOUT_MS: '1000' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: afterAll can stop all of it whatever happened
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    for (let i = 0; i < 1200 && !/Ctrl-C stops/.test(output) && !exited(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    urls = [...output.matchAll(/replica \d: (http:\/\/\S+\/graphql)/g)].map((m) => m[1]!);
  }, 150_000);

  afterAll(async () => {
    if (child.pid !== undefined && !exited()) process.kill(-child.pid, 'SIGKILL');
    const redis = new RedisConnection({ url: 'redis://127.0.0.1:6379', timeoutMs: 500, keyPrefix: PREFIX }, () => undefined);
    for (let i = 0; i < 100 && !redis.isUp; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    await redis.delete([], `${PREFIX}:*`);
    await redis.close();
  });

  it('prints both replicas, which answer and share one token; Ctrl-C stops everything', async () => {
    expect(urls, output).toHaveLength(2);
    const query = '{ w: product(platform: WECHAT_SHOP, id: "12345") { title } }';
    for (const url of urls) {
      // Past the entity cache (shared too): each replica calls WeChat, with the one token.
      const headers = { 'content-type': 'application/json', 'cache-control': 'no-cache' };
      const res = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) });
      expect((await res.json()).data.w.title).toEqual(expect.any(String));
    }
    const stats = (await (await fetch(`${sandboxUrl}/__sandbox/stats`)).json()) as { calls: Record<string, number> };
    expect(stats.calls['wechat:token']).toBe(1);
    expect(stats.calls['wechat:product/spu/get']).toBe(2);

    process.kill(-child.pid!, 'SIGINT');
    // npm itself ends by the SIGINT (as in a terminal); what matters is that every part shut down cleanly.
    await new Promise((resolve) => (exited() ? resolve(undefined) : child.once('exit', resolve)));
    expect([0, 130, null]).toContain(child.exitCode);
    expect(output).not.toMatch(/exited \(|failed/);
    for (const url of [...urls, `${sandboxUrl}/__sandbox/stats`]) {
      await expect(fetch(url)).rejects.toThrow();
    }
  });
});
