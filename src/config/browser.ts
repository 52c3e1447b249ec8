/**
 * CORS_ORIGINS (comma-separated origins, or `*`) and CORS_MAX_AGE. Default: any origin while every
 * platform is on the embedded sandbox (development, Apollo Sandbox), none with real credentials.
 */
import { ConfigError } from './configError';
import { readList, readMs, type Env } from './envValues';

export interface CorsSettings {
  /** `*` for any origin, else the exact origins allowed. */
  origins: '*' | ReadonlySet<string>;
  /** How long a browser may cache a preflight answer, in seconds (`CORS_MAX_AGE`, default 600). */
  maxAgeSeconds: number;
}

export function readCorsSettings(env: Env, context: { realCredentials: boolean }): CorsSettings {
  const listed = readList(env, 'CORS_ORIGINS');
  const maxAgeSeconds = readMs(env, 'CORS_MAX_AGE', 600);
  if (listed === undefined) return { origins: context.realCredentials ? new Set() : '*', maxAgeSeconds };
  if (listed.includes('*')) return { origins: '*', maxAgeSeconds };
  for (const origin of listed) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin (scheme://host[:port], no path)`);
  }
  return { origins: new Set(listed.map((o) => o.toLowerCase())), maxAgeSeconds };
}
