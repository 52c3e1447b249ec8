/**
 * The mini-program stand-in's catalog: `size` generated deal products plus the API page's example
 * record. One small record per product (what listing reads); full products are rebuilt on demand from
 * the seed (see generateProduct.ts) and recent ones kept.
 *
 * Listing order: `biz_update_time` descending, then `item_id` ascending. Without a `status` filter the
 * list holds every product but the deleted ones; `status: 6` lists those.
 */
import type { MiniappProduct } from '../../../platforms/xhs-miniapp/types';
import { deepMerge, refuseIdentityChange, type JsonObject } from '../../deepMerge';
import { merchantNumber } from '../../merchantNames';
import { MINIAPP_EXAMPLE_PRODUCT } from './exampleProduct';
import { drawProductFacts, generateProduct, productStream } from './generateProduct';
import { MINIAPP_STATUS } from './status';

/** One product as the listing sees it; `index` -1 is the API page's example. */
export interface MiniappRecord {
  readonly itemId: string;
  readonly index: number;
  readonly status: number;
  /** Unix ms. */
  readonly updateTime: number;
}

const PRODUCT_CACHE_SIZE = 4096;
const EMPTY: readonly MiniappRecord[] = [];

export class MiniappCatalog {
  /** Every product, deleted ones included, in listing order. */
  records: readonly MiniappRecord[] = EMPTY;
  byId: ReadonlyMap<string, MiniappRecord> = new Map();
  private listed: readonly MiniappRecord[] = EMPTY;
  private byStatus = new Map<number, MiniappRecord[]>();
  private readonly built = new Map<number, MiniappProduct>();
  private readonly example: MiniappProduct;
  /** Products changed by `PATCH /__sandbox/products/xhs-miniapp/<item_id>`, by item_id. */
  private readonly patched = new Map<string, MiniappProduct>();

  /** `merchant`: an extra merchant's catalog (its own version of the example); the default merchant's without it. */
  constructor(
    private readonly seed: number,
    size: number,
    merchant?: string,
  ) {
    this.example = merchant === undefined ? MINIAPP_EXAMPLE_PRODUCT : merchantExampleProduct(merchant);
    const example: MiniappRecord = { itemId: this.example.item_id, index: -1, status: this.example.status ?? 0, updateTime: 0 };
    this.index([example, ...generateRecords(seed, size)]);
  }

  /**
   * Deep-merges `patch` into the product and re-lists it by its `status` and `biz_update_time`;
   * undefined for an unknown item_id.
   */
  patch(itemId: string, patch: JsonObject): MiniappProduct | undefined {
    const record = this.byId.get(itemId);
    if (!record) return undefined;
    const product = this.product(record);
    refuseIdentityChange(product as unknown as JsonObject, patch, ['item_id']);
    const changed = deepMerge(product as unknown as JsonObject, patch) as unknown as MiniappProduct;
    this.patched.set(itemId, changed);
    const relisted: MiniappRecord = { ...record, status: changed.status ?? 0, updateTime: Number(changed.biz_update_time ?? 0) };
    this.index(this.records.map((r) => (r === record ? relisted : r)));
    return changed;
  }

  private index(records: MiniappRecord[]): void {
    records.sort(miniappListingOrder);
    this.records = records;
    this.byId = new Map(records.map((record) => [record.itemId, record]));
    this.listed = records.filter((record) => record.status !== MINIAPP_STATUS.DELETED);
    this.byStatus = new Map();
    for (const record of records) {
      let group = this.byStatus.get(record.status);
      if (!group) this.byStatus.set(record.status, (group = []));
      group.push(record);
    }
  }

  /** The records a `status` filter lists, in listing order (undefined: all but deleted). */
  list(status: number | undefined): readonly MiniappRecord[] {
    return status === undefined ? this.listed : (this.byStatus.get(status) ?? EMPTY);
  }

  product(record: MiniappRecord): MiniappProduct {
    if (this.patched.size > 0) {
      const patched = this.patched.get(record.itemId);
      if (patched) return patched;
    }
    if (record.index < 0) return this.example;
    let product = this.built.get(record.index);
    if (!product) {
      product = generateProduct(this.seed, record.index);
      if (this.built.size >= PRODUCT_CACHE_SIZE) this.built.delete(this.built.keys().next().value!);
      this.built.set(record.index, product);
    }
    return product;
  }
}

/**
 * The example as an extra merchant's catalog holds it: the same item_id, its own name (`string (m2)`)
 * and prices (`n - 1` yuan more, in fen, for `m<n>`).
 */
function merchantExampleProduct(merchant: string): MiniappProduct {
  const raise = (merchantNumber(merchant) - 1) * 100;
  const base = MINIAPP_EXAMPLE_PRODUCT;
  const skus = (base.skus ?? []).map((sku) => ({
    ...sku,
    sale_price: (sku.sale_price ?? 0) + raise,
    origin_price: (sku.origin_price ?? 0) + raise,
  }));
  return { ...base, name: `${base.name} (${merchant})`, skus };
}

export function miniappListingOrder(a: MiniappRecord, b: MiniappRecord): number {
  if (a.updateTime !== b.updateTime) return b.updateTime - a.updateTime;
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
}

function generateRecords(seed: number, size: number): MiniappRecord[] {
  const records = new Array<MiniappRecord>(size);
  for (let index = 0; index < size; index++) {
    const facts = drawProductFacts(productStream(seed, index), index);
    records[index] = { itemId: facts.itemId, index, status: facts.status, updateTime: facts.updateTime };
  }
  return records;
}
