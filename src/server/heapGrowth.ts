/**
 * Bounds how far V8 lets the heap grow past what the last full collection kept alive. V8 picks the
 * factor itself, up to 4x on a machine with a large heap limit; the gateway's live heap is about 40 MB
 * under load (after a forced GC) and most of what a request allocates dies young, so at saturation the
 * heap grew to 150-190 MB of mostly garbage and the process to 300-340 MB of RSS. A factor of 1.6 keeps
 * it under 200 MB at saturation, for 10-20% more CPU per request in garbage collection (bench/README.md,
 * "Memory"). The limit on the heap's size is left alone: the entity cache (CACHE_MAX_MB) must fit.
 *
 * `--heap-growing-percent` is read each time V8 sets the next collection's limit, so setting it after
 * start-up takes effect; it is process-wide, so only the process entry points call this.
 */
import v8 from 'node:v8';

export const HEAP_GROWING_PERCENT = 60;

export function boundHeapGrowth(percent = HEAP_GROWING_PERCENT): void {
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
