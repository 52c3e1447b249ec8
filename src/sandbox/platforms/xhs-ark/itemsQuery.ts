/**
 * The query of `GET /ark/open_api/v1/items`, read as the page documents it: status 0/1/2, page_no from
 * 1 (default 1), page_size default 50 and at most 50, buyable true/false, unix-second time ranges and
 * stock bounds. A malformed, repeated or out-of-range parameter is the sandbox's parameter error 1003.
 */
import type { ArkFilter } from './listIndex';

export const ARK_DEFAULT_PAGE_SIZE = 50;
export const ARK_MAX_PAGE_SIZE = 50;

export interface ArkItemsRequest {
  pageNo: number;
  pageSize: number;
  filter: ArkFilter;
}

const RANGE_PARAMS = {
  create_time_from: 'createTimeFrom',
  create_time_to: 'createTimeTo',
  update_time_from: 'updateTimeFrom',
  update_time_to: 'updateTimeTo',
  stock_gte: 'stockGte',
  stock_lte: 'stockLte',
} as const satisfies Record<string, keyof ArkFilter>;

/** The request, or the message of the parameter error. */
export function parseItemsQuery(query: URLSearchParams): ArkItemsRequest | { error: string } {
  try {
    const filter: ArkFilter = {
      status: readEnum(query, 'status', { '0': 0, '1': 1, '2': 2 }),
      buyable: readEnum(query, 'buyable', { true: true, false: false }),
    };
    for (const [param, field] of Object.entries(RANGE_PARAMS)) filter[field] = readInt(query, param, 0, Number.MAX_SAFE_INTEGER);
    const pageNo = readInt(query, 'page_no', 1, Number.MAX_SAFE_INTEGER) ?? 1;
    const pageSize = readInt(query, 'page_size', 1, ARK_MAX_PAGE_SIZE) ?? ARK_DEFAULT_PAGE_SIZE;
    return { pageNo, pageSize, filter };
  } catch (err) {
    if (err instanceof ParamError) return { error: err.message };
    throw err;
  }
}

/** The query as logged by the request log: numbers and booleans where they parse, text otherwise. */
export function itemsQueryForLog(query: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of query) {
    out[name] = /^\d{1,15}$/.test(value) ? Number(value) : value === 'true' ? true : value === 'false' ? false : value;
  }
  return out;
}

class ParamError extends Error {}

function single(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name);
  if (values.length > 1) throw new ParamError(`参数错误: ${name} 重复`);
  return values[0];
}

function readEnum<T>(query: URLSearchParams, name: string, allowed: Readonly<Record<string, T>>): T | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  if (!Object.hasOwn(allowed, text)) throw new ParamError(`参数错误: ${name} 只能是 ${Object.keys(allowed).join('/')}`);
  return allowed[text];
}

function readInt(query: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const text = single(query, name);
  if (text === undefined) return undefined;
  const value = /^\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new ParamError(`参数错误: ${name} 须为 ${min} 到 ${max === Number.MAX_SAFE_INTEGER ? '∞' : max} 的整数`);
  }
  return value;
}
