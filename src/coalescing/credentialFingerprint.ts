import { createHash } from 'node:crypto';
import type { PlatformCode } from '../generated/graphql';

const fingerprints = new WeakMap<object, string>();

/**
 * A digest of a platform's credentials (all their fields, secrets included, so a corrected secret is
 * another credential), for keys of state shared across requests: coalescing, the entity cache. Never
 * the secret itself; the same credentials always give the same fingerprint, in every process.
 */
export function credentialFingerprint(platform: PlatformCode, credentials: unknown): string {
  const holder = typeof credentials === 'object' && credentials !== null ? credentials : undefined;
  const known = holder && fingerprints.get(holder);
  if (known) return known;
  const fields = holder ? Object.entries(holder).sort(([a], [b]) => (a < b ? -1 : 1)) : [String(credentials)];
  const fingerprint = createHash('sha256')
    .update(`${platform}\u0000${JSON.stringify(fields)}`)
    .digest('base64url')
    .slice(0, 22);
  if (holder) fingerprints.set(holder, fingerprint);
  return fingerprint;
}
