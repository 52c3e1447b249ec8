import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PlatformEntry } from '../platforms/registry';
import type { GatewayContext } from '../server/context';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An instant in ISO-8601 UTC, e.g. `2021-11-25T16:31:54.000Z`. */
  DateTime: { input: string; output: string; }
  /** Any JSON value: used for an upstream record exactly as the platform sent it. */
  JSON: { input: unknown; output: unknown; }
  /**
   * An integer that JavaScript holds exactly: -(2^53-1) to 2^53-1. Used where a 32-bit Int is too small
   * (money in fen up to 100,000,000 yuan, very large stock counts).
   */
  SafeInt: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type AuditInfo = {
  __typename?: 'AuditInfo';
  auditedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The platform's own review value. */
  rawState?: Maybe<Scalars['String']['output']>;
  rejectReason?: Maybe<Scalars['String']['output']>;
  state: AuditState;
  submittedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** The review state of a product, kept apart from its sale status. */
export type AuditState =
  | 'APPROVED'
  /** Never submitted for review, or the platform has no review. */
  | 'NONE'
  | 'PENDING'
  | 'REJECTED'
  | 'UNKNOWN';

/** An inclusive range of instants; either end may be left open. */
export type DateTimeRange = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** An exact amount of money. Never computed with binary floating point. */
export type Money = {
  __typename?: 'Money';
  /** Decimal string in major units with two decimals, e.g. `"252.70"`. */
  amount: Scalars['String']['output'];
  /** ISO-4217 currency code. Every platform served today prices in `CNY`. */
  currency: Scalars['String']['output'];
  /** The exact amount in minor units (fen). */
  minorUnits: Scalars['SafeInt']['output'];
};

/** An object with a global, opaque, stable id (Relay Global Object Identification). */
export type Node = {
  id: Scalars['ID']['output'];
};

/** Relay PageInfo; shareable, since other subgraphs of a supergraph often define the same type. */
export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor?: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  hasPreviousPage: Scalars['Boolean']['output'];
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** One upstream platform and how the gateway reaches it. */
export type Platform = {
  __typename?: 'Platform';
  capabilities: PlatformCapabilities;
  code: PlatformCode;
  /** Credentials for this platform are present. */
  configured: Scalars['Boolean']['output'];
  /** Human-readable name. */
  name: Scalars['String']['output'];
  /** Served by the embedded sandbox rather than the platform's real host. */
  sandbox: Scalars['Boolean']['output'];
};

/** What a platform's API lets the gateway do. */
export type PlatformCapabilities = {
  __typename?: 'PlatformCapabilities';
  /** The upstream returns only the fields asked for, so the client's selection is pushed down. */
  fieldSelection: Scalars['Boolean']['output'];
  /** The `ProductFilter` fields the catalog listing of this platform applies; empty where it cannot list. */
  filters: Array<Scalars['String']['output']>;
  /** The form of a platform product id, e.g. `<resource_type>:<resource_id>` for Xiaoe. */
  idFormat?: Maybe<Scalars['String']['output']>;
  /** The order this platform's listing comes in; null where the platform cannot list. */
  listOrder?: Maybe<Scalars['String']['output']>;
  /** The platform has a list API (served by the catalog listing). */
  listing: Scalars['Boolean']['output'];
  /** Products can be fetched by id (`product`, `products`, `node`). */
  lookupByIds: Scalars['Boolean']['output'];
  /** How many ids one upstream call carries; null where lookups by id are not supported. */
  maxIdsPerCall?: Maybe<Scalars['Int']['output']>;
  /** Products one upstream list call returns at most; null where the platform cannot list. */
  maxPageSize?: Maybe<Scalars['Int']['output']>;
};

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

/** The lowest and highest price of a product across its SKUs. */
export type PriceRange = {
  __typename?: 'PriceRange';
  max?: Maybe<Money>;
  min?: Maybe<Money>;
};

/**
 * Other subgraphs reference a product by its global `id`, or by `platform` and `platformProductId`;
 * either key costs the same batched lookup as `products` (docs/federation.md).
 */
export type Product = Node & {
  __typename?: 'Product';
  attributes?: Maybe<Array<Property>>;
  audit?: Maybe<AuditInfo>;
  brand?: Maybe<Scalars['String']['output']>;
  categoryIds?: Maybe<Array<Scalars['String']['output']>>;
  createdAt?: Maybe<Scalars['DateTime']['output']>;
  description?: Maybe<Scalars['String']['output']>;
  /** Global, opaque, stable id; `node(id:)` takes it back. */
  id: Scalars['ID']['output'];
  images?: Maybe<Array<Scalars['String']['output']>>;
  /** The merchant's own code for this product. */
  outerId?: Maybe<Scalars['String']['output']>;
  platform: PlatformCode;
  /** The id the platform itself uses (for Xiaoe: `<resource_type>:<resource_id>`). */
  platformProductId: Scalars['String']['output'];
  price?: Maybe<PriceRange>;
  /** The upstream record exactly as the platform sent it. Asking for it fetches every field. */
  raw?: Maybe<Scalars['JSON']['output']>;
  /** The platform's own status value(s), e.g. `onsale` or `sale_status=1`. */
  rawStatus?: Maybe<Scalars['String']['output']>;
  skus?: Maybe<Array<Sku>>;
  status: ProductStatus;
  /** Product-level stock (the sum over SKUs where the platform only gives SKU stock). */
  stock?: Maybe<Stock>;
  subtitle?: Maybe<Scalars['String']['output']>;
  title?: Maybe<Scalars['String']['output']>;
  updatedAt?: Maybe<Scalars['DateTime']['output']>;
};

export type ProductConnection = {
  __typename?: 'ProductConnection';
  edges: Array<ProductEdge>;
  pageInfo: PageInfo;
  /** Products matching the filter across all pages; null where the platform cannot say exactly. */
  totalCount?: Maybe<Scalars['Int']['output']>;
};

export type ProductEdge = {
  __typename?: 'ProductEdge';
  /** Opaque; pass it as `after` with the same platform and filter. */
  cursor: Scalars['String']['output'];
  node: Product;
};

/**
 * What a catalog listing keeps. Every field set must be applied by the platform's list API exactly;
 * `PlatformCapabilities.filters` names the fields each platform supports. Fields combine with AND.
 */
export type ProductFilter = {
  /** On the shelf and purchasable (Ark `buyable`). */
  buyable?: InputMaybe<Scalars['Boolean']['input']>;
  /** Creation time (Ark `create_time_*`; Xiaoe `start_time`/`end_time`, both ends required, split into 15-day windows). */
  createdAt?: InputMaybe<DateTimeRange>;
  /** List the draft version of each product instead of the online one (WeChat `need_edit_spu`). */
  draft?: InputMaybe<Scalars['Boolean']['input']>;
  /** Keyword in the product name (Xiaoe `goods_name`). */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /**
   * The list API's own status codes (any of): Ark `status` (0/1/2), WeChat `status` (0/5/6/9/11/12/13),
   * mini-program `status`, Xiaoe `sale_status` (0/1/2/3).
   */
  rawStatus?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Xiaoe `resource_type` (e.g. 21 physical goods). */
  resourceType?: InputMaybe<Scalars['Int']['input']>;
  /** Unified statuses (any of). Supported where the platform's list API can select exactly these. */
  status?: InputMaybe<Array<ProductStatus>>;
  /** Stock (Ark `stock_gte`/`stock_lte`; Ark says stock filters may not match exactly as stock moves). */
  stock?: InputMaybe<SafeIntRange>;
  /** Last update time (Ark `update_time_*`). */
  updatedAt?: InputMaybe<DateTimeRange>;
};

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

/** A name/value pair: a product attribute or a SKU's sale property (颜色: 红色). */
export type Property = {
  __typename?: 'Property';
  name: Scalars['String']['output'];
  value: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * One page of a catalog as a Relay connection. With `platform`, that platform's list API; without it,
   * one connection over every configured platform that can list, merged by `updatedAt` descending then
   * `id` (see `PlatformCapabilities.listOrder` for the order each platform's own stream comes in).
   * `first` defaults to 50 and may be 1 to 500 (more is an error, not a truncation). A filter a platform
   * cannot apply exactly is refused with `extensions.code: UNSUPPORTED_FILTER`; a cursor from another
   * platform or filter with `BAD_CURSOR`. When one platform of a merged catalog fails, the others' items
   * are returned with an error naming it (`extensions.platform`), and that platform's position does not
   * advance.
   */
  catalog: ProductConnection;
  /** Any object by its global id. */
  node?: Maybe<Node>;
  platform?: Maybe<Platform>;
  /** Every platform the gateway knows, configured or not. */
  platforms: Array<Platform>;
  /** One product by its platform id; null (with an error naming the id) when the platform does not have it. */
  product?: Maybe<Product>;
  /**
   * Products by platform ids: one entry per id, in order, null (with an error naming the id) for ids the
   * platform does not have. At most 500 ids.
   */
  products: Array<Maybe<Product>>;
};


export type QueryCatalogArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<ProductFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
  platform?: InputMaybe<PlatformCode>;
};


export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPlatformArgs = {
  code: PlatformCode;
};


export type QueryProductArgs = {
  id: Scalars['ID']['input'];
  platform: PlatformCode;
};


export type QueryProductsArgs = {
  ids: Array<Scalars['ID']['input']>;
  platform: PlatformCode;
};

/** An inclusive range of whole numbers; either end may be left open. */
export type SafeIntRange = {
  max?: InputMaybe<Scalars['SafeInt']['input']>;
  min?: InputMaybe<Scalars['SafeInt']['input']>;
};

/** Other subgraphs reference a SKU by its global `id` (one lookup of its product; docs/federation.md). */
export type Sku = {
  __typename?: 'Sku';
  barcode?: Maybe<Scalars['String']['output']>;
  /** Global, opaque, stable id. */
  id: Scalars['ID']['output'];
  image?: Maybe<Scalars['String']['output']>;
  name?: Maybe<Scalars['String']['output']>;
  /** List / crossed-out price, where the platform has one. */
  originalPrice?: Maybe<Money>;
  /** The merchant's own code for this SKU. */
  outerId?: Maybe<Scalars['String']['output']>;
  /** The platform's own SKU id. */
  platformSkuId: Scalars['String']['output'];
  price?: Maybe<Money>;
  properties?: Maybe<Array<Property>>;
  rawStatus?: Maybe<Scalars['String']['output']>;
  status?: Maybe<ProductStatus>;
  stock?: Maybe<Stock>;
};

/** Stock counts. A field is null where the platform does not say; it is never a guessed 0. */
export type Stock = {
  __typename?: 'Stock';
  available?: Maybe<Scalars['SafeInt']['output']>;
  sold?: Maybe<Scalars['SafeInt']['output']>;
  total?: Maybe<Scalars['SafeInt']['output']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Product: Product;
  Sku: Sku;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Product:
    ( { __typename: 'Product' }
    & ( GraphQLRecursivePick<FederationTypes['Product'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Product'], {"platform":true,"platformProductId":true}> ) );
  Sku:
    ( { __typename: 'Sku' }
    & GraphQLRecursivePick<FederationTypes['Sku'], {"id":true}> );
};


/** Mapping of interface types */
export type ResolversInterfaceTypes<_RefType extends Record<string, unknown>> = {
  Node: ( Product );
};

/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditInfo: ResolverTypeWrapper<AuditInfo>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditState: AuditState;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DateTimeRange: DateTimeRange;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Node: ResolverTypeWrapper<ResolversInterfaceTypes<ResolversTypes>['Node']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Platform: ResolverTypeWrapper<PlatformEntry>;
  PlatformCapabilities: ResolverTypeWrapper<PlatformCapabilities>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  PlatformCode: PlatformCode;
  PriceRange: ResolverTypeWrapper<PriceRange>;
  Product: ResolverTypeWrapper<Product>;
  ProductConnection: ResolverTypeWrapper<Omit<ProductConnection, 'edges'> & { edges: Array<ResolversTypes['ProductEdge']> }>;
  ProductEdge: ResolverTypeWrapper<Omit<ProductEdge, 'node'> & { node: ResolversTypes['Product'] }>;
  ProductFilter: ProductFilter;
  ProductStatus: ProductStatus;
  Property: ResolverTypeWrapper<Property>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SafeInt: ResolverTypeWrapper<Scalars['SafeInt']['output']>;
  SafeIntRange: SafeIntRange;
  Sku: ResolverTypeWrapper<Sku>;
  Stock: ResolverTypeWrapper<Stock>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditInfo: AuditInfo;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  DateTimeRange: DateTimeRange;
  JSON: Scalars['JSON']['output'];
  Money: Money;
  Node: ResolversInterfaceTypes<ResolversParentTypes>['Node'];
  ID: Scalars['ID']['output'];
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Platform: PlatformEntry;
  PlatformCapabilities: PlatformCapabilities;
  Int: Scalars['Int']['output'];
  PriceRange: PriceRange;
  Product: Product;
  ProductConnection: Omit<ProductConnection, 'edges'> & { edges: Array<ResolversParentTypes['ProductEdge']> };
  ProductEdge: Omit<ProductEdge, 'node'> & { node: ResolversParentTypes['Product'] };
  ProductFilter: ProductFilter;
  Property: Property;
  Query: Record<PropertyKey, never>;
  SafeInt: Scalars['SafeInt']['output'];
  SafeIntRange: SafeIntRange;
  Sku: Sku;
  Stock: Stock;
};

export type AuditInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AuditInfo'] = ResolversParentTypes['AuditInfo']> = {
  auditedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rawState?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rejectReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  state?: Resolver<ResolversTypes['AuditState'], ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MoneyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  minorUnits?: Resolver<ResolversTypes['SafeInt'], ParentType, ContextType>;
};

export type NodeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Node'] = ResolversParentTypes['Node']> = {
  __resolveType: TypeResolveFn<'Product', ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  hasPreviousPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  startCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type PlatformResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Platform'] = ResolversParentTypes['Platform']> = {
  capabilities?: Resolver<ResolversTypes['PlatformCapabilities'], ParentType, ContextType>;
  code?: Resolver<ResolversTypes['PlatformCode'], ParentType, ContextType>;
  configured?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sandbox?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PlatformCapabilitiesResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PlatformCapabilities'] = ResolversParentTypes['PlatformCapabilities']> = {
  fieldSelection?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  filters?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  idFormat?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  listOrder?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  listing?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lookupByIds?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxIdsPerCall?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxPageSize?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type PriceRangeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['PriceRange'] = ResolversParentTypes['PriceRange']> = {
  max?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
};

export type ProductResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Product'] = ResolversParentTypes['Product'], FederationReferenceType extends FederationReferenceTypes['Product'] = FederationReferenceTypes['Product']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Product']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attributes?: Resolver<Maybe<Array<ResolversTypes['Property']>>, ParentType, ContextType>;
  audit?: Resolver<Maybe<ResolversTypes['AuditInfo']>, ParentType, ContextType>;
  brand?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  categoryIds?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  description?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  images?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  outerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platform?: Resolver<ResolversTypes['PlatformCode'], ParentType, ContextType>;
  platformProductId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['PriceRange']>, ParentType, ContextType>;
  raw?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  rawStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  skus?: Resolver<Maybe<Array<ResolversTypes['Sku']>>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ProductStatus'], ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType>;
  subtitle?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  updatedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  __isTypeOf?: IsTypeOfResolverFn<ParentType, ContextType>;
};

