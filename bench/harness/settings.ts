/**
 * The bench's knobs, from the environment. Defaults keep `npm run bench` to about 5-6 minutes on a
 * 2-core machine; `BENCH_QUICK=1` is a smoke run of well under 2 minutes.
 */
import type { TargetName } from './scenarios';

export interface BenchSettings {
  /** Seconds of each timed load run. BENCH_SECONDS, default 3 (1 when quick). */
  seconds: number;
  /** Saturation rounds per target and scenario, in alternating order. BENCH_ROUNDS, default 2 (1 when quick). */
  rounds: number;
  /** Seconds of autocannon warm-up per target and scenario before timing. BENCH_WARMUP_SECONDS, default 2. */
  warmupSeconds: number;
  /** A: no injected latency; B: 20 ms upstream latency. BENCH_MODES, default "A,B" ("A" when quick). */
  modes: Array<'A' | 'B'>;
  /** BENCH_TARGETS, default all three. */
  targets: TargetName[];
  /** BENCH_SCENARIOS, default all. */
  scenarios: string[] | undefined;
  /** Saturation connections per mode. BENCH_CONNECTIONS_A (16), BENCH_CONNECTIONS_B (64). */
  connections: { A: number; B: number };
  /** BENCH_PROFILE=1: the gateway runs with --cpu-prof into bench/results/tmp/. */
  profile: boolean;
  /** BENCH_GATEWAY_NODE_ARGS: Node/V8 options for the gateway that only apply at start (e.g. `--max-semi-space-size=8`). */
  gatewayNodeArgs: string[];
  /** BENCH_MEMORY_DETAIL=1: each run also prints where the RSS went at its peak and its GC pauses per request. */
  memoryDetail: boolean;
}

export function readSettings(env: NodeJS.ProcessEnv): BenchSettings {
  const quick = env.BENCH_QUICK === '1';
  const int = (name: string, fallback: number): number => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, got "${value}"`);
    return n;
  };
  const list = (name: string): string[] | undefined =>
    env[name]
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return {
    seconds: int('BENCH_SECONDS', quick ? 1 : 3),
    rounds: int('BENCH_ROUNDS', quick ? 1 : 2),
    warmupSeconds: int('BENCH_WARMUP_SECONDS', quick ? 1 : 2),
    modes: (list('BENCH_MODES') ?? (quick ? ['A'] : ['A', 'B'])) as Array<'A' | 'B'>,
    targets: (list('BENCH_TARGETS') ?? ['gateway', 'baseline', 'mesh']) as TargetName[],
    scenarios: list('BENCH_SCENARIOS'),
    connections: { A: int('BENCH_CONNECTIONS_A', 16), B: int('BENCH_CONNECTIONS_B', 64) },
    profile: env.BENCH_PROFILE === '1',
    gatewayNodeArgs: (env.BENCH_GATEWAY_NODE_ARGS ?? '').split(' ').filter(Boolean),
    memoryDetail: env.BENCH_MEMORY_DETAIL === '1',
  };
}
