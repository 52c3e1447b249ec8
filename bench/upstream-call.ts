/**
 * CPU per upstream call below GraphQL (issue 14): `npm run bench:upstream-call`.
 *
 * The sandbox runs in its own process (bench/targets/sandbox.ts), so `process.cpuUsage()` here counts
 * only the client side. Each step is measured as A/B pairs in this one process, alternating the order
 * every round (A B, B A, ...), because the development machine is shared and busy: compare the two
 * columns of one run, never figures across runs.
 *
 * - transport: `sendUpstream` (axios over undici) against axios's own node:http adapter with the
 *   options http.ts had before, on WeChat `product/spu/get` (small JSON body, ~2 KB answer), 8 in flight;
 * - page: the same two transports on a `product/spu/get_list` page of 300 (~330 KB), sent only, not parsed;
 * - the CPU-only steps on that page: `quoteLargeIds` + `parseJsonObject`, the WeChat mapper, and
 *   `readShanghaiLocal` on its times, each against the implementation before issue 14 (kept below).
 *
 * BENCH_ROUNDS (default 6) pairs per step.
 */
import { parseJsonObject, sendUpstream, type UpstreamRequest, type UpstreamResponse } from '../src/platforms/http';
import { readShanghaiLocal } from '../src/platforms/time';
import { mapWechatProduct, type WechatRecord } from '../src/platforms/wechat/mapper';
import { quoteLargeIds } from '../src/platforms/wechat/wireJson';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials';
import { startServer } from './harness/processes';
import { createLegacyHttpClient, legacyQuoteLargeIds, legacyReadShanghaiLocal } from './upstream-call.legacy';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const IN_FLIGHT = 8;

const legacyClient = createLegacyHttpClient();

async function legacySend(req: UpstreamRequest): Promise<UpstreamResponse> {
  const res = await legacyClient.request<string>({
    method: req.method,
    url: req.url,
    params: req.params,
    data: req.data,
    headers: req.headers,
    timeout: req.timeoutMs ?? 5_000,
  });
  return { status: res.status, body: res.data, headers: {} };
}

/** Micro-seconds of this process's CPU per call of `fn`, `calls` calls with IN_FLIGHT at a time. */
async function cpuPerCall(calls: number, fn: () => Promise<unknown>, inFlight = IN_FLIGHT): Promise<number> {
  const start = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < calls) await fn();
    }),
  );
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

function cpuPerCallSync(calls: number, fn: () => unknown): number {
  const start = process.cpuUsage();
  for (let i = 0; i < calls; i++) fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / calls;
}

async function compare(name: string, calls: number, a: () => Promise<number>, b: () => Promise<number>): Promise<void> {
  const as: number[] = [];
  const bs: number[] = [];
  await a(); // warm-up of both before the first timed pair
  await b();
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      as.push(await a());
      bs.push(await b());
    } else {
      bs.push(await b());
      as.push(await a());
    }
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const range = (xs: number[]) => `${Math.min(...xs).toFixed(1)}-${Math.max(...xs).toFixed(1)}`;
  console.log(
    `| ${name} | ${calls} | ${median(as).toFixed(1)} (${range(as)}) | ${median(bs).toFixed(1)} (${range(bs)}) | ${(median(as) / median(bs)).toFixed(2)}x |`,
  );
}

const sandbox = await startServer('sandbox', 'targets/sandbox.ts', { BENCH_CATALOG_SIZE: '2000' });
try {
  const base = `${sandbox.url}/wechat`;
  const { appId, appSecret } = SANDBOX_CREDENTIALS.WECHAT_SHOP;
  const tokenRes = await sendUpstream({
    platform: 'WECHAT_SHOP',
    method: 'POST',
    url: `${base}/cgi-bin/stable_token`,
    data: { grant_type: 'client_credential', appid: appId, secret: appSecret, force_refresh: false },
  });
  const token = String(JSON.parse(tokenRes.body).access_token);
  const ids = (sandbox.ready.ids as { wechatOnSale: string[] }).wechatOnSale;
  let i = 0;
  const spuGet = (): UpstreamRequest => ({
    platform: 'WECHAT_SHOP',
    method: 'POST',
    url: `${base}/product/spu/get`,
    params: { access_token: token },
    data: `{"product_id":${ids[i++ % ids.length]},"data_type":1}`,
    headers: { 'Content-Type': 'application/json' },
  });
  const page: UpstreamRequest = { ...spuGet(), url: `${base}/product/spu/get_list`, data: '{"status":5,"page":1,"page_size":300}' };
  const check = await sendUpstream(spuGet());
  if (check.status !== 200 || !check.body.includes('"errcode":0'))
    throw new Error(`spu/get answered ${check.status}: ${check.body.slice(0, 200)}`);

  console.log(
    `load average at start: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log('\n| step | calls per sample | before: us CPU per call (median, range) | after | before/after |\n|---|---|---|---|---|');
  await compare(
    'transport: spu/get',
    2000,
    () => cpuPerCall(2000, () => legacySend(spuGet())),
    () => cpuPerCall(2000, () => sendUpstream(spuGet())),
  );
  await compare(
    'transport: get_list page of 300',
    60,
    () => cpuPerCall(60, () => legacySend(page), 4),
    () => cpuPerCall(60, () => sendUpstream(page), 4),
  );

  const body = (await sendUpstream(page)).body;
  const res: UpstreamResponse = { status: 200, body, headers: {} };
  await compare(
    'quoteLargeIds + parseJsonObject, page of 300',
    100,
    async () => cpuPerCallSync(100, () => parseJsonObject('WECHAT_SHOP', { ...res, body: legacyQuoteLargeIds(body) })),
    async () => cpuPerCallSync(100, () => parseJsonObject('WECHAT_SHOP', { ...res, body: quoteLargeIds(body) })),
  );

  const spus = (parseJsonObject('WECHAT_SHOP', res).spus ?? []) as WechatRecord[];
  const times = spus.flatMap((spu) => [spu.create_time, spu.update_time]);
  console.log(`(page: ${body.length} chars, ${spus.length} spus, ${times.length} times)`);
  await compare(
    'readShanghaiLocal, per time',
    20_000,
    async () => cpuPerCallSync(20_000, () => legacyReadShanghaiLocal(times[i++ % times.length])),
    async () => cpuPerCallSync(20_000, () => readShanghaiLocal(times[i++ % times.length])),
  );
  await compare(
    'mapWechatProduct, page of 300 (same code both sides: the noise)',
    20,
    async () => cpuPerCallSync(20, () => spus.map((spu) => mapWechatProduct({ spu }))),
    async () => cpuPerCallSync(20, () => spus.map((spu) => mapWechatProduct({ spu }))),
  );
  console.log(
    `load average at end: ${(await import('node:os'))
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
} finally {
  await sandbox.stop();
}
process.exit(0);
