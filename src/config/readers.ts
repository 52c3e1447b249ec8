/** Readers of single variables: each returns the validated value or its default, or throws a ConfigError naming it. */
import type { Quota } from '../platforms/platformSettings';
import { ConfigError, type Env } from './configError';

/** Node fires a timer of more than 2^31-1 ms at once, so no setting may be larger. */
const MAX_SETTING = 2_147_483_647;

export function readPort(env: Env, name: string, fallback: number): number {
  const port = readInt(env, name, fallback);
  if (port < 0 || port > 65535) throw new ConfigError(name, `must be a port number (0-65535), got "${env[name]}"`);
  return port;
}

export function readPositiveInt(env: Env, name: string, fallback: number, max = MAX_SETTING): number {
  const value = readInt(env, name, fallback);
  if (value <= 0 || value > max) throw new ConfigError(name, `must be an integer from 1 to ${max}, got "${env[name]}"`);
  return value;
}

function readInt(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (!nonEmpty(value)) return fallback;
  if (!/^\d+$/.test(value.trim())) throw new ConfigError(name, `must be an integer, got "${value}"`);
  return Number(value);
}

/** An http(s) URL without its trailing slashes; undefined when unset. */
export function readUrl(env: Env, name: string): string | undefined {
  const value = env[name];
  if (!nonEmpty(value)) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, 'must be an http or https URL');
  return value.replace(/\/+$/, '');
}

/** `<calls>/<seconds>s`, e.g. `3000/10s`; `off` for no pacing (null); undefined when unset. */
export function readQuota(env: Env, name: string): Quota | null | undefined {
  const value = env[name];
  if (!nonEmpty(value)) return undefined;
  if (value.trim() === 'off') return null;
  const m = /^(\d+)\/(\d+)s$/.exec(value.trim());
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new ConfigError(name, `must look like "3000/10s" (calls per seconds) or "off", got "${value}"`);
  return { limit: Number(m[1]), windowMs: Number(m[2]) * 1000 };
}

export function nonEmpty(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}
