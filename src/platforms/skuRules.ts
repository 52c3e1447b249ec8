/**
 * How SKUs and their product relate, the same on every platform (issue 15; docs/platforms.md "SKUs and
 * their product"):
 * - a SKU is never more available than its product: ON_SALE > SOLD_OUT > every other status, and a SKU
 *   ranked above its product takes the product's status (a `normal` SKU of an `instock` item is OFF_SALE);
 * - a product's price range and derived stock count its live SKUs (ON_SALE or SOLD_OUT by their own
 *   status); when none is live (an off-shelf product), every SKU not deleted, so the merchant still sees
 *   what it would sell for. Deleted SKUs never count.
 */
import type { ProductStatus } from '../generated/graphql';

function rank(status: ProductStatus | null | undefined): number {
  return status === 'ON_SALE' ? 2 : status === 'SOLD_OUT' ? 1 : 0;
}

export function isLiveStatus(status: ProductStatus | null | undefined): boolean {
  return rank(status) > 0;
}

/** The SKU's status, lowered to its product's where the SKU would otherwise be more available. */
export function capSkuStatus(sku: ProductStatus, product: ProductStatus): ProductStatus {
  return rank(sku) > rank(product) ? product : sku;
}

/** The SKUs a product's price range and stock are derived from (see above); `statusOf` is the SKU's own status. */
export function countedSkus<T>(skus: readonly T[], statusOf: (sku: T) => ProductStatus | null | undefined): T[] {
  const live = skus.filter((sku) => isLiveStatus(statusOf(sku)));
  return live.length > 0 ? live : skus.filter((sku) => statusOf(sku) !== 'DELETED');
}

/**
 * countedSkus for one SKU, for a mapper that walks its SKUs in a loop: whether a SKU of its own `status`
 * counts, given whether any SKU of the product is live.
 */
export function isCountedSku(status: ProductStatus | null | undefined, anyLive: boolean): boolean {
  return anyLive ? isLiveStatus(status) : status !== 'DELETED';
}
