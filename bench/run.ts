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
import { readSettings } from './harness/settings';
import { benchGatewayEnv } from './targets/benchEnv';

const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));
const ENTRIES: Record<TargetName, string> = { gateway: 'targets/gateway.ts', baseline: 'targets/baseline.ts', mesh: 'mesh/server.ts' };

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const started = new Date();
  const sandbox = await startServer('sandbox', 'targets/sandbox.ts', {});
  const ids = sandbox.ready.ids as BenchIds;
  const servers = new Map<TargetName, ServerProcess>();
  const notStarted: Partial<Record<TargetName, string>> = {};
  try {
    for (const name of settings.targets) {
      const execArgv = name === 'gateway' && settings.profile ? ['--cpu-prof', `--cpu-prof-dir=${RESULTS_DIR}tmp`] : [];
      try {
        servers.set(
          name,
          await startServer(name, ENTRIES[name], { ...benchGatewayEnv(sandbox.url), BENCH_SANDBOX_URL: sandbox.url }, execArgv),
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
        results.push(await runScenario(scenario, mode, servers, sandbox, ids, settings));
      }
    }
    const memory = await Promise.all([...servers].map(async ([name, s]) => [name, (await s.probe()).peakRssBytes / 2 ** 20] as const));
    printTable(results);
    writeResults(started, settings, results, notStarted, Object.fromEntries(memory));
  } finally {
    await Promise.all([...servers.values()].map((s) => s.stop()));
    await sandbox.stop();
  }
}

function writeResults(
  started: Date,
  settings: ReturnType<typeof readSettings>,
  results: ScenarioResult[],
  notStarted: Partial<Record<TargetName, string>>,
  finalPeakRssMB: Record<string, number>,
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
    `${JSON.stringify({ started: started.toISOString(), finished: new Date().toISOString(), machine, settings, notStarted, finalPeakRssMB, results }, null, 2)}\n`,
  );
  writeFileSync(`${file}.svg`, renderChart(results, `catalog-gateway bench ${stamp} (Node ${process.version}, ${machine.cpus} cores)`));
  console.log(`\nwrote ${file}.json and ${file}.svg`);
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
