/**
 * The results: a table on stdout (per mode and scenario, each target's figures and its ratios
 * against the baseline and Mesh), the JSON file, and the SVG chart.
 */
import type { LoadResult } from './load';
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
    'peak RSS MB (sat.)',
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
    const oneConnectionRow = (target: string, run: LoadResult, calls: string): string[] => [
      r.mode,
      r.scenario,
      target,
      fmt(run.reqPerSec),
      '',
      '',
      `${fmt(run.p50Ms, 2)} / ${fmt(run.p99Ms, 2)}`,
      calls,
      '',
      '',
      '',
      '',
    ];
    if (r.directUpstream) rows.push(oneConnectionRow('direct', r.directUpstream, 'taobao:1.0'));
    if (r.meshAsClient) rows.push(oneConnectionRow('mesh, ids not known (2 round trips)', r.meshAsClient, 'as mesh'));
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

const COLORS: Record<TargetName, string> = { gateway: '#2f6fdf', baseline: '#7a7a7a', mesh: '#e07b24' };

interface Panel {
  heading: string;
  /** The bar's value for a target in a scenario, undefined when it has none. */
  value(r: ScenarioResult, t: TargetResult): number | undefined;
  label(v: number): string;
  /** Horizontal reference lines (Mesh = 1, a target), with their labels. */
  lines: Array<{ at: number; label: string }>;
}

/** The summary's figure divided by Mesh's in the same mode and scenario. */
const toMesh =
  (metric: 'reqPerSec' | 'cpuMicrosPerRequest') =>
  (r: ScenarioResult, t: TargetResult): number | undefined => {
    const mesh = r.targets.mesh;
    return isMeasured(mesh) ? t.summary[metric] / mesh.summary[metric] : undefined;
  };

const PANELS: Panel[] = [
  {
    heading: 'req/s ÷ Mesh (higher is better)',
    value: toMesh('reqPerSec'),
    label: (v) => `${v.toFixed(2)}x`,
    lines: [
      { at: 1, label: 'Mesh' },
      { at: 1.5, label: '1.5x' },
    ],
  },
  {
    heading: 'server CPU per request ÷ Mesh (lower is better)',
    value: toMesh('cpuMicrosPerRequest'),
    label: (v) => `${v.toFixed(2)}x`,
    lines: [{ at: 1, label: 'Mesh' }],
  },
  {
    heading: 'peak RSS at saturation, MB',
    value: (_r, t) => t.summary.peakRssMB,
    label: (v) => v.toFixed(0),
    lines: [{ at: 200, label: '200 MB' }],
  },
];

const PANEL_WIDTH = 380;
const BASE_Y = 310;
const BAR_SPACE = 240;

/**
 * Three grouped bar charts side by side, one group per mode+scenario: throughput and CPU per request as
 * ratios to Mesh (Mesh's own bar is 1), and peak RSS. A scenario without Mesh figures has no ratio bars.
 */
export function renderChart(results: readonly ScenarioResult[], title: string): string {
  const groups = results.map((r) => ({ label: `${r.scenario}${r.mode === 'A' ? '' : ' +20ms'}`, r }));
  const render = (x0: number, panel: Panel): string => {
    const bars = groups.map(({ r }) =>
      TARGETS.map((name) => {
        const t = r.targets[name];
        const v = isMeasured(t) ? panel.value(r, t) : undefined;
        return v !== undefined && Number.isFinite(v) ? v : undefined;
      }),
    );
    const max = Math.max(...panel.lines.map((l) => l.at * 1.1), ...bars.flat().filter((v): v is number => v !== undefined));
    const y = (v: number): number => BASE_Y - (v / max) * BAR_SPACE;
    const groupWidth = PANEL_WIDTH / Math.max(1, groups.length);
    const bar = Math.min(26, (groupWidth - 8) / TARGETS.length);
    let out = `<text x="${x0 + PANEL_WIDTH / 2}" y="50" text-anchor="middle" font-weight="bold">${panel.heading}</text>`;
    out += `<line x1="${x0}" y1="${BASE_Y}" x2="${x0 + PANEL_WIDTH}" y2="${BASE_Y}" stroke="#333"/>`;
    for (const line of panel.lines) {
      out += `<line x1="${x0}" y1="${y(line.at).toFixed(1)}" x2="${x0 + PANEL_WIDTH}" y2="${y(line.at).toFixed(1)}" stroke="#999" stroke-dasharray="4 3"/>`;
      out += `<text x="${x0 + PANEL_WIDTH}" y="${(y(line.at) - 3).toFixed(1)}" font-size="9" text-anchor="end" fill="#666">${line.label}</text>`;
    }
    groups.forEach(({ label }, gi) => {
      const gx = x0 + gi * groupWidth + 4;
      TARGETS.forEach((name, ti) => {
        const v = bars[gi]![ti];
        if (v === undefined) return;
        const x = gx + ti * bar;
        out += `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bar - 2).toFixed(1)}" height="${(BASE_Y - y(v)).toFixed(1)}" fill="${COLORS[name]}"/>`;
        out += `<text x="${(x + bar / 2).toFixed(1)}" y="${(y(v) - 3).toFixed(1)}" font-size="7" text-anchor="middle">${panel.label(v)}</text>`;
      });
      out += `<text x="${(gx + (bar * TARGETS.length) / 2).toFixed(1)}" y="326" font-size="10" text-anchor="middle">${label}</text>`;
    });
    return out;
  };
  const width = 20 + PANELS.length * (PANEL_WIDTH + 20);
  const legend = TARGETS.map(
    (n, i) => `<rect x="${20 + i * 110}" y="352" width="12" height="12" fill="${COLORS[n]}"/><text x="${36 + i * 110}" y="362">${n}</text>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="380" font-family="sans-serif" font-size="12">
<rect width="${width}" height="380" fill="white"/>
<text x="${width / 2}" y="22" text-anchor="middle" font-size="14">${title}</text>
${PANELS.map((panel, i) => render(20 + i * (PANEL_WIDTH + 20), panel)).join('\n')}
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
