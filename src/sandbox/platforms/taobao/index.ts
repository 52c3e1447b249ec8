/**
 * The Taobao Open Platform stand-in: `/router/rest` (GET query or form POST) serving
 * `taobao.miniapp.items.get`. See systemParams.ts for the checks and their codes, handler.ts for the
 * business parameters, project.ts for `fields`.
 */
import { MerchantCatalogs } from '../../merchantCatalogs';
import type { PlatformSandbox, PlatformSandboxInit, SandboxPlatformModule, SandboxReply, SandboxRequest, SandboxRoute } from '../../types';
import { buildTaobaoCatalog, type TaobaoCatalog } from './catalog';
import { TAOBAO_CREDENTIALS, taobaoMerchantCredentials, type TaobaoCredentials } from './credentials';
import { topErrorCode, topErrorReply } from './envelope';
import { handleItemsGet } from './handler';
import { ITEMS_GET_METHOD, readTopParams } from './systemParams';

/** Stats key of calls that name no supported method (missing or unknown `method`: codes 21/22). */
export const OTHER_METHOD_OPERATION = 'router/rest';

/** `catalog` is the default merchant's; extra merchants (init.merchants) are told apart by app_key. */
export function createTaobaoSandbox(init: PlatformSandboxInit): PlatformSandbox & { catalog: TaobaoCatalog } {
  const catalog = buildTaobaoCatalog(init);
  const merchants = new MerchantCatalogs<TaobaoCatalog, TaobaoCredentials>({
    defaultCatalog: catalog,
    defaultCredentials: TAOBAO_CREDENTIALS,
    extras: init.merchants,
    pick: (set) => set.TAOBAO,
    keyOf: (credentials) => credentials.appKey,
    build: (merchant) => buildTaobaoCatalog({ seed: merchant.seed, size: init.size }, merchant.name),
  });
  const merchantOf = (appKey: string | undefined) => merchants.withKey(appKey);
  const route = (operation: string): SandboxRoute => ({
    operation,
    params: logParams,
    handle: (req, ctx) => handleItemsGet(req, ctx, merchantOf),
  });
  const itemsGet = route(ITEMS_GET_METHOD);
  const other = route(OTHER_METHOD_OPERATION);
  return {
    name: 'taobao',
    catalog,
    route(req: SandboxRequest) {
      if (req.path !== '/router/rest') return undefined;
      return readTopParams(req).method === ITEMS_GET_METHOD ? itemsGet : other;
    },
    errorReply,
    errorCodeOf: topErrorCode,
    merchantOf: (req) => merchants.nameOf(readTopParams(req).app_key),
    patchProduct: (merchant, numIid, patch) => merchants.patch(merchant, (catalog) => catalog.patch(numIid, patch)),
  };
}

/**
 * Taobao in the registry. [assumption] 1000 calls per second per app key: TOP's real quota depends on
 * the app's tier, so a generous one stands in that normal tests never reach.
 */
export const taobaoSandbox: SandboxPlatformModule<'TAOBAO', 'taobao', TaobaoCredentials> = {
  code: 'TAOBAO',
  slug: 'taobao',
  credentials: TAOBAO_CREDENTIALS,
  merchantCredentials: taobaoMerchantCredentials,
  rateLimit: { limit: 1000, windowMs: 1000 },
  create: createTaobaoSandbox,
};

/** The business parameters, never `app_key`, `session` or `sign`. */
function logParams(req: SandboxRequest): Record<string, unknown> {
  const params = readTopParams(req);
  const logged: Record<string, unknown> = {};
  if (params.method !== ITEMS_GET_METHOD) logged.method = params.method ?? null;
  logged.num_iids = params.num_iids === undefined ? [] : params.num_iids.split(',');
  logged.fields = params.fields ?? null;
  if (params.simplify !== undefined) logged.simplify = params.simplify;
  return logged;
}

/**
 * A TOP error for fault injection: `code` is a TOP code (`7`, `10`, ...) or `code/sub_code`
 * (`15/isp.remote-service-error`). Code 7 carries the ban sub_code and a 1-second ban, as TOP sends it.
 */
function errorReply(code: string | number, message?: string): SandboxReply {
  const [main = '', subCode] = String(code).split('/', 2);
  const numeric = Number(main);
  if (numeric === 7 && subCode === undefined) {
    return topErrorReply(7, {
      msg: message,
      subCode: 'accesscontrol.limited-by-app-access-count',
      subMsg: 'This ban will last for 1 more seconds',
    });
  }
  return topErrorReply(Number.isInteger(numeric) ? numeric : 15, { msg: message, subCode });
}
