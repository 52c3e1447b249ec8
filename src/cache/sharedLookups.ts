/**
 * Product lookups through state shared across requests: the entity cache (when on) in front of the
 * cross-request coalescing layer. The per-request loaders hand it each operation's batch.
 */
import type { PlatformCode, Product } from '../generated/graphql';
import type { LookupCoalescer } from '../coalescing/lookupCoalescer';
import type { PlatformAdapter, ProductSelection } from '../platforms/types';
import { chunk, mapWithConcurrency } from '../util/mapWithConcurrency';

export interface LookupRequest {
  platform: PlatformCode;
  adapter: PlatformAdapter<unknown>;
  credentials: unknown;
  /** Epoch ms by which the request must have its answer. */
  deadline: number;
  /** The client sent `Cache-Control: no-cache`: read upstream (still coalesced), then refresh the cache. */
  freshRead: boolean;
}

export class SharedLookups {
  constructor(private readonly coalescer: LookupCoalescer) {}

  /** One entry per id (distinct ids), in order: the product or its Error. */
  async lookup(request: LookupRequest, ids: readonly string[], selection: ProductSelection): Promise<Array<Product | Error>> {
    return this.fetch(request, ids, selection);
  }

  /** Upstream through the coalescer, in chunks of the platform's maximum, `maxConcurrentCalls` at a time. */
  private async fetch(request: LookupRequest, ids: readonly string[], selection: ProductSelection): Promise<Array<Product | Error>> {
    const dispatcher = this.coalescer.dispatcherFor(request.platform, request.credentials);
    const { maxIdsPerCall, maxConcurrentCalls } = request.adapter.capabilities;
    const results = new Map<string, Product | Error>();
    await mapWithConcurrency(chunk(ids, maxIdsPerCall ?? 1), maxConcurrentCalls, async (chunkIds) => {
      const fetched = await dispatcher.lookup(chunkIds, selection, request.deadline);
      chunkIds.forEach((id, i) => results.set(id, fetched[i]!.result));
    });
    return ids.map((id) => results.get(id)!);
  }
}
