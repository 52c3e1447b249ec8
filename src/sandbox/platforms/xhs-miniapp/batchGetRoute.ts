/**
 * `POST /api/rmp/mp/deal/product/batch_get?app_id=..&access_token=..` (stats key `product/batch_get`),
 * body `{page_no, page_size, status}`. Paging [assumption, README]: `page_no` counts from 0 (the page's
 * own request example sends 0) and `page_size` is 1-100; both are required, `status` optional.
 */
import type { SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import type { MiniappCatalog } from './catalog';
import { MINIAPP_PARAM_INVALID, MINIAPP_RATE_LIMITED, MINIAPP_TOKEN_INVALID, miniappError, miniappOk } from './envelope';

export const MINIAPP_BATCH_GET_PATH = '/api/rmp/mp/deal/product/batch_get';
export const MINIAPP_MAX_PAGE_SIZE = 100;
const INT32_MAX = 2_147_483_647;

interface BatchGetBody {
  pageNo: number;
  pageSize: number;
  status: number | undefined;
}

/** `catalogOf` answers the catalog of the merchant an app_id belongs to (undefined: no such merchant). */
export function createBatchGetRoute(catalogOf: (appId: string) => MiniappCatalog | undefined): SandboxRoute {
  return {
    operation: 'product/batch_get',
    params: (req) => {
      const body = req.json && typeof req.json === 'object' ? (req.json as Record<string, unknown>) : {};
      return { app_id: req.query.get('app_id'), page_no: body.page_no, page_size: body.page_size, status: body.status };
    },
    handle(req, ctx) {
      const appId = req.query.get('app_id');
      if (!appId) return miniappError(MINIAPP_PARAM_INVALID, '参数错误: 缺少 app_id');
      const token = req.query.get('access_token') ?? '';
      const checked = ctx.tokens.check('xhs-miniapp', token);
      if (checked.state !== 'valid')
        return miniappError(MINIAPP_TOKEN_INVALID, checked.state === 'expired' ? 'access_token 已过期' : 'access_token 无效');
      const catalog = checked.clientKey === appId ? catalogOf(appId) : undefined;
      if (!catalog) return miniappError(MINIAPP_TOKEN_INVALID, 'access_token 与 app_id 不匹配');
      const limited = ctx.rateLimits.hit('xhs-miniapp', appId);
      if (limited) return miniappError(MINIAPP_RATE_LIMITED, `调用过于频繁,请 ${limited.retryAfterSeconds} 秒后重试`);
      const body = readBody(req);
      if (typeof body === 'string') return miniappError(MINIAPP_PARAM_INVALID, body);
      return answerPage(catalog, body);
    },
  };
}

function answerPage(catalog: MiniappCatalog, body: BatchGetBody): SandboxReply {
  const list = catalog.list(body.status);
  const from = Math.min(list.length, body.pageNo * body.pageSize);
  const page = list.slice(from, Math.min(list.length, from + body.pageSize));
  return miniappOk({ list: page.map((record) => catalog.product(record)), total: list.length });
}

/** The body, or the message of the parameter error. */
function readBody(req: SandboxRequest): BatchGetBody | string {
  const body = req.json;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return '参数错误: 请求体须为 JSON 对象';
  const { page_no: pageNo, page_size: pageSize, status } = body as Record<string, unknown>;
  if (!isInt(pageNo, 0, INT32_MAX)) return '参数错误: page_no 须为从 0 开始的整数';
  if (!isInt(pageSize, 1, MINIAPP_MAX_PAGE_SIZE)) return `参数错误: page_size 须为 1 到 ${MINIAPP_MAX_PAGE_SIZE} 的整数`;
  if (status !== undefined && status !== null && !isInt(status, -INT32_MAX - 1, INT32_MAX)) return '参数错误: status 须为整数';
  return { pageNo, pageSize, status: status ?? undefined };
}

function isInt(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
