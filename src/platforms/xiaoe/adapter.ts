/**
 * XIAOE: lookups through goods detail 2.0 (`xe.goods.detail.get/4.0.0`): the ids of one batch, grouped
 * by resource type into one call's `resources[]`, at most XIAOE_MAX_IDS_PER_CALL ids per call; `body`
 * computed from the selection.
 */
import type { XiaoeCredentials } from './credentials';
import type { Product } from '../../generated/graphql';
import { NotFoundError, UpstreamError } from '../errors';
import type { AdapterOptions, PlatformAdapter, PlatformCapabilities } from '../types';
import { createXiaoeClient } from './client';
import { XIAOE_MAX_IDS_PER_CALL, detailRequest } from './detail';
import { toDetailBody } from './fields';
import { formatXiaoeId, parseXiaoeId, validateXiaoeId, type XiaoeId } from './ids';
import { createXiaoeListing } from './list';
import { toXiaoeProduct } from './mapper';

const CAPABILITIES: PlatformCapabilities = {
  maxIdsPerCall: XIAOE_MAX_IDS_PER_CALL,
  maxConcurrentCalls: 4,
  fieldSelection: true,
  idFormat: '<resource_type>:<resource_id>',
  accessTokenCalls: 1,
};

export function createXiaoeAdapter(options: AdapterOptions): PlatformAdapter<XiaoeCredentials> {
  const client = createXiaoeClient(options);
  return {
    code: 'XIAOE',
    capabilities: CAPABILITIES,
    validateId: validateXiaoeId,
    quotaKey: (credentials) => credentials.appId,
    listing: createXiaoeListing(client, options.guard),
    async lookup(ids, selection, { credentials, deadline }) {
      if (ids.length > XIAOE_MAX_IDS_PER_CALL) {
        throw new RangeError(`Xiaoe lookup takes at most ${XIAOE_MAX_IDS_PER_CALL} ids per call, got ${ids.length}`);
      }
      const parsed = new Map<string, XiaoeId>();
      for (const id of ids) {
        const xiaoeId = parseXiaoeId(id);
        if (xiaoeId) parsed.set(id, xiaoeId);
      }
      if (parsed.size === 0) return ids.map((id) => new NotFoundError('XIAOE', id));
      try {
        const records = await client.getGoodsDetail(detailRequest([...parsed.values()], toDetailBody(selection)), credentials, deadline);
        const byId = new Map(records.map((r) => [formatXiaoeId(Number(r.resource_type), String(r.resource_id)), r] as const));
        return ids.map((id): Product | Error => {
          const record = byId.get(id);
          // An id that is not well-formed cannot exist upstream (validateId keeps it from getting here).
          return record ? toXiaoeProduct(record) : new NotFoundError('XIAOE', id);
        });
      } catch (err) {
        if (err instanceof UpstreamError) return ids.map(() => err);
        throw err;
      }
    },
  };
}
