import { createHash } from 'node:crypto';

/**
 * The Ark open API v1 `sign` header (docs/platforms.md, "Xiaohongshu Ark: signing and the envelope", verified vector): lowercase hex MD5 of
 * `path + "?" + query + appSecret`, where `query` is every query parameter plus `app-key` and
 * `timestamp`, sorted by name and joined as `k=v` with `&`. Values go in as sent, not URL-encoded
 * (the vector has no character that would need it, and the client only sends digits and booleans).
 */
export function signArkRequest(path: string, params: Readonly<Record<string, string | number | boolean>>, appSecret: string): string {
  const query = Object.keys(params)
    .sort()
    .map((name) => `${name}=${String(params[name])}`)
    .join('&');
  return createHash('md5').update(`${path}?${query}${appSecret}`, 'utf8').digest('hex');
}
