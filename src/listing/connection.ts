/** The Relay connection object the catalog field returns. */
import type { PageInfo, Product } from '../generated/graphql';

export interface CatalogConnection {
  edges: Array<{ cursor: string; node: Product }>;
  pageInfo: PageInfo;
  totalCount: number | null;
}

export function toConnection(
  nodes: readonly Product[],
  cursors: readonly string[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  totalCount: number | null,
): CatalogConnection {
  const edges = nodes.map((node, i) => ({ cursor: cursors[i]!, node }));
  return {
    edges,
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
