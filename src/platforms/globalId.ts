/**
 * Global ids: opaque (base64url) and stable (a pure function of platform and platform id), so a client
 * may cache them and `node(id:)` can route them back without any lookup table.
 */
import { PLATFORM_CODES } from '../config/config';
import type { PlatformCode } from '../generated/graphql';

const PLATFORMS: ReadonlySet<string> = new Set(PLATFORM_CODES);

export function toProductGlobalId(platform: PlatformCode, platformProductId: string): string {
  return Buffer.from(`Product:${platform}:${platformProductId}`, 'utf8').toString('base64url');
}

export function toSkuGlobalId(platform: PlatformCode, platformProductId: string, platformSkuId: string): string {
  return Buffer.from(`Sku:${platform}:${platformProductId}:${platformSkuId}`, 'utf8').toString('base64url');
}

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
  if (!match || !PLATFORMS.has(match[1]!)) return undefined;
  return { platform: match[1] as PlatformCode, rest: [match[2]!, ...match.slice(3).map((group) => group!)] };
}
