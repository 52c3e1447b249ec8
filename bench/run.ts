/**
 * `npm run bench`: the gateway side by side with a hand-written baseline and GraphQL Mesh (issue 6).
 * Starts the sandbox and the three servers as their own processes on 127.0.0.1, runs every scenario
 * in mode A (no injected latency) and mode B (20 ms upstream latency), prints the table, and writes
 * `bench/results/<date>.json` and `.svg`. Knobs: harness/settings.ts. See bench/README.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { startServer, type ServerProcess } from './harness/processes';
import { printTable, renderChart } from './harness/report';
import { setFaults, upstreamLatency } from './harness/sandboxAdmin';
import { runScenario, type ScenarioResult } from './harness/scenarioRun';
import { SCENARIOS, type BenchIds, type TargetName } from './harness/scenarios';
import { readSettings, type BenchSettings } from './harness/settings';
import { benchGatewayEnv } from './targets/benchEnv';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const ENTRIES: Record<TargetName, string> = { gateway: 'targets/gateway.ts', baseline: 'targets/baseline.ts', mesh: 'mesh/server.ts' };

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const started = new Date();
  const sandbox = await startServer('sandbox', 'targets/sandbox.ts', {});
  const ids = sandbox.ready.ids as BenchIds;
  const servers = new Map<TargetName, ServerProcess>();
  const cached = new Map<TargetName, ServerProcess>();
  const notStarted: Partial<Record<TargetName, string>> = {};
  try {
    for (const name of settings.targets) {
      try {
        servers.set(
          name,
          await startServer(
            name,
            ENTRIES[name],
            { ...benchGatewayEnv(sandbox.url), BENCH_SANDBOX_URL: sandbox.url },
            gatewayArgs(name, settings),
          ),
        );
      } catch (err) {
        notStarted[name] = err instanceof Error ? err.message : String(err);
        console.error(`${name} could not be started: ${notStarted[name]}`);
      }
    }
    console.log(`sandbox ${sandbox.url}; ${[...servers].map(([n, s]) => `${n} ${s.url}`).join('; ')}`);
    const results: ScenarioResult[] = [];
    for (const mode of settings.modes) {
      await setFaults(sandbox.url, mode === 'B' ? upstreamLatency(20) : []);
      for (const scenario of SCENARIOS.filter((s) => !settings.scenarios || settings.scenarios.includes(s.name))) {
        console.log(`mode ${mode}, ${scenario.name}: ${scenario.description}`);
        const targets = scenario.cached ? await cachedServers(settings, servers, cached, sandbox.url) : servers;
        results.push(await runScenario(scenario, mode, targets, sandbox, ids, settings));
      }
    }
    const all = [...servers, ...[...cached].map(([name, s]) => [`${name}+cache`, s] as const)];
    const memory = await Promise.all(all.map(async ([name, s]) => [name, (await s.probe()).peakRssEverBytes / 2 ** 20] as const));
    printTable(results);
    console.log(`\npeak RSS over the whole run: ${memory.map(([name, mb]) => `${name} ${mb.toFixed(0)} MB`).join(', ')}`);
    writeResults(started, settings, results, notStarted, Object.fromEntries(memory));
  } finally {
    await Promise.all([...servers.values(), ...cached.values()].map((s) => s.stop()));
    await sandbox.stop();
  }
}

/**
 * The targets of a cached scenario (S5), started on first use and kept for the other mode: the gateway
 * with its entity cache on (defaults: CACHE_MAX_MB 64, freshness bounds of docs/caching.md) and Mesh
 * with Yoga's response cache as bench:capacity configures it (shared by every client, BENCH_MESH_TTL_MS,
 * default 15 s: the gateway's freshness bound for stock). S1-S4 keep their uncached processes. The
 * baseline has no cache: it stays in the map so the table says why it has no figures.
 */
async function cachedServers(
  settings: BenchSettings,
  servers: Map<TargetName, ServerProcess>,
  cached: Map<TargetName, ServerProcess>,
  sandboxUrl: string,
): Promise<Map<TargetName, ServerProcess>> {
  const env: Record<TargetName, Record<string, string>> = {
    gateway: { ...benchGatewayEnv(sandboxUrl), CACHE: 'on' },
    baseline: {},
    mesh: { BENCH_SANDBOX_URL: sandboxUrl, BENCH_MESH_RESPONSE_CACHE_TTL_MS: process.env.BENCH_MESH_TTL_MS ?? '15000' },
  };
  const targets = new Map<TargetName, ServerProcess>();
  for (const name of settings.targets) {
    if (name === 'baseline') {
      const baseline = servers.get(name);
      if (baseline) targets.set(name, baseline);
      continue;
    }
    if (!cached.has(name) && servers.has(name)) {
      cached.set(name, await startServer(`${name}+cache`, ENTRIES[name], env[name], gatewayArgs(name, settings)));
    }
    const server = cached.get(name);
    if (server) targets.set(name, server);
  }
  return targets;
}

/** The gateway's Node options: `--cpu-prof` with BENCH_PROFILE=1, then BENCH_GATEWAY_NODE_ARGS. */
const gatewayArgs = (name: TargetName, settings: BenchSettings): string[] =>
  name !== 'gateway' ? [] : [...(settings.profile ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}tmp`] : []), ...settings.gatewayNodeArgs];

function writeResults(
  started: Date,
  settings: BenchSettings,
  results: ScenarioResult[],
  notStarted: Partial<Record<TargetName, string>>,
  wholeRunPeakRssMB: Record<string, number>,
): void {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const stamp = started
    .toISOString()
    .replace(/:/g, '-')
    .replace(/\.\d+Z$/, 'Z');
  const machine = { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverage: os.loadavg() };
  const file = `${RESULTS_DIR}${stamp}`;
  writeFileSync(
    `${file}.json`,
    `${JSON.stringify({ started: started.toISOString(), finished: new Date().toISOString(), machine, settings, notStarted, wholeRunPeakRssMB, results }, null, 2)}\n`,
  );
  writeFileSync(`${file}.svg`, renderChart(results, `catalog-gateway bench ${stamp} (Node ${process.version}, ${machine.cpus} cores)`));
  console.log(`\nwrote ${file}.json and ${file}.svg`);
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
