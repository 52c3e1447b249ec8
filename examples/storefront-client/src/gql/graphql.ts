/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The merchant platforms the gateway federates. */
export type PlatformCode =
  /** Taobao Open Platform (TOP), `taobao.miniapp.items.get`. */
  | 'TAOBAO'
  /** WeChat mini shop, `product/spu/*`. */
  | 'WECHAT_SHOP'
  /** Xiaohongshu Ark open API v1 items. */
  | 'XHS_ARK'
  /** Xiaohongshu mini-program local deal products. */
  | 'XHS_MINIAPP'
  /** Xiaoe-tech goods detail 2.0 / goods list 2.0. */
  | 'XIAOE';

/** The unified sale status. The platform's own value is kept in `rawStatus`. */
export type ProductStatus =
  | 'BANNED'
  | 'DELETED'
  | 'DRAFT'
  | 'OFF_SALE'
  | 'ON_SALE'
  | 'SCHEDULED'
  | 'SOLD_OUT'
  /** A value the gateway has no mapping for; see `rawStatus`. */
  | 'UNKNOWN';

export type ProductPageQueryVariables = Exact<{
  platform: PlatformCode;
  id: string | number;
}>;


export type ProductPageQuery = { product: { id: string, platform: PlatformCode, title: string | null, status: ProductStatus, images: Array<string> | null, updatedAt: string | null, price: { min: { amount: string, currency: string, minorUnits: number } | null, max: { amount: string, currency: string } | null } | null, stock: { available: number | null } | null, skus: Array<{ platformSkuId: string, name: string | null, price: { amount: string, currency: string } | null, stock: { available: number | null } | null }> | null } | null };

export type ListingPageQueryVariables = Exact<{
  platform?: PlatformCode | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type ListingPageQuery = { catalog: { edges: Array<{ cursor: string, node: { id: string, platform: PlatformCode, title: string | null, updatedAt: string | null, price: { min: { amount: string, currency: string } | null } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type CrossPlatformLookupQueryVariables = Exact<{
  taobaoIds: Array<string | number> | string | number;
  xiaoeId: string | number;
  globalId: string | number;
}>;


export type CrossPlatformLookupQuery = { taobao: Array<{ id: string, title: string | null, price: { min: { amount: string, currency: string } | null } | null } | null>, xiaoe: { id: string, title: string | null, stock: { available: number | null } | null } | null, byGlobalId: { platform: PlatformCode, title: string | null, id: string } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ProductPageDocument = new TypedDocumentString(`
    query ProductPage($platform: PlatformCode!, $id: ID!) {
  product(platform: $platform, id: $id) {
    id
    platform
    title
    status
    images
    price {
      min {
        amount
        currency
        minorUnits
      }
      max {
        amount
        currency
      }
    }
    stock {
      available
    }
    skus {
      platformSkuId
      name
      price {
        amount
        currency
      }
      stock {
        available
      }
    }
    updatedAt
  }
}
    `, {"hash":"sha256:70558ca339b2695eec9458d48809e5880f7d4b2b5b13577d4b9e3db24bf141e2"}) as unknown as TypedDocumentString<ProductPageQuery, ProductPageQueryVariables>;
export const ListingPageDocument = new TypedDocumentString(`
    query ListingPage($platform: PlatformCode, $first: Int!, $after: String) {
  catalog(platform: $platform, first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        platform
        title
        price {
          min {
            amount
            currency
          }
        }
        updatedAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `, {"hash":"sha256:3c83ac8bca4e8de95d0ed7c232a65775f9d73899e0a071a51dc180adc6ec0367"}) as unknown as TypedDocumentString<ListingPageQuery, ListingPageQueryVariables>;
export const CrossPlatformLookupDocument = new TypedDocumentString(`
    query CrossPlatformLookup($taobaoIds: [ID!]!, $xiaoeId: ID!, $globalId: ID!) {
  taobao: products(platform: TAOBAO, ids: $taobaoIds) {
    id
    title
    price {
      min {
        amount
        currency
      }
    }
  }
  xiaoe: product(platform: XIAOE, id: $xiaoeId) {
    id
    title
    stock {
      available
    }
  }
  byGlobalId: node(id: $globalId) {
    id
    ... on Product {
      platform
      title
    }
  }
}
    `, {"hash":"sha256:de30cf4133697fc1592a391a1a0f4ba19ce6e64370fec8ee7c4bd182e41431f4"}) as unknown as TypedDocumentString<CrossPlatformLookupQuery, CrossPlatformLookupQueryVariables>;