/**
 * The Ark stand-in's catalog: `size` generated items plus the API page's example hit. It holds one
 * small record per item (what listing and filters read) and builds full hits on demand from the
 * seed (see generateSpu.ts), keeping recently built SPUs, so 100,000 items cost a few megabytes.
 */
import type { ArkHit } from '../../../platforms/xhs-ark/types';
import { deepMerge, isJsonObject, PatchError, type JsonObject } from '../../deepMerge';
import { merchantNumber } from '../../merchantNames';
import { ARK_EXAMPLE_HIT_TEXT } from './exampleHit';
import { drawSpuFacts, generateSpuHits, spuStream } from './generateSpu';
import { ArkListIndex } from './listIndex';
import { minifyJsonText } from './minifyJsonText';

/** One item as the indexes see it. `spuIndex` -1 is the API page's example. */
export interface ArkRecord {
  readonly id: string;
  readonly spuIndex: number;
  readonly position: number;
  /** 0 editing, 1 awaiting review, 2 approved. */
  readonly status: number;
  readonly buyable: boolean;
  readonly frozen: boolean;
  readonly stock: number;
  /** Unix seconds. */
  readonly createTime: number;
  readonly updateTime: number;
}

/** Built SPUs kept for following pages; a page touches at most 50. */
const SPU_CACHE_SIZE = 2048;

export class ArkCatalog {
  /** Every item in listing order: `update_time` descending, then id ascending. */
  records: readonly ArkRecord[];
  byId: ReadonlyMap<string, ArkRecord>;
  /** The list index over `records`, rebuilt when a patch changes them. */
  index: ArkListIndex;
  private readonly built = new Map<number, ArkHit[]>();
  private readonly example: { record: ArkRecord; hit: ArkHit; json: string };
  /** Hits changed by `PATCH /__sandbox/products/xhs-ark/<id>`, by item id, with their response text. */
  private readonly patched = new Map<string, { hit: ArkHit; json: string }>();

  /** `merchant`: an extra merchant's catalog (its own version of the example hit); the default merchant's without it. */
  constructor(
    private readonly seed: number,
    size: number,
    merchant?: string,
  ) {
    const hit = merchant === undefined ? (JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit) : merchantExampleHit(merchant);
    const json = merchant === undefined ? minifyJsonText(ARK_EXAMPLE_HIT_TEXT) : JSON.stringify(hit);
    this.example = { record: recordOfHit(hit, -1, 0), hit, json };
    const records = [this.example.record, ...generateRecords(seed, size)];
    records.sort(arkListingOrder);
    this.records = records;
    this.byId = new Map(records.map((record) => [record.id, record]));
    this.index = new ArkListIndex(records);
  }

  /**
   * Deep-merges `patch` into the item's hit (`{"item": {...}, "spu": {...}, ...}`) and re-indexes it
   * by its status, buyable, is_frozen, stock, create_time and update_time. The hit is then answered as
   * JSON.stringify writes it (the example loses its printed float text). Undefined for an unknown id.
   */
  patch(id: string, patch: JsonObject): ArkHit | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    if (isJsonObject(patch.item) && Object.hasOwn(patch.item, 'id') && patch.item.id !== id) {
      throw new PatchError('field item.id identifies the product and may not be patched');
    }
    if (Object.hasOwn(patch, 'item') && !isJsonObject(patch.item)) throw new PatchError('field item must stay an object');
    const hit = deepMerge(this.hit(record) as unknown as JsonObject, patch) as unknown as ArkHit;
    this.patched.set(id, { hit, json: JSON.stringify(hit) });
    const changed = recordOfHit(hit, record.spuIndex, record.position);
    this.records = this.records.map((r) => (r === record ? changed : r)).sort(arkListingOrder);
    this.byId = new Map(this.records.map((r) => [r.id, r]));
    this.index = new ArkListIndex(this.records);
    return hit;
  }

  hit(record: ArkRecord): ArkHit {
    if (this.patched.size > 0) {
      const patched = this.patched.get(record.id);
      if (patched) return patched.hit;
    }
    if (record.spuIndex < 0) return this.example.hit;
    let hits = this.built.get(record.spuIndex);
    if (!hits) {
      hits = generateSpuHits(this.seed, record.spuIndex);
      if (this.built.size >= SPU_CACHE_SIZE) this.built.delete(this.built.keys().next().value!);
      this.built.set(record.spuIndex, hits);
    }
    return hits[record.position]!;
  }

  /** The hit as response text; the example keeps the API page's own number text (`252.69999999999999`). */
  hitJson(record: ArkRecord): string {
    if (this.patched.size > 0) {
      const patched = this.patched.get(record.id);
      if (patched) return patched.json;
    }
    return record.spuIndex < 0 ? this.example.json : JSON.stringify(this.hit(record));
  }
}

export function arkListingOrder(a: ArkRecord, b: ArkRecord): number {
  if (a.updateTime !== b.updateTime) return b.updateTime - a.updateTime;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Records of whole SPUs until `size` items; the last SPU is cut short if needed. */
function generateRecords(seed: number, size: number): ArkRecord[] {
  const records: ArkRecord[] = [];
  for (let spuIndex = 0; records.length < size; spuIndex++) {
    const facts = drawSpuFacts(spuStream(seed, spuIndex), spuIndex);
    for (const [position, item] of facts.items.entries()) {
      if (records.length === size) break;
      records.push({
        id: item.id,
        spuIndex,
        position,
        status: item.status,
        buyable: item.buyable,
        frozen: item.frozen,
        stock: item.stock,
        createTime: facts.createTime,
        updateTime: item.updateTime,
      });
    }
  }
  return records;
}

/**
 * The example hit as an extra merchant's catalog holds it: the same ids, its own name (`... (m2)`) and
 * price (`n - 1` yuan more for `m<n>`).
 */
function merchantExampleHit(merchant: string): ArkHit {
  const hit = JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
  const item = hit.item as unknown as JsonObject;
  const price = Number(item.price) + merchantNumber(merchant) - 1;
  return deepMerge(hit as unknown as JsonObject, { item: { name: `${String(item.name)} (${merchant})`, price } }) as unknown as ArkHit;
}

/** What listing and filters read of a hit (the example's, or a patched one). */
function recordOfHit(hit: ArkHit, spuIndex: number, position: number): ArkRecord {
  const { item } = hit;
  return {
    id: item.id,
    spuIndex,
    position,
    status: Number(item.status ?? 0),
    buyable: item.buyable === true,
    frozen: item.is_frozen === true,
    stock: item.stock ?? 0,
    createTime: item.create_time ?? 0,
    updateTime: item.update_time ?? 0,
  };
}
