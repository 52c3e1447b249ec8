import type { PlatformResolvers } from '../generated/graphql';
import type { GatewayContext } from '../server/context';

export const platformResolvers: PlatformResolvers<GatewayContext> = {
  code: (entry) => entry.adapter.code,
  name: (entry) => entry.adapter.name,
  configured: (entry, _args, ctx) => ctx.credentials[entry.adapter.code] !== undefined,
  sandbox: (entry) => entry.sandbox,
  capabilities: (entry) => {
    const { lookupByIds, maxIdsPerCall, listing, fieldSelection, idFormat } = entry.adapter.capabilities;
    return { lookupByIds, maxIdsPerCall, listing, fieldSelection, idFormat };
  },
};
