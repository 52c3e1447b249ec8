/**
 * The mini-program stand-in's catalog: `size` generated deal products plus the API page's example
 * record. One small record per product (what listing reads); full products are rebuilt on demand from
 * the seed (see generateProduct.ts) and recent ones kept.
 *
 * Listing order: `biz_update_time` descending, then `item_id` ascending. Without a `status` filter the
 * list holds every product but the deleted ones; `status: 6` lists those.
 */
import type { MiniappProduct } from '../../../platforms/xhs-miniapp/types';
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
  readonly records: readonly MiniappRecord[];
  readonly byId: ReadonlyMap<string, MiniappRecord>;
  private readonly listed: readonly MiniappRecord[];
  private readonly byStatus = new Map<number, MiniappRecord[]>();
  private readonly built = new Map<number, MiniappProduct>();

  constructor(private readonly seed: number, size: number) {
    const example: MiniappRecord = { itemId: MINIAPP_EXAMPLE_PRODUCT.item_id, index: -1, status: MINIAPP_EXAMPLE_PRODUCT.status ?? 0, updateTime: 0 };
    const records = [example, ...generateRecords(seed, size)];
    records.sort(miniappListingOrder);
    this.records = records;
    this.byId = new Map(records.map((record) => [record.itemId, record]));
    this.listed = records.filter((record) => record.status !== MINIAPP_STATUS.DELETED);
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
    if (record.index < 0) return MINIAPP_EXAMPLE_PRODUCT;
    let product = this.built.get(record.index);
    if (!product) {
      product = generateProduct(this.seed, record.index);
      if (this.built.size >= PRODUCT_CACHE_SIZE) this.built.delete(this.built.keys().next().value!);
      this.built.set(record.index, product);
    }
    return product;
  }
}

export function miniappListingOrder(a: MiniappRecord, b: MiniappRecord): number {
  if (a.updateTime !== b.updateTime) return b.updateTime - a.updateTime;
  return a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0;
}

function generateRecords(seed: number, size: number): MiniappRecord[] {
  const records: MiniappRecord[] = new Array(size);
  for (let index = 0; index < size; index++) {
    const facts = drawProductFacts(productStream(seed, index), index);
    records[index] = { itemId: facts.itemId, index, status: facts.status, updateTime: facts.updateTime };
  }
  return records;
}
