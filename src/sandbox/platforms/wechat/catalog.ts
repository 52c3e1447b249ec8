/**
 * The WeChat mini shop catalog: the documented Switch example plus `size` generated products,
 * deterministic from the seed. Products are generated on first use from their index (catalogIds.ts maps
 * every id to it) and kept in a bounded cache, so a 100,000-product catalog starts in milliseconds and
 * no request scans it; the only eager work is one PRNG draw per product for the per-status lists that
 * get_list pages slice.
 */
import { deepMerge, refuseIdentityChange, type JsonObject } from '../../deepMerge';
import type { PlatformSandboxInit } from '../../types';
import { indexOfOutProductId, indexOfProductId, slotOfOutSkuId, slotOfSkuId } from './catalogIds';
import { EXAMPLE_PRODUCT_ID, exampleProduct, merchantExampleProduct } from './exampleProduct';
import { generateProduct, statusAt } from './generateProduct';
import type { WechatProductEntry, WechatSkuEntry, WechatSkuRecord, WechatSpuRecord } from './records';

/** The example's slot in the per-status lists; its product_id (12345) sorts before every generated id. */
const EXAMPLE_INDEX = -1;
/** Generated products kept; past it the cache starts over (regenerating is exact, only slower). */
const CACHE_LIMIT = 50_000;

export class WechatCatalog {
  private example: WechatProductEntry;
  private readonly cache = new Map<number, WechatProductEntry>();
  /** Products changed by `PATCH /__sandbox/products/wechat/...`, by index; they win over generation. */
  private readonly patched = new Map<number, WechatProductEntry>();
  /** Indexes per `status`, in product_id order. */
  private readonly byStatus = new Map<number, number[]>();

  /** `example`: the documented Switch, or an extra merchant's version of it. */
  constructor(
    private readonly seed: number,
    readonly size: number,
    example: WechatProductEntry = exampleProduct(),
  ) {
    this.example = example;
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

  /**
   * `PATCH /__sandbox/products/wechat/<id>`: a product_id deep-merges `patch` into the online spu (the
   * draft follows when it has no pending edit), a sku_id into that SKU's online record (a patched
   * `stock_num` is also its live stock). Answers the record after the change; undefined for an unknown id.
   */
  patch(id: number, patch: JsonObject): WechatSpuRecord | WechatSkuRecord | undefined {
    const product = this.product(id);
    if (product) return this.patchSpu(product, patch);
    const sku = this.sku(id);
    return sku?.online.sku_id === id ? this.patchSku(sku, patch) : undefined;
  }

  private patchSpu(product: WechatProductEntry, patch: JsonObject): WechatSpuRecord {
    const { online } = product;
    refuseIdentityChange(online as unknown as JsonObject, patch, ['product_id']);
    const changed = deepMerge(online as unknown as JsonObject, patch) as unknown as WechatSpuRecord;
    this.store({ online: changed, draft: product.draft === online ? changed : product.draft, skus: product.skus });
    if (changed.status !== online.status) this.moveStatus(online.product_id, online.status, changed.status);
    return changed;
  }

  private patchSku(sku: WechatSkuEntry, patch: JsonObject): WechatSkuRecord {
    const { online } = sku;
    refuseIdentityChange(online as unknown as JsonObject, patch, ['sku_id', 'product_id']);
    const changed = deepMerge(online as unknown as JsonObject, patch) as unknown as WechatSkuRecord;
    const entry: WechatSkuEntry = {
      online: changed,
      draft: sku.draft === online ? changed : sku.draft,
      realStock: Object.hasOwn(patch, 'stock_num') ? changed.stock_num : sku.realStock,
    };
    const product = this.product(online.product_id)!;
    this.store({ ...product, skus: product.skus.map((s) => (s === sku ? entry : s)) });
    return changed;
  }

  private store(product: WechatProductEntry): void {
    const id = product.online.product_id;
    if (id === EXAMPLE_PRODUCT_ID) this.example = product;
    else this.patched.set(indexOfProductId(id), product);
  }

  /** Keeps the per-status lists in product_id order when a patch changed a product's status. */
  private moveStatus(productId: number, from: number, to: number): void {
    const index = productId === EXAMPLE_PRODUCT_ID ? EXAMPLE_INDEX : indexOfProductId(productId);
    const old = this.byStatus.get(from);
    const at = old?.indexOf(index) ?? -1;
    if (at !== -1) old!.splice(at, 1);
    const list = this.byStatus.get(to) ?? [];
    const insertAt = list.findIndex((i) => i > index);
    list.splice(insertAt === -1 ? list.length : insertAt, 0, index);
    this.byStatus.set(to, list);
  }

  /** The product at an index (the example at EXAMPLE_INDEX); undefined outside the catalog. */
  private at(index: number): WechatProductEntry | undefined {
    if (index === EXAMPLE_INDEX) return this.example;
    if (!Number.isInteger(index) || index < 0 || index >= this.size) return undefined;
    if (this.patched.size > 0) {
      const patched = this.patched.get(index);
      if (patched) return patched;
    }
    let product = this.cache.get(index);
    if (!product) {
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      product = generateProduct(this.seed, index);
      this.cache.set(index, product);
    }
    return product;
  }
}

/** `merchant`: an extra merchant's catalog (its own version of the example); the default merchant's without it. */
export function buildWechatCatalog(init: PlatformSandboxInit, merchant?: string): WechatCatalog {
  return new WechatCatalog(init.seed, init.size, merchant === undefined ? exampleProduct() : merchantExampleProduct(merchant));
}
