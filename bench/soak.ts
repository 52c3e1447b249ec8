/**
 * `npm run soak`: steady GraphQL load on the gateway for SOAK_SECONDS (default 120) while the sandbox
 * injects faults into about SOAK_FAULT_RATE (default 0.05) of each platform's calls, in several kinds
 * (5xx, reset, HTML page, truncated JSON, transient platform codes, latency, hang). Reports the share of
 * requested products answered and failed by `extensions.code`, latency percentiles, and the gateway's
 * memory before and after (after a GC), as a table on stdout and in bench/results/soak-<date>.json.
 *
 * The gateway runs in a child process of its own (this file with `--serve`, started with --expose-gc),
 * so its memory is measured alone; the sandbox and autocannon share this process. 127.0.0.1 only.
 * Memory is sampled after a warm-up under the same load, every 10 s during the run, and at the end.
 * Variables: SOAK_SECONDS, SOAK_RATE (requests/s, default 50), SOAK_CONNECTIONS (default 32),
 * SOAK_FAULT_RATE, SOAK_SIZE (products per platform, default 5000).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../src/config/config';
import { buildPlatformRegistry } from '../src/platforms';
import { startGatewayServer } from '../src/server/httpServer';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials';
import { deriveSeed } from '../src/sandbox/data/random';
import { startSandbox, type FaultRule, type RunningSandbox } from '../src/sandbox/index';
import { DEFAULT_SEED } from '../src/sandbox/options';
import { PLATFORM_SANDBOX_FACTORIES } from '../src/sandbox/platforms';
import { createTaobaoSandbox } from '../src/sandbox/platforms/taobao';
import { SANDBOX_PLATFORMS, type PlatformSandbox } from '../src/sandbox/types';

const DEFAULT_SECONDS = 120;
const SECONDS = positive('SOAK_SECONDS', DEFAULT_SECONDS);
const RATE = positive('SOAK_RATE', 50);
const CONNECTIONS = positive('SOAK_CONNECTIONS', 32);
/** Load before the first memory figure, so JIT, caches and pools are warm: a tenth of the run, 3-15 s. */
const WARMUP_SECONDS = Math.min(15, Math.max(3, Math.round(SECONDS / 10)));
const SAMPLE_EVERY_MS = 10_000;
const FAULT_RATE = Number(process.env.SOAK_FAULT_RATE ?? 0.05);
const SIZE = positive('SOAK_SIZE', 5000);
/** Per attempt, so a hang costs 2 s rather than the default 5 s. */
const GATEWAY_ENV = { TAOBAO_TIMEOUT_MS: '2000', XIAOE_TIMEOUT_MS: '2000', WECHAT_TIMEOUT_MS: '2000' };

interface MemorySample {
  rssMb: number;
  heapUsedMb: number;
  gc: boolean;
}
type Tally = { requests: number; non200: number; products: number; answered: number; byCode: Record<string, number> };

if (process.argv.includes('--serve')) void serveGateway();
else
  void main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });

/** Child mode: the gateway alone, pointed at the parent's sandbox; answers memory requests over IPC. */
async function serveGateway(): Promise<void> {
  const config = loadConfig({ ...process.env, PORT: '0' }, SANDBOX_CREDENTIALS);
  const gateway = await startGatewayServer({ config, platforms: buildPlatformRegistry(config), port: 0 });
  process.on('message', (msg: string) => {
    if (msg === 'memory') process.send!({ memory: memorySample() });
    if (msg === 'stop') void gateway.close().then(() => process.exit(0));
  });
  process.send!({ url: gateway.url });
}

async function main(): Promise<void> {
  const taobao = createTaobaoSandbox({ seed: deriveSeed(DEFAULT_SEED, 'taobao'), size: SIZE });
  const platforms: PlatformSandbox[] = SANDBOX_PLATFORMS.map((name) =>
    name === 'taobao' ? taobao : PLATFORM_SANDBOX_FACTORIES[name]({ seed: deriveSeed(DEFAULT_SEED, name), size: SIZE }),
  );
  const sandbox = await startSandbox({ port: 0, platforms, faultSeed: 20240601 });
  const ids = { taobao: [...taobao.catalog.items.keys()].slice(0, 500), xiaoe: await xiaoeIds(sandbox), wechat: await wechatIds(sandbox) };
  const child = fork(fileURLToPath(import.meta.url), ['--serve'], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, ...GATEWAY_ENV, SANDBOX_PORT: String(sandbox.port) },
  });
  try {
    const url = ((await nextMessage(child)) as { url: string }).url;
    const bodies = Array.from({ length: 400 }, (_, i) => queryBody(ids, i));
    await setFaults(sandbox, faultRules(FAULT_RATE));
    console.log(
      `soak: ${SECONDS} s at ${RATE} req/s over ${CONNECTIONS} connections, ${FAULT_RATE * 100}% faults per platform, ${SIZE} products per platform (after ${WARMUP_SECONDS} s of warm-up)`,
    );
    await runLoad(url, bodies, WARMUP_SECONDS);
    const before = await memoryOf(child);
    const samples: MemorySample[] = [];
    const sampler = setInterval(
      () =>
        void memoryOf(child).then(
          (m) => samples.push(m),
          () => undefined,
        ),
      SAMPLE_EVERY_MS,
    );
    const { result, tally } = await runLoad(url, bodies, SECONDS).finally(() => clearInterval(sampler));
    await setFaults(sandbox, []);
    const after = await memoryOf(child);
    samples.push(after);
    const upstream = ((await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()) as { calls: Record<string, number> }).calls;
    report(result, tally, before, after, samples, upstream);
  } finally {
    child.send('stop');
    await sandbox.close();
  }
}

