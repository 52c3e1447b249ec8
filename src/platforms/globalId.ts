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
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^Product:([A-Z_]+):(.+)$/s.exec(text);
  if (!match || !PLATFORMS.has(match[1]!)) return undefined;
  return { type: 'Product', platform: match[1] as PlatformCode, platformProductId: match[2]! };
}
