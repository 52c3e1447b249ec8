/**
 * `FEDERATION=on|off` (default on): serve the schema as a Federation v2 subgraph, with `_service` and
 * `_entities` (docs/federation.md), or as a standalone schema without them.
 */
import { ConfigError } from './configError';

type Env = Record<string, string | undefined>;

export function readFederation(env: Env): boolean {
  const value = (env.FEDERATION ?? '').trim().toLowerCase();
  if (value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError('FEDERATION', `must be "on" or "off", got "${env.FEDERATION}"`);
}
