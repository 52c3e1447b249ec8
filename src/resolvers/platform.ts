import type { PlatformResolvers } from '../generated/graphql';
import type { GatewayContext } from '../server/context';

export const platformResolvers: PlatformResolvers<GatewayContext> = {
  code: (entry) => entry.adapter.code,
  name: (entry) => entry.adapter.name,
  configured: (entry, _args, ctx) => ctx.credentials[entry.adapter.code] !== undefined,
  sandbox: (entry) => entry.sandbox,
  capabilities: (entry) => {
    const { lookupByIds, maxIdsPerCall, fieldSelection, idFormat } = entry.adapter.capabilities;
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
