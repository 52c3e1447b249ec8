/**
 * An example `reviews` subgraph: reviews keep the catalog's global product id (what a client read from
 * `Product.id`), so they reference products by the key `id`.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { startSubgraph, type RunningSubgraph } from './startSubgraph';

export interface Review {
  id: string;
  rating: number;
  /** The catalog's global id of the product reviewed. */
  productId: string;
}

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    reviews: [Review!]!
  }

  type Review {
    id: ID!
    rating: Int!
    product: Product!
  }

  "A catalog product, referenced by its global id; the catalog subgraph resolves it."
  type Product @key(fields: "id", resolvable: false) {
    id: ID!
  }
`);

/** Starts the reviews subgraph over `reviews` on 127.0.0.1 (`port` 0: a free one). */
export function startReviewsSubgraph(reviews: readonly Review[], port = 0): Promise<RunningSubgraph> {
  const resolvers = {
    Query: { reviews: () => reviews },
    Review: { product: (review: Review) => ({ __typename: 'Product', id: review.productId }) },
  };
  return startSubgraph(buildSubgraphSchema({ typeDefs, resolvers }), port);
}
