/**
 * `GET /ark/open_api/v1/items` (stats key `items`): authenticate, count against the app key's quota,
 * read the query, answer the page from the index. Listing order: `update_time` descending, then item
 * id ascending (the page documents none; this one is stable and what a sync client wants).
 */
import type { XhsArkCredentials } from './credentials';
import type { SandboxMerchant } from '../../merchantCatalogs';
import type { SandboxRoute } from '../../types';
import { checkArkAuth, header } from './auth';
import type { ArkCatalog } from './catalog';
import { arkError, arkPageReply, ARK_PARAM_INVALID, ARK_RATE_LIMITED, ARK_SIGN_INVALID } from './envelope';
import { itemsQueryForLog, parseItemsQuery } from './itemsQuery';

export const ARK_ITEMS_PATH = '/ark/open_api/v1/items';

/** `merchantOf` finds the merchant an `app-key` names (its credentials and catalog). */
export function createItemsRoute(
  merchantOf: (appKey: string | undefined) => SandboxMerchant<ArkCatalog, XhsArkCredentials> | undefined,
): SandboxRoute {
  return {
    operation: 'items',
    params: (req) => itemsQueryForLog(req.query),
    handle(req, ctx) {
      const merchant = merchantOf(header(req, 'app-key'));
      const denied = checkArkAuth(req, ctx, merchant?.credentials);
      if (denied || !merchant) return denied ?? arkError(ARK_SIGN_INVALID, 'app-key 无效');
      const { catalog, credentials } = merchant;
      const limited = ctx.rateLimits.hit('xhs-ark', credentials.appKey);
      if (limited) return arkError(ARK_RATE_LIMITED, `调用过于频繁,请 ${limited.retryAfterSeconds} 秒后重试`);
      const parsed = parseItemsQuery(req.query);
      if ('error' in parsed) return arkError(ARK_PARAM_INVALID, parsed.error);
      const { list, start, end } = catalog.index.select(parsed.filter);
      const from = Math.min(end, start + (parsed.pageNo - 1) * parsed.pageSize);
      const page = list.slice(from, Math.min(end, from + parsed.pageSize));
      const head = { current_page: parsed.pageNo, page_size: parsed.pageSize, total: end - start };
      return arkPageReply(
        head,
        page.map((record) => catalog.hitJson(record)),
      );
    },
  };
}