/** A query over the three platforms with lookups: 5 Taobao ids, 3 Xiaoe ids, 2 WeChat ids, rotating. */
function queryBody(ids: { taobao: string[]; xiaoe: string[]; wechat: string[] }, i: number): string {
  const pick = (list: string[], n: number) => Array.from({ length: n }, (_, k) => list[(i * n + k) % list.length]!);
  const fields = 'id title status price { min { amount } } stock { available }';
  const query = `query($t: [ID!]!, $x: [ID!]!, $w: [ID!]!) {
    t: products(platform: TAOBAO, ids: $t) { ${fields} }
    x: products(platform: XIAOE, ids: $x) { ${fields} }
    w: products(platform: WECHAT_SHOP, ids: $w) { ${fields} } }`;
  return JSON.stringify({ query, variables: { t: pick(ids.taobao, 5), x: pick(ids.xiaoe, 3), w: pick(ids.wechat, 2) } });
}

/** About `rate` of each platform's lookup calls fail, spread over several kinds (rules draw in order). */
function faultRules(rate: number): FaultRule[] {
  const share = (n: number) => rate / n;
  const kinds = (platform: FaultRule['platform'], operation: string, platformCode: number | string): FaultRule[] => [
    { platform, operation, kind: 'http', status: 503, rate: share(5) },
    { platform, operation, kind: 'reset', rate: share(5) },
    { platform, operation, kind: 'non-json', rate: share(5) },
    { platform, operation, kind: 'error', code: platformCode, rate: share(5) },
    { platform, operation, kind: 'latency', latencyMs: 300, jitterMs: 200, rate: share(10) },
    { platform, operation, kind: 'hang', rate: share(10) },
  ];
  return [
    ...kinds('taobao', 'taobao.miniapp.items.get', '15/isp.remote-service-error'),
    ...kinds('xiaoe', 'xe.goods.detail.get', 2002),
    ...kinds('wechat', 'product/spu/get', -1),
  ];
}

async function runLoad(url: string, bodies: string[], seconds: number): Promise<{ result: autocannon.Result; tally: Tally }> {
  const tally: Tally = { requests: 0, non200: 0, products: 0, answered: 0, byCode: {} };
  let next = 0;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: CONNECTIONS,
    overallRate: RATE,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: bodies[next++ % bodies.length] }),
        onResponse: (status, body) => countAnswer(tally, status, body),
      },
    ],
  });
  return { result, tally };
}

function countAnswer(tally: Tally, status: number, body: string): void {
  tally.requests += 1;
  if (status !== 200) tally.non200 += 1;
  let parsed: { data?: Record<string, unknown[]> | null; errors?: Array<{ extensions?: { code?: string } }> };
  try {
    parsed = JSON.parse(body) as typeof parsed;
  } catch {
    tally.byCode.UNPARSEABLE_RESPONSE = (tally.byCode.UNPARSEABLE_RESPONSE ?? 0) + 1;
    return;
  }
  for (const list of Object.values(parsed.data ?? {})) {
    tally.products += list.length;
    tally.answered += list.filter((p) => p !== null).length;
  }
  for (const e of parsed.errors ?? []) {
    const code = e.extensions?.code ?? 'NO_CODE';
    tally.byCode[code] = (tally.byCode[code] ?? 0) + 1;
  }
}

