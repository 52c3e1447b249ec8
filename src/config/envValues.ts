/** Small readers shared by the access settings' parsers; each error names the variable. */
import { ConfigError, type Env } from './configError';

export type { Env };

export function readText(env: Env, name: string): string | undefined {
  const value = env[name];
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

export function readSwitch(env: Env, name: string, fallback: boolean): boolean {
  const value = readText(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw new ConfigError(name, `must be "on" or "off", got "${env[name]}"`);
}

export function readList(env: Env, name: string): string[] | undefined {
  const value = readText(env, name);
  return value === undefined ? undefined : value.split(/[\s,]+/).filter((v) => v !== '');
}

export function readMs(env: Env, name: string, fallback: number): number {
  const value = readText(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 2_147_483_647)
    throw new ConfigError(name, `must be an integer from 1 to 2147483647, got "${value}"`);
  return Number(value);
}

export function readHttpUrl(env: Env, name: string): string | undefined {
  const value = readText(env, name);
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, 'is not a URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(name, 'must be an http or https URL');
  return value;
}
