/**
 * The Ark stand-in's catalog: `size` generated items plus the API page's example hit. It holds one
 * small record per item (what listing and filters read) and builds full hits on demand from the
 * seed (see generateSpu.ts), keeping recently built SPUs, so 100,000 items cost a few megabytes.
 */
import type { ArkHit } from '../../../platforms/xhs-ark/types';
import { ARK_EXAMPLE_HIT_TEXT } from './exampleHit';
import { drawSpuFacts, generateSpuHits, spuStream } from './generateSpu';
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
  readonly records: readonly ArkRecord[];
  readonly byId: ReadonlyMap<string, ArkRecord>;
  private readonly built = new Map<number, ArkHit[]>();
  private readonly example: { record: ArkRecord; hit: ArkHit; json: string };

  constructor(private readonly seed: number, size: number) {
    const hit = JSON.parse(ARK_EXAMPLE_HIT_TEXT) as ArkHit;
    this.example = { record: exampleRecord(hit), hit, json: minifyJsonText(ARK_EXAMPLE_HIT_TEXT) };
    const records = [this.example.record, ...generateRecords(seed, size)];
    records.sort(arkListingOrder);
    this.records = records;
    this.byId = new Map(records.map((record) => [record.id, record]));
  }

  hit(record: ArkRecord): ArkHit {
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

function exampleRecord(hit: ArkHit): ArkRecord {
  const { item } = hit;
  return {
    id: item.id,
    spuIndex: -1,
    position: 0,
    status: Number(item.status ?? 0),
    buyable: item.buyable === true,
    frozen: item.is_frozen === true,
    stock: item.stock ?? 0,
    createTime: item.create_time ?? 0,
    updateTime: item.update_time ?? 0,
  };
}
