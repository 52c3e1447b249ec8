import type { PlatformCode } from '../generated/graphql';
import type { PlatformEntry } from './types';

/** Every platform the gateway knows, in the schema's order. */
export type PlatformRegistry = ReadonlyMap<PlatformCode, PlatformEntry>;
