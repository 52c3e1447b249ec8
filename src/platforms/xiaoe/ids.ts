/**
 * The gateway's Xiaoe product id, `<resource_type>:<resource_id>` (e.g. `2:a_619fba7ae4b03f3fb99c7809`):
 * the detail call addresses goods by both (`resources[{type, ids}]`), so the id carries the type.
 */

/**
 * resource_type values the goods detail 2.0 page lists (备注): 1-图文, 2-音频, 3-视频, 4-直播, 5-会员,
 * 6-专栏, 7-圈子, 8-大专栏, 9-活动管理, 16-付费打卡, 20-电子书, 21-实物商品, 23-超级会员, 25-训练营,
 * 29-线下课, 31-小班课, 34-练习, 35-班课, 37-大班课, 41-有价优惠券, 42-课时包, 45-AI互动课, 46-付费问答,
 * 47-付费问答-答主, 50-课程(训练营pro), 68-服务类商品, 71-外链商品.
 */
export const XIAOE_RESOURCE_TYPES: ReadonlySet<number> = new Set([
  1, 2, 3, 4, 5, 6, 7, 8, 9, 16, 20, 21, 23, 25, 29, 31, 34, 35, 37, 41, 42, 45, 46, 47, 50, 68, 71,
]);

export interface XiaoeId {
  resourceType: number;
  resourceId: string;
}

// Canonical type digits only (no sign, no leading zero), so the id formatted back from a record's
// resource_type matches the id that was asked for.
const XIAOE_ID = /^([1-9][0-9]{0,2}):(\S+)$/;

export function parseXiaoeId(id: string): XiaoeId | undefined {
  const match = XIAOE_ID.exec(id);
  if (!match) return undefined;
  const resourceType = Number(match[1]);
  return XIAOE_RESOURCE_TYPES.has(resourceType) ? { resourceType, resourceId: match[2]! } : undefined;
}

export function formatXiaoeId(resourceType: number, resourceId: string): string {
  return `${resourceType}:${resourceId}`;
}

/** The problem with an id, or undefined when it is well-formed. */
export function validateXiaoeId(id: string): string | undefined {
  if (parseXiaoeId(id)) return undefined;
  const type = /^([^:]*):/.exec(id)?.[1];
  if (type !== undefined && /^[1-9][0-9]*$/.test(type) && !XIAOE_RESOURCE_TYPES.has(Number(type))) {
    return `a Xiaoe id's resource_type must be one the goods detail API documents; ${type} is not`;
  }
  return 'a Xiaoe id is "<resource_type>:<resource_id>", e.g. "2:a_619fba7ae4b03f3fb99c7809"';
}