export type ProductConnectionResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductConnection'] = ResolversParentTypes['ProductConnection']> = {
  edges?: Resolver<Array<ResolversTypes['ProductEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
};

export type ProductEdgeResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['ProductEdge'] = ResolversParentTypes['ProductEdge']> = {
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Product'], ParentType, ContextType>;
};

export type PropertyResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Property'] = ResolversParentTypes['Property']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  catalog?: Resolver<ResolversTypes['ProductConnection'], ParentType, ContextType, Partial<QueryCatalogArgs>>;
  node?: Resolver<Maybe<ResolversTypes['Node']>, ParentType, ContextType, RequireFields<QueryNodeArgs, 'id'>>;
  platform?: Resolver<Maybe<ResolversTypes['Platform']>, ParentType, ContextType, RequireFields<QueryPlatformArgs, 'code'>>;
  platforms?: Resolver<Array<ResolversTypes['Platform']>, ParentType, ContextType>;
  product?: Resolver<Maybe<ResolversTypes['Product']>, ParentType, ContextType, RequireFields<QueryProductArgs, 'id' | 'platform'>>;
  products?: Resolver<Array<Maybe<ResolversTypes['Product']>>, ParentType, ContextType, RequireFields<QueryProductsArgs, 'ids' | 'platform'>>;
};

