/**
 * API keys: random, shown once, stored only as HMAC-SHA256 digests under a server-side pepper
 * (API_KEY_PEPPER), so a leaked tenant store does not yield usable keys.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** `cgk_` and 32 random bytes, base64url: 256 bits, easy to spot in a secret scanner. */
export function newApiKey(): string {
  return `cgk_${randomBytes(32).toString('base64url')}`;
}

/** Lower-case hex HMAC-SHA256 of the key: what a tenant record stores as `keyDigest`. */
export function digestApiKey(key: string, pepper: string): string {
  return createHmac('sha256', pepper).update(key, 'utf8').digest('hex');
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
