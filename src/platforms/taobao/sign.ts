/**
 * TOP request signing (docs/platforms.md, "Taobao: signing and the call envelope"): every parameter except `sign`
 * with a non-empty value, sorted by key in byte order, concatenated as `key1value1key2value2...`, then
 * MD5(secret + s + secret), HMAC-MD5(secret, s) or HMAC-SHA256(secret, s), as uppercase hex. Shared by
 * the gateway's client and the sandbox that verifies it.
 */
import { createHash, createHmac } from 'node:crypto';
import type { TopSignMethod } from './credentials';

export type { TopSignMethod };

export function signTopRequest(params: Record<string, string>, secret: string, method: TopSignMethod): string {
  const text = canonicalText(params);
  switch (method) {
    case 'md5':
      return createHash('md5')
        .update(secret + text + secret, 'utf8')
        .digest('hex')
        .toUpperCase();
    case 'hmac':
      return createHmac('md5', secret).update(text, 'utf8').digest('hex').toUpperCase();
    case 'hmac-sha256':
      return createHmac('sha256', secret).update(text, 'utf8').digest('hex').toUpperCase();
  }
}

/** `key1value1key2value2...` over the signed parameters. Keys are ASCII, so code-unit order is byte order. */
function canonicalText(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== undefined && params[key] !== '')
    .sort()
    .map((key) => key + params[key])
    .join('');
}

export function isTopSignMethod(value: string): value is TopSignMethod {
  return value === 'md5' || value === 'hmac' || value === 'hmac-sha256';
}
