/** The goods detail call's request, shared by lookups (adapter.ts) and the listing's blocks (list.ts). */
import type { GoodsDetailRequest } from './client';
import type { XiaoeId } from './ids';

/** Not published by Xiaoe [assumption, docs/platforms.md, "Xiaoe-tech: tokens and the envelope"]; the sandbox enforces the same. */
export const XIAOE_MAX_IDS_PER_CALL = 50;

/** One `{type, ids}` group per resource type, in the order the types first appear. */
export function detailRequest(ids: readonly XiaoeId[], body: string | undefined): GoodsDetailRequest {
  const groups = new Map<number, string[]>();
  for (const { resourceType, resourceId } of ids) {
    const group = groups.get(resourceType);
    if (group) group.push(resourceId);
    else groups.set(resourceType, [resourceId]);
  }
  const resources = [...groups].map(([type, groupIds]) => ({ type, ids: groupIds }));
  return body === undefined ? { resources } : { resources, body };
}
