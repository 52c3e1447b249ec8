/**
 * The Taobao catalog: the API page's example item plus `size` generated items, deterministic from the
 * seed, indexed by `num_iid` text (no request scans it). Deleted items are generated (so the seed's
 * sequence is the same whatever is deleted) but not indexed: TOP leaves them out of its answers.
 */
import type { TopItem } from '../../../platforms/taobao/topItem';
import { Rng } from '../../data/random';
import type { PlatformSandboxInit } from '../../types';
import { exampleItem } from './exampleItem';
import { generateItem } from './generateItem';

export interface TaobaoCatalog {
  /** Live items by `num_iid` as decimal text. */
  items: ReadonlyMap<string, TopItem>;
  /** `num_iid`s of generated items that were deleted: unknown to the API. */
  deletedIds: readonly string[];
}

export function buildTaobaoCatalog(init: PlatformSandboxInit): TaobaoCatalog {
  const rng = new Rng(init.seed);
  const items = new Map<string, TopItem>();
  const deletedIds: string[] = [];
  const example = exampleItem();
  items.set(String(example.num_iid), example);
  for (let i = 0; i < init.size; i++) {
    const { item, deleted } = generateItem(rng, i);
    if (deleted) deletedIds.push(String(item.num_iid));
    else items.set(String(item.num_iid), item);
  }
  return { items, deletedIds };
}
