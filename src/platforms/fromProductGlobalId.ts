/**
 * Decoding the global ids globalId.ts issues, Product and Sku alike. Apart from it so the mappers that
 * issue ids do not import the registry.
 */
import type { PlatformCode } from '../generated/graphql';
import { PLATFORM_CODES } from './registry';

export interface ProductGlobalId {
  type: 'Product';
  platform: PlatformCode;
  platformProductId: string;
}

/** Decodes a Product global id; undefined for anything else (malformed, or another type). */
export function fromProductGlobalId(id: string): ProductGlobalId | undefined {
  const fields = decode(id, 'Product', /^([A-Z_]+):(.+)$/s);
  return fields && { type: 'Product', platform: fields.platform, platformProductId: fields.rest[0] };
}

export interface SkuGlobalId {
  type: 'Sku';
  platform: PlatformCode;
  platformProductId: string;
  platformSkuId: string;
}

/**
 * Decodes a Sku global id (federation's `Sku @key(fields: "id")`); undefined for anything else. A
 * product id may hold `:` (Xiaoe's `<resource_type>:<resource_id>`), a SKU id does on no platform
 * served, so the last `:` splits them.
 */
export function fromSkuGlobalId(id: string): SkuGlobalId | undefined {
  const fields = decode(id, 'Sku', /^([A-Z_]+):(.+):([^:]+)$/s);
  return fields && { type: 'Sku', platform: fields.platform, platformProductId: fields.rest[0], platformSkuId: fields.rest[1]! };
}

/**
 * The text of a global id of `type`, split by `after` (which reads the text after `<type>:`, its first
 * group the platform): undefined when the id is not base64url, names another type or an unknown platform.
 */
function decode(id: string, type: 'Product' | 'Sku', after: RegExp): { platform: PlatformCode; rest: [string, ...string[]] } | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (!text.startsWith(`${type}:`)) return undefined;
  const match = after.exec(text.slice(type.length + 1));
  const platform = PLATFORM_CODES.find((code) => code === match?.[1]);
  if (!match || !platform) return undefined;
  return { platform, rest: [match[2]!, ...match.slice(3)] };
}
