/**
 * The results: a table on stdout (per mode and scenario, each target's figures and its ratios
 * against the baseline and Mesh), the JSON file, and the SVG chart.
 */
import type { ScenarioResult, TargetResult } from './scenarioRun';
import { TARGETS, type TargetName } from './scenarios';

export function isMeasured(t: ScenarioResult['targets'][TargetName]): t is TargetResult {
  return t !== undefined && 'summary' in t;
}

const fmt = (n: number | undefined, digits = 0): string => (n === undefined || Number.isNaN(n) ? '-' : n.toFixed(digits));

export function printTable(results: readonly ScenarioResult[]): void {
  const header = [
    'mode',
    'scen',
    'target',
    'req/s',
    'CPU µs/req',
    'fixed p50/p99 ms',
    '1-conn p50/p99 ms',
    'calls/req',
    'peak RSS MB',
    'void',
    'x req/s vs mesh',
    'x CPU vs baseline',
  ];
  const rows: string[][] = [];
  for (const r of results) {
    const baseline = r.targets.baseline;
    const mesh = r.targets.mesh;
    for (const name of TARGETS) {
      const t = r.targets[name];
      if (t === undefined) continue;
      if (!isMeasured(t)) {
        rows.push([r.mode, r.scenario, name, `skipped: ${t.skipped.slice(0, 80)}`]);
        continue;
      }
      const s = t.summary;
      rows.push([
        r.mode,
        r.scenario,
        name,
        fmt(s.reqPerSec),
        fmt(s.cpuMicrosPerRequest),
        `${fmt(s.fixedRateP50Ms, 1)} / ${fmt(s.fixedRateP99Ms, 1)} @${r.fixedRate}/s`,
        `${fmt(s.oneConnectionP50Ms, 2)} / ${fmt(s.oneConnectionP99Ms, 2)}`,
        callsLabel(t.callsPerRequest),
        fmt(s.peakRssMB),
        String(s.voidRuns),
        isMeasured(mesh) ? fmt(s.reqPerSec / mesh.summary.reqPerSec, 2) : '-',
        isMeasured(baseline) ? fmt(s.cpuMicrosPerRequest / baseline.summary.cpuMicrosPerRequest, 2) : '-',
      ]);
    }
    if (r.directUpstream) {
      rows.push([
        r.mode,
        r.scenario,
        'direct',
        fmt(r.directUpstream.reqPerSec),
        '',
        '',
        `${fmt(r.directUpstream.p50Ms, 2)} / ${fmt(r.directUpstream.p99Ms, 2)}`,
        'taobao:1.0',
        '',
        '',
        '',
        '',
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

const COLORS: Record<TargetName, string> = { gateway: '#2f6fdf', baseline: '#7a7a7a', mesh: '#e07b24' };

/** Two grouped bar charts side by side: req/s and CPU µs per request, one group per mode+scenario. */
export function renderChart(results: readonly ScenarioResult[], title: string): string {
  const groups = results.map((r) => ({ label: `${r.scenario} ${r.mode === 'A' ? '' : '+20ms'}`.trim(), r }));
  const panel = (x0: number, metric: 'reqPerSec' | 'cpuMicrosPerRequest', heading: string): string => {
    const values = groups.flatMap(({ r }) =>
      TARGETS.map((n) => r.targets[n])
        .filter(isMeasured)
        .map((t) => t.summary[metric]),
    );
    const max = Math.max(1, ...values.filter((v) => Number.isFinite(v)));
    const groupWidth = 360 / Math.max(1, groups.length);
    const bar = Math.min(26, (groupWidth - 10) / TARGETS.length);
    let out = `<text x="${x0 + 180}" y="50" text-anchor="middle" font-weight="bold">${heading}</text>`;
    out += `<line x1="${x0}" y1="310" x2="${x0 + 360}" y2="310" stroke="#333"/>`;
    groups.forEach(({ label, r }, gi) => {
      const gx = x0 + gi * groupWidth + 5;
      TARGETS.forEach((name, ti) => {
        const t = r.targets[name];
        if (!isMeasured(t) || !Number.isFinite(t.summary[metric])) return;
        const h = (t.summary[metric] / max) * 240;
        const x = gx + ti * bar;
        out += `<rect x="${x.toFixed(1)}" y="${(310 - h).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${h.toFixed(1)}" fill="${COLORS[name]}"/>`;
        out += `<text x="${(x + bar / 2).toFixed(1)}" y="${(305 - h).toFixed(1)}" font-size="8" text-anchor="middle">${Math.round(t.summary[metric])}</text>`;
      });
      out += `<text x="${(gx + (bar * TARGETS.length) / 2).toFixed(1)}" y="326" font-size="10" text-anchor="middle">${label}</text>`;
    });
    return out;
  };
  const legend = TARGETS.map(
    (n, i) => `<rect x="${20 + i * 110}" y="352" width="12" height="12" fill="${COLORS[n]}"/><text x="${36 + i * 110}" y="362">${n}</text>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="380" font-family="sans-serif" font-size="12">
<rect width="800" height="380" fill="white"/>
<text x="400" y="22" text-anchor="middle" font-size="14">${title}</text>
${panel(20, 'reqPerSec', 'requests per second (higher is better)')}
${panel(420, 'cpuMicrosPerRequest', 'server CPU µs per request (lower is better)')}
${legend}
</svg>
`;
}

/** `taobao:3.0 xiaoe:1.0`; a platform with several operations (WeChat on S4) names each: `wechat spu/get_list:1.0`. */
function callsLabel(calls: Record<string, number>): string {
  const platforms = Object.keys(calls).map((k) => k.split(':')[0]);
  return Object.entries(calls)
    .map(([key, n]) => {
      const [platform = key, operation = ''] = key.split(':');
      const several = platforms.filter((p) => p === platform).length > 1;
      return `${several ? `${platform} ${operation.replace(/^product\//, '')}` : platform}:${fmt(n, 1)}`;
    })
    .join(' ');
}
