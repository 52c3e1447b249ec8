/**
 * Connections to the real Redis (127.0.0.1:6379 unless given) under one random key prefix per test
 * file, each standing for one replica's connection; `closeAll` deletes the prefix's keys and closes them.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { RedisConnection } from '../../src/redis/redisConnection';

export interface RedisLinks {
  prefix: string;
  /** Every connection opened so far, in order. */
  connections: RedisConnection[];
  /** A new connection under the prefix (1 s budget per command: a loaded machine is slow, not down). */
  connect(url?: string): RedisConnection;
  /** Opens the first connection and waits until it is up. */
  ready(): Promise<void>;
  closeAll(): Promise<void>;
}

export function redisLinks(name: string): RedisLinks {
  const prefix = `${name}-${randomUUID()}`;
  const connections: RedisConnection[] = [];
  const connect = (url = 'redis://127.0.0.1:6379'): RedisConnection => {
    const redis = new RedisConnection({ url, timeoutMs: 1000, keyPrefix: prefix }, () => undefined);
    connections.push(redis);
    return redis;
  };
  return {
    prefix,
    connections,
    connect,
    async ready() {
      const first = connect();
      await until(() => first.isUp);
    },
    async closeAll() {
      await connections[0]?.delete([], `${prefix}:*`);
      await Promise.all(connections.map((c) => c.close()));
    },
  };
}

/** Polls `check` every 10 ms for up to 2 s, then asserts it. */
export async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}
