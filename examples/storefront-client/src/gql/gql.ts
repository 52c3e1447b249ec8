/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ProductPage($platform: PlatformCode!, $id: ID!) {\n    product(platform: $platform, id: $id) {\n      id\n      platform\n      title\n      status\n      images\n      price {\n        min {\n          amount\n          currency\n          minorUnits\n        }\n        max {\n          amount\n          currency\n        }\n      }\n      stock {\n        available\n      }\n      skus {\n        platformSkuId\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n      updatedAt\n    }\n  }\n": typeof types.ProductPageDocument,
    "\n  query ListingPage($platform: PlatformCode, $first: Int!, $after: String) {\n    catalog(platform: $platform, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          platform\n          title\n          price {\n            min {\n              amount\n              currency\n            }\n          }\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.ListingPageDocument,
    "\n  query CrossPlatformLookup($taobaoIds: [ID!]!, $xiaoeId: ID!, $globalId: ID!) {\n    taobao: products(platform: TAOBAO, ids: $taobaoIds) {\n      id\n      title\n      price {\n        min {\n          amount\n          currency\n        }\n      }\n    }\n    xiaoe: product(platform: XIAOE, id: $xiaoeId) {\n      id\n      title\n      stock {\n        available\n      }\n    }\n    byGlobalId: node(id: $globalId) {\n      id\n      ... on Product {\n        platform\n        title\n      }\n    }\n  }\n": typeof types.CrossPlatformLookupDocument,
};
const documents: Documents = {
    "\n  query ProductPage($platform: PlatformCode!, $id: ID!) {\n    product(platform: $platform, id: $id) {\n      id\n      platform\n      title\n      status\n      images\n      price {\n        min {\n          amount\n          currency\n          minorUnits\n        }\n        max {\n          amount\n          currency\n        }\n      }\n      stock {\n        available\n      }\n      skus {\n        platformSkuId\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n      updatedAt\n    }\n  }\n": types.ProductPageDocument,
    "\n  query ListingPage($platform: PlatformCode, $first: Int!, $after: String) {\n    catalog(platform: $platform, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          platform\n          title\n          price {\n            min {\n              amount\n              currency\n            }\n          }\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.ListingPageDocument,
    "\n  query CrossPlatformLookup($taobaoIds: [ID!]!, $xiaoeId: ID!, $globalId: ID!) {\n    taobao: products(platform: TAOBAO, ids: $taobaoIds) {\n      id\n      title\n      price {\n        min {\n          amount\n          currency\n        }\n      }\n    }\n    xiaoe: product(platform: XIAOE, id: $xiaoeId) {\n      id\n      title\n      stock {\n        available\n      }\n    }\n    byGlobalId: node(id: $globalId) {\n      id\n      ... on Product {\n        platform\n        title\n      }\n    }\n  }\n": types.CrossPlatformLookupDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProductPage($platform: PlatformCode!, $id: ID!) {\n    product(platform: $platform, id: $id) {\n      id\n      platform\n      title\n      status\n      images\n      price {\n        min {\n          amount\n          currency\n          minorUnits\n        }\n        max {\n          amount\n          currency\n        }\n      }\n      stock {\n        available\n      }\n      skus {\n        platformSkuId\n        name\n        price {\n          amount\n          currency\n        }\n        stock {\n          available\n        }\n      }\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').ProductPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ListingPage($platform: PlatformCode, $first: Int!, $after: String) {\n    catalog(platform: $platform, first: $first, after: $after) {\n      edges {\n        cursor\n        node {\n          id\n          platform\n          title\n          price {\n            min {\n              amount\n              currency\n            }\n          }\n          updatedAt\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): typeof import('./graphql').ListingPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CrossPlatformLookup($taobaoIds: [ID!]!, $xiaoeId: ID!, $globalId: ID!) {\n    taobao: products(platform: TAOBAO, ids: $taobaoIds) {\n      id\n      title\n      price {\n        min {\n          amount\n          currency\n        }\n      }\n    }\n    xiaoe: product(platform: XIAOE, id: $xiaoeId) {\n      id\n      title\n      stock {\n        available\n      }\n    }\n    byGlobalId: node(id: $globalId) {\n      id\n      ... on Product {\n        platform\n        title\n      }\n    }\n  }\n"): typeof import('./graphql').CrossPlatformLookupDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
