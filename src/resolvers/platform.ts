import type { PlatformResolvers } from '../generated/graphql';
import { capabilitiesOf } from '../platforms/capabilities';
import type { GatewayContext } from '../server/context';

export const platformResolvers: PlatformResolvers<GatewayContext> = {
  code: (entry) => entry.module.code,
  name: (entry) => entry.module.name,
  configured: (entry, _args, ctx) => ctx.credentials[entry.module.code] !== undefined,
  sandbox: (entry) => entry.sandbox,
  capabilities: (entry) => {
    const { lookupByIds, maxIdsPerCall, fieldSelection, idFormat } = capabilitiesOf(entry.adapter);
    const listing = entry.adapter.listing;
    return {
      lookupByIds,
      maxIdsPerCall,
      listing: listing !== undefined,
      fieldSelection,
      idFormat,
      filters: listing ? [...listing.filters] : [],
      maxPageSize: listing?.maxPageSize ?? null,
      listOrder: listing?.order ?? null,
    };
  },
};