function report(
  result: autocannon.Result,
  tally: Tally,
  before: MemorySample,
  after: MemorySample,
  samples: MemorySample[],
  upstream: Record<string, number>,
): void {
  const heaps = samples.map((m) => m.heapUsedMb);
  const pct = (n: number) => `${((100 * n) / Math.max(1, tally.products)).toFixed(2)}%`;
  const rows = [
    ['requests', String(tally.requests), `${(tally.requests / SECONDS).toFixed(1)}/s`],
    ['non-200 answers', String(tally.non200), ''],
    ['products requested', String(tally.products), ''],
    ['products answered', String(tally.answered), pct(tally.answered)],
    ...Object.entries(tally.byCode)
      .sort(([, a], [, b]) => b - a)
      .map(([code, n]) => [`  ${code}`, String(n), pct(n)]),
    [
      'latency p50 / p90 / p99 / max ms',
      `${result.latency.p50} / ${result.latency.p90} / ${result.latency.p99} / ${result.latency.max}`,
      '',
    ],
    ['gateway RSS start -> end MB', `${before.rssMb} -> ${after.rssMb}`, `${(after.rssMb - before.rssMb).toFixed(1)}`],
    [
      'gateway heap used start -> end MB',
      `${before.heapUsedMb} -> ${after.heapUsedMb}`,
      `${(after.heapUsedMb - before.heapUsedMb).toFixed(1)}${after.gc ? ' (after GC)' : ''}`,
    ],
    ['gateway heap used, samples min / max MB', `${Math.min(...heaps)} / ${Math.max(...heaps)}`, `${samples.length} samples`],
    ['upstream calls (incl. warm-up)', String(Object.values(upstream).reduce((a, b) => a + b, 0)), ''],
  ];
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const row of rows) console.log(row.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  // A shorter run than the default is named for its length, so a quick check never replaces the figures of a full run.
  const name = `soak-${new Date().toISOString().slice(0, 10)}${SECONDS === DEFAULT_SECONDS ? '' : `-${SECONDS}s`}.json`;
  const out = fileURLToPath(new URL(`./results/${name}`, import.meta.url));
  mkdirSync(fileURLToPath(new URL('./results/', import.meta.url)), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        settings: {
          seconds: SECONDS,
          warmupSeconds: WARMUP_SECONDS,
          rate: RATE,
          connections: CONNECTIONS,
          faultRate: FAULT_RATE,
          size: SIZE,
          gatewayEnv: GATEWAY_ENV,
        },
        faults: faultRules(FAULT_RATE),
        tally,
        latencyMs: result.latency,
        errorsByCode: tally.byCode,
        autocannon: { errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx },
        memory: { before, after, samples },
        upstreamCalls: upstream,
      },
      null,
      2,
    )}\n`,
  );
  console.log(`written: bench/results/${name}`);
}

function memorySample(): MemorySample {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1e5) / 10;
  return { rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed), gc: gc !== undefined };
}

async function memoryOf(child: ChildProcess): Promise<MemorySample> {
  child.send('memory');
  return ((await nextMessage(child)) as { memory: MemorySample }).memory;
}

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`gateway process exited (${code})`));
    child.once('exit', onExit);
    child.once('message', (msg) => {
      child.off('exit', onExit);
      resolve(msg);
    });
  });
}

async function setFaults(sandbox: RunningSandbox, faults: FaultRule[]): Promise<void> {
  const res = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ faults }),
  });
  if (!res.ok) throw new Error(`sandbox refused the fault rules: ${await res.text()}`);
}

async function xiaoeIds(sandbox: RunningSandbox): Promise<string[]> {
  const c = SANDBOX_CREDENTIALS.XIAOE;
  const token = (await (
    await fetch(
      `${sandbox.baseUrls.xiaoe}/token?app_id=${c.appId}&client_id=${c.clientId}&secret_key=${c.secretKey}&grant_type=client_credential`,
    )
  ).json()) as { data: { access_token: string } };
  const page = (await (
    await fetch(`${sandbox.baseUrls.xiaoe}/xe.goods.list.get/4.0.0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ access_token: token.data.access_token, page: 1, page_size: 100 }),
    })
  ).json()) as { data: { list: Array<{ resource_type: number; resource_id: string }> } };
  return page.data.list.map((g) => `${g.resource_type}:${g.resource_id}`);
}

async function wechatIds(sandbox: RunningSandbox): Promise<string[]> {
  const c = SANDBOX_CREDENTIALS.WECHAT_SHOP;
  const token = (await (
    await fetch(`${sandbox.baseUrls.wechat}/cgi-bin/stable_token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: c.appId, secret: c.appSecret }),
    })
  ).json()) as { access_token: string };
  const text = await (
    await fetch(`${sandbox.baseUrls.wechat}/product/spu/get_list?access_token=${token.access_token}`, {
      method: 'POST',
      body: JSON.stringify({ status: 5, page: 1, page_size: 300 }),
    })
  ).text();
  return [...text.matchAll(/"product_id":\s*"?(\d+)/g)].map((m) => m[1]!);
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number, got "${process.env[name]}"`);
  return value;
}
