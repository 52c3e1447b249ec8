/**
 * The server side of the bench's IPC probe: a process under test answers the harness's `probe`
 * messages with its own CPU time (`process.cpuUsage()`, user + system, in microseconds), its RSS
 * (current, and peak since the last `reset-peak` with where it went at that peak) and its GC pauses.
 * Kept on the IPC channel rather than an HTTP route, so the servers' public routes are exactly what they
 * serve in production.
 */
import { PerformanceObserver, constants } from 'node:perf_hooks';
import v8 from 'node:v8';

export interface ProbeReading {
  cpuMicros: number;
  rssBytes: number;
  peakRssBytes: number;
  /** Peak RSS since the process started (never reset). */
  peakRssEverBytes: number;
  /** V8's heap in use and Node's memory outside it (buffers), at the reading: where the RSS goes. */
  heapUsedBytes: number;
  heapTotalBytes: number;
  externalBytes: number;
  /** Where the RSS went at the sample of the peak since the last `reset-peak` (MB). */
  atPeak: MemoryBreakdown;
  /** Garbage collection pauses on the main thread since start, by kind (concurrent marking is not in them). */
  gc: GcTotals;
}

export interface GcTotals {
  minorCount: number;
  minorMillis: number;
  majorCount: number;
  majorMillis: number;
  /** Incremental marking steps and weak callbacks. */
  otherMillis: number;
}

/**
 * Process memory at one sample, MB: Node's accounting (`process.memoryUsage()`) and V8's heap spaces
 * (committed size per space: new space is the young generation's semi-spaces, old space the
 * tenured objects, large objects those over ~128 KB, code the compiled functions).
 */
export interface MemoryBreakdown {
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  spaces: Record<string, number>;
}

const MB = 2 ** 20;

function memoryBreakdown(): MemoryBreakdown {
  const { rss, heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
  const spaces: Record<string, number> = {};
  for (const space of v8.getHeapSpaceStatistics()) spaces[space.space_name.replace(/_space$/, '')] = space.space_size / MB;
  return {
    rss: rss / MB,
    heapTotal: heapTotal / MB,
    heapUsed: heapUsed / MB,
    external: external / MB,
    arrayBuffers: arrayBuffers / MB,
    spaces,
  };
}

export type ProbeRequest = { type: 'probe'; id: number; resetPeak?: boolean };
export type ProbeReply = { type: 'probe'; id: number; reading: ProbeReading };

/** RSS is sampled this often between probes, so a peak between two readings is still seen. */
const RSS_SAMPLE_MS = 100;

function observeGc(): GcTotals {
  const totals: GcTotals = { minorCount: 0, minorMillis: 0, majorCount: 0, majorMillis: 0, otherMillis: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        totals.minorCount++;
        totals.minorMillis += entry.duration;
      } else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) {
        totals.majorCount++;
        totals.majorMillis += entry.duration;
      } else totals.otherMillis += entry.duration;
    }
  }).observe({ entryTypes: ['gc'] });
  return totals;
}

export function installProbe(): void {
  const gc = observeGc();
  if (!process.send) throw new Error('installProbe: this process was not started with an IPC channel (child_process.fork)');
  let peak = process.memoryUsage.rss();
  let ever = peak;
  let atPeak = memoryBreakdown();
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    if (rss > peak) {
      peak = rss;
      atPeak = memoryBreakdown();
    }
    ever = Math.max(ever, rss);
  }, RSS_SAMPLE_MS);
  timer.unref();
  process.on('message', (message: ProbeRequest) => {
    if (message?.type !== 'probe') return;
    const { rss, heapUsed, heapTotal, external } = process.memoryUsage();
    const { user, system } = process.cpuUsage();
    const reading: ProbeReading = {
      cpuMicros: user + system,
      rssBytes: rss,
      peakRssBytes: Math.max(peak, rss),
      peakRssEverBytes: Math.max(ever, rss),
      heapUsedBytes: heapUsed,
      heapTotalBytes: heapTotal,
      externalBytes: external,
      atPeak: rss >= peak ? memoryBreakdown() : atPeak,
      gc: { ...gc },
    };
    if (message.resetPeak) {
      peak = rss;
      atPeak = memoryBreakdown();
    }
    process.send!({ type: 'probe', id: message.id, reading } satisfies ProbeReply);
  });
  // The harness going away must not leave a server behind; a clean exit on SIGTERM lets
  // `--cpu-prof` write its profile.
  process.on('disconnect', () => process.exit(0));
  process.on('SIGTERM', () => process.exit(0));
}

/** Tells the harness the server listens, and where. */
export function announceReady(url: string, extra: Record<string, unknown> = {}): void {
  process.send!({ type: 'ready', url, ...extra });
}
