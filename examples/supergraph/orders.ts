/**
 * An example `orders` subgraph: an order system that knows each line's product by the platform's own
 * id (a Taobao order line carries `num_iid`), so it references catalog products by the key
 * `platform platformProductId`. The catalog subgraph resolves every other Product field.
 */
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { startSubgraph, type RunningSubgraph } from './startSubgraph';

export interface OrderLine {
  quantity: number;
  platform: string;
  platformProductId: string;
}

export interface Order {
  id: string;
  lines: OrderLine[];
}

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    order(id: ID!): Order
    orders: [Order!]!
  }

  type Order @key(fields: "id") {
    id: ID!
    lines: [OrderLine!]!
  }

  type OrderLine {
    quantity: Int!
    product: Product!
  }

  "A catalog product, referenced by the platform's own id; the catalog subgraph resolves it."
  type Product @key(fields: "platform platformProductId", resolvable: false) {
    platform: PlatformCode!
    platformProductId: String!
  }

  enum PlatformCode {
    TAOBAO
    XIAOE
    WECHAT_SHOP
    XHS_ARK
    XHS_MINIAPP
  }
`);

/** Starts the orders subgraph over `orders` on 127.0.0.1 (`port` 0: a free one). */
export function startOrdersSubgraph(orders: readonly Order[], port = 0): Promise<RunningSubgraph> {
  const byId = new Map(orders.map((order) => [order.id, order]));
  const resolvers = {
    Query: {
      order: (_: unknown, { id }: { id: string }) => byId.get(id) ?? null,
      orders: () => orders,
    },
    Order: { __resolveReference: ({ id }: { id: string }) => byId.get(id) ?? null },
    // The reference the supergraph hands to the catalog: `__typename` and the key's fields.
    OrderLine: {
      product: (line: OrderLine) => ({ __typename: 'Product', platform: line.platform, platformProductId: line.platformProductId }),
    },
  };
  return startSubgraph(buildSubgraphSchema({ typeDefs, resolvers }), port);
}
