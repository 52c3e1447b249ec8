/**
 * `POST /xe.goods.list.get/4.0.0` (goods list 2.0, docs/platforms.md, "Xiaoe-tech: tokens and the envelope"): newest first, `page` from 1,
 * `page_size` default 10 and at most 100, filters by goods_name keyword, resource_type, sale_status,
 * is_return_deleted and a created_at range of at most 15 days. Items carry the detail fields without the
 * `stock`/`sku`/`attr` blocks.
 */
import type { SandboxContext, SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import { authorize, isReply } from './auth';
import { withBlocks } from './blocks';
import type { ListFilter } from './listFilter';
import type { XiaoeShopOf } from './shop';
import { parseShanghaiTime } from '../../shanghaiTime';
import { ParameterProblem, jsonBody, optionalFlag, optionalInt, optionalString, withoutToken, type JsonObject } from './params';
import {
  DOCUMENTED_RESOURCE_TYPES,
  LIST_MAX_RANGE_MS,
  LIST_PAGE_SIZE_DEFAULT,
  LIST_PAGE_SIZE_MAX,
  XIAOE_CODE,
  parameterError,
  xiaoeReply,
} from './protocol';

const NO_BLOCKS: ReadonlySet<string> = new Set();

interface ListQuery {
  page: number;
  pageSize: number;
  filter: ListFilter;
}

export function createListRoute(shopOf: XiaoeShopOf): SandboxRoute {
  return {
    operation: 'xe.goods.list.get',
    params: (req) => withoutToken(jsonBody(req)),
    handle(req: SandboxRequest, ctx: SandboxContext): SandboxReply {
      const body = jsonBody(req);
      const auth = authorize(body, ctx);
      if (isReply(auth)) return auth;
      const { catalog, filterGoods } = shopOf(auth.appId);
      let query: ListQuery;
      try {
        query = readListQuery(body!);
      } catch (err) {
        if (err instanceof ParameterProblem) return parameterError(err.message);
        throw err;
      }
      const goods = filterGoods(query.filter);
      const start = (query.page - 1) * query.pageSize;
      const list = goods.slice(start, start + query.pageSize).map((g) => withBlocks(catalog.recordOf(g), NO_BLOCKS));
      return xiaoeReply(XIAOE_CODE.OK, 'success', { current_page: query.page, total: goods.length, list });
    },
  };
}

function readListQuery(body: JsonObject): ListQuery {
  const resourceType = optionalInt(body, 'resource_type', 1, Number.MAX_SAFE_INTEGER);
  if (resourceType !== undefined && !DOCUMENTED_RESOURCE_TYPES.has(resourceType))
    throw new ParameterProblem('resource_type must be a documented resource type');
  const goodsName = optionalString(body, 'goods_name');
  return {
    page: optionalInt(body, 'page', 1, Number.MAX_SAFE_INTEGER) ?? 1,
    pageSize: optionalInt(body, 'page_size', 1, LIST_PAGE_SIZE_MAX) ?? LIST_PAGE_SIZE_DEFAULT,
    filter: {
      goodsName: goodsName === '' ? undefined : goodsName,
      resourceType,
      saleStatus: optionalInt(body, 'sale_status', 0, 3),
      isReturnDeleted: optionalFlag(body, 'is_return_deleted'),
      ...readTimeRange(body),
    },
  };
}

/** start_time and end_time come together, `yyyy-MM-dd HH:mm:ss`, end not before start, <= 15 days apart. */
function readTimeRange(body: JsonObject): { startMs?: number; endMs?: number } {
  const start = optionalString(body, 'start_time');
  const end = optionalString(body, 'end_time');
  if (start === undefined && end === undefined) return {};
  if (start === undefined || end === undefined) throw new ParameterProblem('start_time and end_time must be passed together');
  const startMs = parseShanghaiTime(start);
  const endMs = parseShanghaiTime(end);
  if (startMs === undefined || endMs === undefined) throw new ParameterProblem('start_time and end_time must be yyyy-MM-dd HH:mm:ss');
  if (endMs < startMs) throw new ParameterProblem('end_time must not be before start_time');
  if (endMs - startMs > LIST_MAX_RANGE_MS) throw new ParameterProblem('start_time to end_time may span at most 15 days');
  return { startMs, endMs };
}
