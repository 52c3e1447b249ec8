import type { QueryResolvers } from '../generated/graphql';
import { listMergedCatalog } from '../listing/listMerged';
import { listPlatformCatalog, type CatalogArgs } from '../listing/listPlatform';
import { pageSizeOf } from '../listing/limits';
import { listablePlatforms } from '../listing/platformListing';
import { nodeSelectionOf } from '../listing/nodeSelection';
import { selectionOf } from '../loaders/selection';
import type { GatewayContext } from '../server/context';
import { hasFieldIssues } from '../platforms/fieldIssues';
import { reportFieldIssues, responsePathOf } from './fieldIssues';

export const catalogResolvers: Pick<QueryResolvers<GatewayContext>, 'catalog'> = {
  catalog: (_parent, { platform, filter, first, after }, ctx, info) => {
    const args: CatalogArgs = { filter, first: pageSizeOf(first), after, nodeSelection: nodeSelectionOf(selectionOf(info)) };
    const listing = platform ? listPlatformCatalog(ctx, platform, args) : listMergedCatalog(ctx, args, [info.path.key]);
    // Registered before any lookup beside it runs, so those can be answered from what it lists.
    ctx.loaders.trackListing(platform ? [platform] : listablePlatforms(ctx), listing);
    return listing.then((connection) => {
      reportFieldIssues(
        ctx,
        connection,
        info,
        responsePathOf(info),
        connection.edges.some((edge) => hasFieldIssues(edge.node)),
      );
      return connection;
    });
  },
};
