/**
 * `POST /xe.goods.detail.get/4.0.0` (goods detail 2.0): goods by `resources[{type, ids}]`, several groups
 * per call, at most MAX_IDS_PER_DETAIL_CALL ids in total. Unknown ids are simply absent from `data`;
 * `is_return_deleted` / `is_return_forbid` keep only goods with that flag value (not passed: all);
 * `body` adds the `stock`, `sku`, `attr` blocks it names, and a goods without them has no such keys.
 */
import type { SandboxContext, SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import { authorize, isReply } from './auth';
import type { XiaoeGoods } from './catalog';
import type { XiaoeShopOf } from './shop';
import { ParameterProblem, jsonBody, optionalBoolean, optionalFlag, optionalString, withoutToken, type JsonObject } from './params';
import { parseBlocks, withBlocks } from './blocks';
import { DOCUMENTED_RESOURCE_TYPES, MAX_IDS_PER_DETAIL_CALL, XIAOE_CODE, parameterError, xiaoeReply } from './protocol';

interface DetailQuery {
  keys: string[];
  isReturnDeleted: 0 | 1 | undefined;
  isReturnForbid: 0 | 1 | undefined;
  blocks: ReadonlySet<string>;
}

export function createDetailRoute(shopOf: XiaoeShopOf): SandboxRoute {
  return {
    operation: 'xe.goods.detail.get',
    params: (req) => detailLogParams(jsonBody(req)),
    handle: (req, ctx) => handleDetail(shopOf, req, ctx),
  };
}

function handleDetail(shopOf: XiaoeShopOf, req: SandboxRequest, ctx: SandboxContext): SandboxReply {
  const body = jsonBody(req);
  const auth = authorize(body, ctx);
  if (isReply(auth)) return auth;
  const { catalog } = shopOf(auth.appId);
  let query: DetailQuery;
  try {
    query = readDetailQuery(body!);
  } catch (err) {
    if (err instanceof ParameterProblem) return parameterError(err.message);
    throw err;
  }
  const data: Array<Readonly<Record<string, unknown>>> = [];
  for (const key of query.keys) {
    const goods = catalog.byKey.get(key);
    if (goods && passesFilters(goods, query)) data.push(withBlocks(catalog.recordOf(goods), query.blocks));
  }
  return xiaoeReply(XIAOE_CODE.OK, 'success', data);
}

function readDetailQuery(body: JsonObject): DetailQuery {
  optionalBoolean(body, 'is_cache'); // accepted and ignored: the sandbox has no cache to bypass
  const blocksParam = optionalString(body, 'body');
  return {
    keys: readResourceKeys(body.resources),
    isReturnDeleted: optionalFlag(body, 'is_return_deleted'),
    isReturnForbid: optionalFlag(body, 'is_return_forbid'),
    blocks: parseBlocks(blocksParam),
  };
}

/** `<type>:<id>` for every requested id, duplicates dropped, in request order. */
function readResourceKeys(resources: unknown): string[] {
  if (!Array.isArray(resources) || resources.length === 0) throw new ParameterProblem('resources must be a non-empty array');
  const keys = new Set<string>();
  let count = 0;
  resources.forEach((group: unknown, i) => {
    const { type, ids } = (group ?? {}) as { type?: unknown; ids?: unknown };
    if (typeof type !== 'number' || !DOCUMENTED_RESOURCE_TYPES.has(type))
      throw new ParameterProblem(`resources[${i}].type must be a documented resource type`);
    if (!Array.isArray(ids) || ids.length === 0) throw new ParameterProblem(`resources[${i}].ids must be a non-empty array`);
    for (const id of ids) {
      if (typeof id !== 'string' || id === '') throw new ParameterProblem(`resources[${i}].ids must hold non-empty strings`);
      keys.add(`${type}:${id}`);
    }
    count += ids.length;
  });
  if (count > MAX_IDS_PER_DETAIL_CALL) throw new ParameterProblem(`at most ${MAX_IDS_PER_DETAIL_CALL} ids per call, got ${count}`);
  return [...keys];
}

function passesFilters(goods: XiaoeGoods, query: DetailQuery): boolean {
  if (query.isReturnDeleted !== undefined && goods.isDeleted !== (query.isReturnDeleted === 1)) return false;
  if (query.isReturnForbid !== undefined && goods.isForbid !== (query.isReturnForbid === 1)) return false;
  return true;
}

/** Business parameters for the request log: the body without the token, plus the flattened ids. */
function detailLogParams(body: JsonObject | undefined): Record<string, unknown> {
  const logged = withoutToken(body);
  const ids: string[] = [];
  if (Array.isArray(logged.resources)) {
    for (const group of logged.resources as Array<{ type?: unknown; ids?: unknown }>) {
      if (group && Array.isArray(group.ids)) for (const id of group.ids) ids.push(`${String(group.type)}:${String(id)}`);
    }
  }
  return { ...logged, ids, idCount: ids.length };
}
