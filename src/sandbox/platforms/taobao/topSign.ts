/**
 * The sign TOP expects for a call (docs/platforms.md, "Taobao: signing and the call envelope"): every
 * parameter but `sign` whose value is not empty, sorted by name in byte order, written `name1value1
 * name2value2...`; then MD5(secret + text + secret), HMAC-MD5(secret, text) or HMAC-SHA256(secret,
 * text) over the UTF-8 bytes, as uppercase hex. Written apart from the gateway's signer on purpose: a
 * bug in the client's signing must fail here, not pass on both sides.
 */
import { createHash, createHmac } from 'node:crypto';
import type { TopSignMethod } from './credentials';

export const TOP_SIGN_METHODS: readonly TopSignMethod[] = ['md5', 'hmac', 'hmac-sha256'];

export function isTopSignMethod(value: string): value is TopSignMethod {
  return (TOP_SIGN_METHODS as readonly string[]).includes(value);
}

export function expectedTopSign(params: Record<string, string>, secret: string, method: TopSignMethod): string {
  const text = signedText(params);
  const digest =
    method === 'md5'
      ? createHash('md5').update(`${secret}${text}${secret}`, 'utf8')
      : createHmac(method === 'hmac' ? 'md5' : 'sha256', secret).update(text, 'utf8');
  return digest.digest('hex').toUpperCase();
}

/** Names are ASCII, so comparing UTF-16 code units is byte order. */
function signedText(params: Record<string, string>): string {
  const names = Object.keys(params).filter((name) => name !== 'sign' && params[name] !== '');
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => `${name}${params[name]}`).join('');
}
