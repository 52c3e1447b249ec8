/** Decoding the SKU global ids globalId.ts issues (`toSkuGlobalId`), for federation's `Sku @key(fields: "id")`. */
import { PLATFORM_CODES } from './registry';
import type { PlatformCode } from '../generated/graphql';

export interface SkuGlobalId {
  type: 'Sku';
  platform: PlatformCode;
  platformProductId: string;
  platformSkuId: string;
}

/**
 * Decodes a Sku global id; undefined for anything else. A product id may hold `:` (Xiaoe's
 * `<resource_type>:<resource_id>`), a SKU id does on no platform served, so the last `:` splits them.
 */
export function fromSkuGlobalId(id: string): SkuGlobalId | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return undefined;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const match = /^Sku:([A-Z_]+):(.+):([^:]+)$/s.exec(text);
  const platform = PLATFORM_CODES.find((code) => code === match?.[1]);
  if (!match || !platform) return undefined;
  return { type: 'Sku', platform, platformProductId: match[2]!, platformSkuId: match[3]! };
}
