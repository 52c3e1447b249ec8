/**
 * TAOBAO: lookups by `num_iid` through `taobao.miniapp.items.get`, at most 50 ids per call (the API
 * page: "一次不超过50个"), one signed POST per call, `fields` computed from the selection.
 */
import type { TaobaoCredentials } from './credentials';
import type { Product } from '../../generated/graphql';
import { NotFoundError, UpstreamError } from '../errors';
import type { AdapterOptions, PlatformAdapter, PlatformCapabilities } from '../types';
import { createTopClient, type TopClientOptions } from './client';
import { toTopFields } from './fields';
import { toTaobaoProduct } from './mapper';

export const TAOBAO_MAX_IDS_PER_CALL = 50;

const CAPABILITIES: PlatformCapabilities = {
  maxIdsPerCall: TAOBAO_MAX_IDS_PER_CALL,
  maxConcurrentCalls: 4,
  fieldSelection: true,
  idFormat: 'num_iid (digits)',
};

export function createTaobaoAdapter(options: AdapterOptions | TopClientOptions): PlatformAdapter<TaobaoCredentials> {
  const client = createTopClient(options);
  return {
    code: 'TAOBAO',
    capabilities: CAPABILITIES,
    validateId: validateNumIid,
    quotaKey: (credentials) => credentials.appKey,
    async lookup(ids, selection, { credentials, deadline }) {
      if (ids.length > TAOBAO_MAX_IDS_PER_CALL) {
        throw new RangeError(`Taobao lookup takes at most ${TAOBAO_MAX_IDS_PER_CALL} ids per call, got ${ids.length}`);
      }
      if (ids.length === 0) return [];
      try {
        const items = await client.getItems(ids, toTopFields(selection), credentials, deadline);
        const byId = new Map(items.map((item) => [String(item.num_iid), item]));
        return ids.map((id): Product | Error => {
          const item = byId.get(id);
          return item ? toTaobaoProduct(item) : new NotFoundError('TAOBAO', id);
        });
      } catch (err) {
        if (err instanceof UpstreamError) return ids.map(() => err);
        throw err;
      }
    },
  };
}

/**
 * `num_iid` is a Number on the API page and TOP answers a non-numeric id with code 41 for the whole call,
 * failing every id of its chunk; checking here fails only the bad id. Canonical form only (no sign, no
 * leading zero), and within JavaScript's exact integers, since the response carries it as a JSON number
 * that is matched back to the id by its text.
 */
export function validateNumIid(id: string): string | undefined {
  if (!/^[1-9][0-9]{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) {
    return 'a Taobao num_iid is a positive whole number written in decimal digits, without leading zeros';
  }
  return undefined;
}