export interface SafeIntScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['SafeInt'], any> {
  name: 'SafeInt';
}

export type SkuResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Sku'] = ResolversParentTypes['Sku'], FederationReferenceType extends FederationReferenceTypes['Sku'] = FederationReferenceTypes['Sku']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Sku']> | FederationReferenceType, FederationReferenceType, ContextType>;
  barcode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  image?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  originalPrice?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  outerId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platformSkuId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  price?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  properties?: Resolver<Maybe<Array<ResolversTypes['Property']>>, ParentType, ContextType>;
  rawStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<Maybe<ResolversTypes['ProductStatus']>, ParentType, ContextType>;
  stock?: Resolver<Maybe<ResolversTypes['Stock']>, ParentType, ContextType>;
};

export type StockResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Stock'] = ResolversParentTypes['Stock']> = {
  available?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  sold?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
  total?: Resolver<Maybe<ResolversTypes['SafeInt']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  AuditInfo?: AuditInfoResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  JSON?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Node?: NodeResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Platform?: PlatformResolvers<ContextType>;
  PlatformCapabilities?: PlatformCapabilitiesResolvers<ContextType>;
  PriceRange?: PriceRangeResolvers<ContextType>;
  Product?: ProductResolvers<ContextType>;
  ProductConnection?: ProductConnectionResolvers<ContextType>;
  ProductEdge?: ProductEdgeResolvers<ContextType>;
  Property?: PropertyResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SafeInt?: GraphQLScalarType;
  Sku?: SkuResolvers<ContextType>;
  Stock?: StockResolvers<ContextType>;
};

