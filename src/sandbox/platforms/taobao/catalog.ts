/**
 * The Taobao catalog: the API page's example item plus `size` generated items, deterministic from the
 * seed, indexed by `num_iid` text (no request scans it). Deleted items are generated (so the seed's
 * sequence is the same whatever is deleted) but not indexed: TOP leaves them out of its answers.
 */
import type { TopItem } from '../../../platforms/taobao/topItem';
import { Rng } from '../../data/random';
import { deepMerge, isJsonObject, PatchError, refuseIdentityChange, type JsonObject } from '../../deepMerge';
import type { PlatformSandboxInit } from '../../types';
import { exampleItem, merchantExampleItem } from './exampleItem';
import { generateItem } from './generateItem';
import { ITEM_SUB_OBJECTS } from './itemFields';

export interface TaobaoCatalog {
  /** Live items by `num_iid` as decimal text. */
  items: ReadonlyMap<string, TopItem>;
  /** `num_iid`s of generated items that were deleted: unknown to the API. */
  deletedIds: readonly string[];
  /**
   * `PATCH /__sandbox/products/taobao/<num_iid>`: the live item with `patch` deep-merged (nothing else
   * is recomputed: `price` and `num` stay as sent), or undefined for an unknown or deleted id.
   */
  patch(numIid: string, patch: JsonObject): TopItem | undefined;
}

/** `merchant`: an extra merchant's catalog (its own example item); the default merchant's without it. */
export function buildTaobaoCatalog(init: PlatformSandboxInit, merchant?: string): TaobaoCatalog {
  const rng = new Rng(init.seed);
  const items = new Map<string, TopItem>();
  const deletedIds: string[] = [];
  const example = merchant === undefined ? exampleItem() : merchantExampleItem(merchant);
  items.set(String(example.num_iid), example);
  for (let i = 0; i < init.size; i++) {
    const { item, deleted } = generateItem(rng, i);
    if (deleted) deletedIds.push(String(item.num_iid));
    else items.set(String(item.num_iid), item);
  }
  return { items, deletedIds, patch: (numIid, patch) => patchItem(items, numIid, patch) };
}

/** `fields` projects `skus`, `item_imgs`, ... as `{<singular>: [objects]}`: a patch must keep that shape. */
function requireListContainers(item: JsonObject): void {
  for (const { container } of ITEM_SUB_OBJECTS.values()) {
    const wrapper = item[container];
    if (wrapper === undefined) continue;
    const lists = isJsonObject(wrapper) ? Object.values(wrapper) : [];
    if (lists.length === 0 || !lists.every((list) => Array.isArray(list) && list.every(isJsonObject))) {
      throw new PatchError(`field ${container} must stay {"<name>": [objects]}`);
    }
  }
}

function patchItem(items: Map<string, TopItem>, numIid: string, patch: JsonObject): TopItem | undefined {
  const item = items.get(numIid);
  if (!item) return undefined;
  refuseIdentityChange(item as JsonObject, patch, ['num_iid']);
  // Replaced, not changed in place: answers already projected from the old item stay as they were.
  const patched = deepMerge(item as JsonObject, patch) as TopItem;
  requireListContainers(patched as JsonObject);
  items.set(numIid, patched);
  return patched;
}
