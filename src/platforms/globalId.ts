/**
 * Global ids: opaque (base64url) and stable (a pure function of platform and platform id), so a client
 * may cache them and `node(id:)` can route them back without any lookup table (fromProductGlobalId.ts).
 */
import type { PlatformCode } from '../generated/graphql';

export function toProductGlobalId(platform: PlatformCode, platformProductId: string): string {
  return Buffer.from(`Product:${platform}:${platformProductId}`, 'utf8').toString('base64url');
}

export function toSkuGlobalId(platform: PlatformCode, platformProductId: string, platformSkuId: string): string {
  return Buffer.from(`Sku:${platform}:${platformProductId}:${platformSkuId}`, 'utf8').toString('base64url');
}
