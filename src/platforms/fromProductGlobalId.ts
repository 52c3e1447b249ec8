/** Decoding the global ids globalId.ts issues. Apart from it so the mappers that issue ids do not import the registry. */
import type { PlatformCode } from '../generated/graphql';
import { PLATFORM_CODES } from './registry';

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
  const platform = PLATFORM_CODES.find((code) => code === match?.[1]);
  if (!match || !platform) return undefined;
  return { type: 'Product', platform, platformProductId: match[2]! };
}
