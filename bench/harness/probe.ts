/**
 * The server side of the bench's IPC probe: a process under test answers the harness's `probe`
 * messages with its own CPU time (`process.cpuUsage()`, user + system, in microseconds) and its RSS,
 * current and peak since the last `reset-peak`. Kept on the IPC channel rather than an HTTP route, so
 * the servers' public routes are exactly what they serve in production.
 */
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
}

export type ProbeRequest = { type: 'probe'; id: number; resetPeak?: boolean };
export type ProbeReply = { type: 'probe'; id: number; reading: ProbeReading };

/** RSS is sampled this often between probes, so a peak between two readings is still seen. */
const RSS_SAMPLE_MS = 100;

export function installProbe(): void {
  if (!process.send) throw new Error('installProbe: this process was not started with an IPC channel (child_process.fork)');
  let peak = process.memoryUsage.rss();
  let ever = peak;
  const timer = setInterval(() => {
    const rss = process.memoryUsage.rss();
    peak = Math.max(peak, rss);
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
    };
    if (message.resetPeak) peak = rss;
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
