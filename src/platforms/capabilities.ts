import type { PlatformAdapter, PlatformCapabilities } from './types';

/** An adapter's capabilities with `lookupByIds`, which is whether it implements `lookup`. */
export function capabilitiesOf<C>(adapter: PlatformAdapter<C>): PlatformCapabilities & { lookupByIds: boolean } {
  return { lookupByIds: adapter.lookup !== undefined, ...adapter.capabilities };
}
