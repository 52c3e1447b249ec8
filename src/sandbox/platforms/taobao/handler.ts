/**
 * `taobao.miniapp.items.get`: system parameters, the per-app quota, then the business parameters of the
 * API page: `num_iids` (at most 50) and `fields`. Unknown and deleted ids are simply absent.
 */
import type { TaobaoCredentials } from './credentials';
import type { TopItem } from '../../../platforms/taobao/topItem';
import type { SandboxMerchant } from '../../merchantCatalogs';
import type { SandboxContext, SandboxReply, SandboxRequest } from '../../types';
import type { TaobaoCatalog } from './catalog';
import { itemsGetReply, rateLimitedReply, topErrorReply } from './envelope';
import { ALL_FIELDS, parseTopFields, projectItem, type FieldProjection } from './project';
import { checkSystemParams, readTopParams } from './systemParams';

/** API page: "一次不超过50个". */
export const MAX_NUM_IIDS = 50;
/** TOP ids are Java longs. */
const MAX_LONG = 9_223_372_036_854_775_807n;

/** `merchantOf` finds the merchant `app_key` names (its credentials and catalog). */
export function handleItemsGet(
  req: SandboxRequest,
  ctx: SandboxContext,
  merchantOf: (appKey: string | undefined) => SandboxMerchant<TaobaoCatalog, TaobaoCredentials> | undefined,
): SandboxReply {
  const params = readTopParams(req);
  const merchant = merchantOf(params.app_key);
  const refused = checkSystemParams(req, params, ctx, merchant?.credentials);
  if (refused || !merchant) return refused ?? topErrorReply(29, { msg: 'Invalid app Key' });
  const { catalog } = merchant;
  const limited = ctx.rateLimits.hit('taobao', merchant.credentials.appKey);
  if (limited) return rateLimitedReply(limited.retryAfterSeconds);
  // [assumption] `simplify=true` (flattened lists, public SDK only, unconfirmed) is refused rather than
  // imitated, so no client comes to depend on a shape nobody has confirmed.
  if (params.simplify !== undefined && params.simplify !== 'false') {
    return invalidArgument('simplify', 'the sandbox does not support simplify=true; send format=json without simplify');
  }
  const ids = parseNumIids(params.num_iids);
  if (ids === 'missing') {
    return topErrorReply(40, {
      msg: 'Missing required arguments:num_iids',
      subCode: 'isv.missing-parameter:num_iids',
      subMsg: 'num_iids is required',
    });
  }
  if (typeof ids === 'string') return invalidArgument('num_iids', ids);
  const fields = params.fields === undefined ? { ok: true as const, projection: ALL_FIELDS } : parseTopFields(params.fields);
  if (!fields.ok) return invalidArgument('fields', `unknown field "${fields.invalid}"`);
  return itemsGetReply(findItems(catalog, ids, fields.projection));
}

/** Distinct canonical ids in request order, 'missing', or the reason the list is invalid. */
function parseNumIids(text: string | undefined): string[] | 'missing' | `num_iids ${string}` {
  if (text === undefined || text.trim() === '') return 'missing';
  const tokens = text.split(',').map((t) => t.trim());
  if (tokens.length > MAX_NUM_IIDS) return `num_iids must hold at most ${MAX_NUM_IIDS} ids, got ${tokens.length}`;
  const ids = new Set<string>();
  for (const token of tokens) {
    if (!/^\d{1,19}$/.test(token) || BigInt(token) > MAX_LONG) return `num_iids must be numbers, got "${token.slice(0, 40)}"`;
    ids.add(BigInt(token).toString());
  }
  return [...ids];
}

function findItems(catalog: TaobaoCatalog, ids: readonly string[], projection: FieldProjection): TopItem[] {
  const items: TopItem[] = [];
  for (const id of ids) {
    const item = catalog.items.get(id);
    if (item) items.push(projectItem(item, projection));
  }
  return items;
}

function invalidArgument(name: string, subMsg: string): SandboxReply {
  return topErrorReply(41, { msg: `Invalid arguments:${name}`, subCode: `isv.invalid-parameter:${name}`, subMsg });
}
