/**
 * Per-request product loaders, one DataLoader per platform. Every lookup of a platform in one operation
 * (aliases, `product` and `products` side by side, fragments, `node`) lands in one batch: ids are
 * deduplicated, the selections are united (so every selected field is fetched for every id), and
 * the ids go upstream in chunks of the platform's `maxIdsPerCall`, `maxConcurrentCalls` at a time.
 */
import DataLoader from 'dataloader';
import type { PlatformCredentials } from '../config/credentials';
import type { PlatformCode, Product } from '../generated/graphql';
import type { PlatformRegistry } from '../platforms/registry';
import type { CallContext, PlatformAdapter, ProductSelection } from '../platforms/types';
import { GatewayError } from '../platforms/gatewayError';
import { chunk, mapWithConcurrency } from '../util/mapWithConcurrency';
import { selectionKey, unionOf } from './selection';

interface LookupKey {
  id: string;
  selection: ProductSelection;
  /** Same id and same selection: one cache entry. Another selection of the same id joins the batch. */
  cacheKey: string;
}

/** A listed product and which lookup selections it answers as it is. */
interface PrimedProduct {
  product: Product;
  covers: (selection: ProductSelection) => boolean;
}

export class ProductLoaders {
  private readonly loaders = new Map<PlatformCode, DataLoader<LookupKey, Product, string>>();
  private readonly primed = new Map<PlatformCode, Map<string, PrimedProduct>>();
  /** Catalog listings of this operation still running, by platform. */
  private readonly listings = new Map<PlatformCode, Set<Promise<unknown>>>();

  constructor(
    private readonly registry: PlatformRegistry,
    private readonly credentials: PlatformCredentials,
    /** The request's deadline (epoch ms), handed to every upstream call. */
    private readonly deadline: number,
  ) {}

  /**
   * The lookup function of a platform: `(id, selection)` resolves to the product or rejects with a
   * NotFoundError or UpstreamError. For a platform that cannot look up by id, or has no credentials,
   * every call rejects with that GatewayError, without any upstream call.
   */
  forPlatform(platform: PlatformCode): (id: string, selection: ProductSelection) => Promise<Product> {
    const loader = this.loaderFor(platform);
    const load =
      loader instanceof GatewayError
        ? () => Promise.reject(loader)
        : (id: string, selection: ProductSelection) => loader.load({ id, selection, cacheKey: `${id}\u0000${selectionKey(selection)}` });
    return async (id, selection) => {
      // Root fields start together: a `catalog` beside this lookup is registered by the time this
      // microtask runs. Waiting for it lets a product it lists answer without another call.
      await Promise.resolve();
      const running = this.listings.get(platform);
      if (running?.size) await Promise.allSettled(running);
      const primed = this.primed.get(platform)?.get(id);
      if (primed?.covers(selection)) return primed.product;
      return load(id, selection);
    };
  }

  /**
   * Products a catalog listing returned: a later lookup of one of them in the same operation whose
   * selection `covers` accepts is answered from here, without an upstream call. `id` is the platform id.
   */
  prime(platform: PlatformCode, products: readonly Product[], covers: (selection: ProductSelection) => boolean): void {
    let primed = this.primed.get(platform);
    if (!primed) this.primed.set(platform, (primed = new Map<string, PrimedProduct>()));
    for (const product of products) primed.set(product.platformProductId, { product, covers });
  }

  /** A listing of these platforms is running; lookups of them wait for it (see `forPlatform`). */
  trackListing(platforms: readonly PlatformCode[], listing: Promise<unknown>): void {
    for (const platform of platforms) {
      let running = this.listings.get(platform);
      if (!running) this.listings.set(platform, (running = new Set()));
      running.add(listing);
      const done = running;
      listing.then(() => done.delete(listing), () => done.delete(listing));
    }
  }

  /** The platform's loader, or the GatewayError every lookup of it fails with. */
  private loaderFor(platform: PlatformCode): DataLoader<LookupKey, Product, string> | GatewayError {
    let loader = this.loaders.get(platform);
    if (!loader) {
      const adapter = this.registry.get(platform)?.adapter;
      const lookup = adapter?.lookup?.bind(adapter);
      if (!adapter || !lookup) {
        return new GatewayError('UNSUPPORTED_OPERATION', `${platform} has no lookup by id: its API only lists products (use the catalog listing)`, { platform });
      }
      const credentials = this.credentials[platform];
      if (credentials === undefined) {
        return new GatewayError('PLATFORM_NOT_CONFIGURED', `${platform} has no credentials configured`, { platform });
      }
      loader = new DataLoader((keys) => batchLookup(adapter, lookup, { credentials, deadline: this.deadline }, keys), { cacheKeyFn: (key) => key.cacheKey });
      this.loaders.set(platform, loader);
    }
    return loader;
  }
}

async function batchLookup<C>(
  adapter: PlatformAdapter<C>,
  lookup: NonNullable<PlatformAdapter<C>['lookup']>,
  call: CallContext<C>,
  keys: readonly LookupKey[],
): Promise<Array<Product | Error>> {
  const ids = [...new Set(keys.map((key) => key.id))];
  const selection = unionOf(keys.map((key) => key.selection));
  const { maxIdsPerCall, maxConcurrentCalls } = adapter.capabilities;
  const results = new Map<string, Product | Error>();
  await mapWithConcurrency(chunk(ids, maxIdsPerCall ?? 1), maxConcurrentCalls, async (chunkIds) => {
    let found: Array<Product | Error>;
    try {
      found = await lookup(chunkIds, selection, call);
      if (found.length !== chunkIds.length) {
        throw new TypeError(`${adapter.code} lookup must return one entry per id (${chunkIds.length}), got ${found.length}`);
      }
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      found = chunkIds.map(() => error);
    }
    chunkIds.forEach((id, i) => results.set(id, found[i]!));
  });
  return keys.map((key) => results.get(key.id)!);
}
