/**
 * How generated ids relate to a product's index in the catalog, so every id lookup is arithmetic plus
 * generating that one product, never a search. Ids are 14-digit numbers well inside JavaScript's exact
 * integers; each index owns a disjoint slot (product ids 7 wide, sku ids 8 wide), so ids are unique and
 * the gaps between them are ids the shop does not have.
 */
import { deriveSeed } from '../../data/random';

export const PRODUCT_ID_BASE = 10_000_000_000_000;
export const PRODUCT_ID_STRIDE = 7;
export const SKU_ID_BASE = 20_000_000_000_000;
/** More than the 6 SKUs a product has at most. */
export const SKU_ID_STRIDE = 8;

/** Each product draws from its own PRNG, so any product can be generated alone, in any order. */
export function productSeed(catalogSeed: number, index: number): number {
  return deriveSeed(catalogSeed, `wechat-product-${index}`);
}

/** The index whose slot holds `productId` (the product there may have another id of the slot). */
export function indexOfProductId(productId: number): number {
  return Math.floor((productId - PRODUCT_ID_BASE) / PRODUCT_ID_STRIDE);
}

export function skuIdAt(index: number, position: number): number {
  return SKU_ID_BASE + index * SKU_ID_STRIDE + position;
}

export function slotOfSkuId(skuId: number): { index: number; position: number } {
  const offset = skuId - SKU_ID_BASE;
  return { index: Math.floor(offset / SKU_ID_STRIDE), position: offset % SKU_ID_STRIDE };
}

export function outProductIdAt(index: number): string {
  return `SPU${String(index + 1).padStart(8, '0')}`;
}

export function outSkuIdOf(outProductId: string, position: number): string {
  return `${outProductId}-${position + 1}`;
}

/** The index an `out_product_id` of outProductIdAt's form names, or undefined for any other text. */
export function indexOfOutProductId(outProductId: string): number | undefined {
  const match = /^SPU(\d{8})$/.exec(outProductId);
  return match ? Number(match[1]) - 1 : undefined;
}

export function slotOfOutSkuId(outSkuId: string): { index: number; position: number } | undefined {
  const match = /^SPU(\d{8})-(\d)$/.exec(outSkuId);
  return match ? { index: Number(match[1]) - 1, position: Number(match[2]) - 1 } : undefined;
}
