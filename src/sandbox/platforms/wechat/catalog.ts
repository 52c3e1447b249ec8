/**
 * The WeChat mini shop catalog: the documented Switch example plus `size` generated products,
 * deterministic from the seed. Products are generated on first use from their index (catalogIds.ts maps
 * every id to it) and kept in a bounded cache, so a 100,000-product catalog starts in milliseconds and
 * no request scans it; the only eager work is one PRNG draw per product for the per-status lists that
 * get_list pages slice.
 */
import type { PlatformSandboxInit } from '../../types';
import { indexOfOutProductId, indexOfProductId, slotOfOutSkuId, slotOfSkuId } from './catalogIds';
import { EXAMPLE_PRODUCT_ID, exampleProduct } from './exampleProduct';
import { generateProduct, statusAt } from './generateProduct';
import type { WechatProductEntry, WechatSkuEntry } from './records';

/** The example's slot in the per-status lists; its product_id (12345) sorts before every generated id. */
const EXAMPLE_INDEX = -1;
/** Generated products kept; past it the cache starts over (regenerating is exact, only slower). */
const CACHE_LIMIT = 50_000;

export class WechatCatalog {
  private readonly example = exampleProduct();
  private readonly cache = new Map<number, WechatProductEntry>();
  /** Indexes per `status`, in product_id order. */
  private readonly byStatus = new Map<number, number[]>();

  constructor(private readonly seed: number, readonly size: number) {
    this.byStatus.set(this.example.online.status, [EXAMPLE_INDEX]);
    for (let i = 0; i < size; i++) {
      const status = statusAt(seed, i);
      const list = this.byStatus.get(status);
      if (list) list.push(i);
      else this.byStatus.set(status, [i]);
    }
  }

  product(productId: number): WechatProductEntry | undefined {
    if (productId === EXAMPLE_PRODUCT_ID) return this.example;
    const product = this.at(indexOfProductId(productId));
    return product?.online.product_id === productId ? product : undefined;
  }

  productByOutId(outProductId: string): WechatProductEntry | undefined {
    if (outProductId === this.example.online.out_product_id) return this.example;
    const index = indexOfOutProductId(outProductId);
    const product = index === undefined ? undefined : this.at(index);
    return product?.online.out_product_id === outProductId ? product : undefined;
  }

  sku(skuId: number): WechatSkuEntry | undefined {
    const exampleSku = this.example.skus.find((s) => s.online.sku_id === skuId);
    if (exampleSku) return exampleSku;
    const { index, position } = slotOfSkuId(skuId);
    return this.at(index)?.skus[position];
  }

  skuByOutId(outSkuId: string): WechatSkuEntry | undefined {
    const exampleSku = this.example.skus.find((s) => s.online.out_sku_id === outSkuId);
    if (exampleSku) return exampleSku;
    const slot = slotOfOutSkuId(outSkuId);
    const sku = slot === undefined ? undefined : this.at(slot.index)?.skus[slot.position];
    return sku?.online.out_sku_id === outSkuId ? sku : undefined;
  }

  /** How many products have this status. */
  count(status: number): number {
    return this.byStatus.get(status)?.length ?? 0;
  }

  /** Products of this status from `offset` (0-based), at most `limit`, in product_id order. */
  page(status: number, offset: number, limit: number): WechatProductEntry[] {
    const indexes = this.byStatus.get(status) ?? [];
    return indexes.slice(offset, offset + limit).map((i) => this.at(i)!);
  }

  /** The product at an index (the example at EXAMPLE_INDEX); undefined outside the catalog. */
  private at(index: number): WechatProductEntry | undefined {
    if (index === EXAMPLE_INDEX) return this.example;
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    let product = this.cache.get(index);
    if (!product) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      product = generateProduct(this.seed, index);
      this.cache.set(index, product);
    }
    return product;
  }
}

export function buildWechatCatalog(init: PlatformSandboxInit): WechatCatalog {
  return new WechatCatalog(init.seed, init.size);
}
