/**
 * Per-request product loaders, one DataLoader per platform. Every lookup of a platform in one operation
 * (aliases, `product` and `products` side by side, fragments, `node`) lands in one batch: ids are
 * deduplicated, the selections are united (so every selected field is fetched for every id), and
 * the ids go to the shared layer (src/cache/, src/coalescing/), which answers from the entity cache or
 * coalesces them with other requests into upstream calls of at most `maxIdsPerCall`.
 */
import DataLoader from 'dataloader';
import type { PlatformCredentials } from '../config/credentials';
import type { PlatformCode, Product } from '../generated/graphql';
import type { PlatformRegistry } from '../platforms/registry';
import type { ProductSelection } from '../platforms/types';
import { LookupCoalescer } from '../coalescing/lookupCoalescer';
import { SharedLookups, type LookupRequest } from '../cache/sharedLookups';
import type { ListingCacheUse } from '../cache/cachedListing';
import { GatewayError } from '../platforms/gatewayError';
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
    /** Cache and coalescing shared by every request of the server; one of its own otherwise (tests). */
    private readonly shared: SharedLookups = new SharedLookups(new LookupCoalescer(registry)),
    /** The client asked for a fresh read (`Cache-Control: no-cache`). */
    private readonly freshRead = false,
  ) {}

  /**
   * The lookup function of a platform: `(id, selection)` resolves to the product or rejects with a
   * NotFoundError or UpstreamError. For a platform that cannot look up by id, or has no credentials,
   * every call rejects with that GatewayError, without any upstream call. One promise per id (the
   * DataLoader's): the waits for listings happen once per batch (see `batch`).
   */
  forPlatform(platform: PlatformCode): (id: string, selection: ProductSelection) => Promise<Product> {
    const loader = this.loaderFor(platform);
    if (loader instanceof GatewayError) {
      // No lookup (or no credentials): only a product a listing of this operation returned can answer.
      return async (id, selection) => {
        await Promise.resolve(); // a `catalog` beside this field is registered once this microtask runs
        await this.listingsOf(platform);
        const listed = this.primed.get(platform)?.get(id);
        if (listed?.covers(selection)) return listed.product;
        throw loader;
      };
    }
    return (id, selection) => loader.load({ id, selection, cacheKey: `${id}\u0000${selectionKey(selection)}` });
  }

  /** The shared entity cache for the listing's pages; null when CACHE=off. */
  listingCache(): ListingCacheUse | null {
    return this.shared.cache ? { cache: this.shared.cache, freshRead: this.freshRead } : null;
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
      listing.then(
        () => done.delete(listing),
        () => done.delete(listing),
      );
    }
  }

  /** The platform's loader, or the GatewayError every lookup of it fails with. */
  private loaderFor(platform: PlatformCode): DataLoader<LookupKey, Product, string> | GatewayError {
    let loader = this.loaders.get(platform);
    if (!loader) {
      const adapter = this.registry.get(platform)?.adapter;
      const lookup = adapter?.lookup?.bind(adapter);
      if (!adapter || !lookup) {
        return new GatewayError(
          'UNSUPPORTED_OPERATION',
          `${platform} has no lookup by id: its API only lists products (use the catalog listing)`,
          { platform },
        );
      }
      const credentials = this.credentials[platform];
      if (credentials === undefined) {
        return new GatewayError('PLATFORM_NOT_CONFIGURED', `${platform} has no credentials configured`, { platform });
      }
      const request: LookupRequest = { platform, adapter, credentials, deadline: this.deadline, freshRead: this.freshRead };
      loader = new DataLoader((keys) => this.batch(request, keys), { cacheKeyFn: (key) => key.cacheKey });
      this.loaders.set(platform, loader);
    }
    return loader;
  }

  /** Settles once the platform's listings running now have (at once when none is). */
  private async listingsOf(platform: PlatformCode): Promise<void> {
    const running = this.listings.get(platform);
    if (running?.size) await Promise.allSettled(running);
  }

  /**
   * One entry per key. Root fields start together, so a `catalog` beside these lookups is registered by
   * the time DataLoader dispatches the batch (after the current promise jobs): the batch waits for the
   * platform's listings still running, and a product one of them listed answers its keys whose
   * selection it covers, without another call.
   */
  private async batch(request: LookupRequest, keys: readonly LookupKey[]): Promise<Array<Product | Error>> {
    await this.listingsOf(request.platform);
    const primed = this.primed.get(request.platform);
    if (!primed) return batchLookup(this.shared, request, keys);
    const results = new Array<Product | Error>(keys.length);
    const rest: LookupKey[] = [];
    const restAt: number[] = [];
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const listed = primed.get(key.id);
      if (listed?.covers(key.selection)) {
        results[i] = listed.product;
      } else {
        rest.push(key);
        restAt.push(i);
      }
    }
    if (rest.length > 0) {
      const found = await batchLookup(this.shared, request, rest);
      for (let j = 0; j < restAt.length; j++) results[restAt[j]!] = found[j]!;
    }
    return results;
  }
}

/** One entry per key: the operation's ids deduplicated, their selections united, through the shared layer. */
async function batchLookup(shared: SharedLookups, request: LookupRequest, keys: readonly LookupKey[]): Promise<Array<Product | Error>> {
  const ids = [...new Set(keys.map((key) => key.id))];
  const found = await shared.lookup(request, ids, unionOf(keys.map((key) => key.selection)));
  // Distinct ids (the common case): the answers are already in key order.
  if (ids.length === keys.length) return found;
  const results = new Map(ids.map((id, i) => [id, found[i]!]));
  return keys.map((key) => results.get(key.id)!);
}
