/**
 * `npm run bench:sandbox`: the sandbox's own requests per second for the two calls a gateway benchmark
 * leans on hardest: a signed Taobao `taobao.miniapp.items.get` of 50 num_iids and a WeChat
 * `product/spu/get_list` page of 300, against catalogs of 100,000 products per platform. The sandbox
 * runs in this process; autocannon fires from a worker thread (so the two do not share an event loop),
 * 127.0.0.1 only, 5 s per call. Results go to stdout as a table. See bench/README.md.
 */
import autocannon from 'autocannon';
import { signedParams } from '../src/platforms/taobao/client';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials';
import type { RunningSandbox } from '../src/sandbox/index';
import { startUnlimitedSandbox } from './harness/unlimitedSandbox';

const SIZE = 100_000;
const DURATION_SECONDS = 5;
const CONNECTIONS = 16;

interface BenchCall {
  name: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Checks one answer before the run, so the figure is for successful calls. */
  describeAnswer(body: string): string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { sandbox, taobao } = await startUnlimitedSandbox(SIZE);
  console.log(`sandbox: ${SIZE} products per platform, started in ${Date.now() - started} ms at ${sandbox.url}`);
  try {
    const taobaoIds = [...taobao.catalog.items.keys()].slice(0, 50);
    const calls = [taobaoItemsGet(sandbox, taobaoIds), await wechatSpuPage(sandbox)];
    const rows: string[][] = [];
    for (const call of calls) rows.push(await runCall(call));
    printTable(['call', 'answer', 'req/s (mean)', 'req/s (p50)', 'latency p50 ms', 'latency p99 ms', 'non-2xx', 'errors'], rows);
  } finally {
    await sandbox.close();
  }
}

function taobaoItemsGet(sandbox: RunningSandbox, numIids: readonly string[]): BenchCall {
  // The signed timestamp stays within the sandbox's +-10 minute tolerance for the whole run.
  const fields = 'num_iid,title,price,approve_status,sku,item_img';
  const params = signedParams({ num_iids: numIids.join(','), fields }, SANDBOX_CREDENTIALS.TAOBAO, Date.now());
  return {
    name: 'taobao.miniapp.items.get (50 num_iids)',
    method: 'POST',
    url: `${sandbox.baseUrls.taobao}/router/rest`,
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
    body: new URLSearchParams(params).toString(),
    describeAnswer: (text) => {
      const items = (JSON.parse(text) as { miniapp_items_get_response?: { items?: { item?: unknown[] } } }).miniapp_items_get_response
        ?.items?.item;
      if (!Array.isArray(items)) throw new Error(`Taobao answered an error: ${text.slice(0, 300)}`);
      return `${items.length} items, ${text.length} chars`;
    },
  };
}

async function wechatSpuPage(sandbox: RunningSandbox): Promise<BenchCall> {
  const { appId, appSecret } = SANDBOX_CREDENTIALS.WECHAT_SHOP;
  const tokenUrl = `${sandbox.baseUrls.wechat}/cgi-bin/token?grant_type=client_credential&appid=${appId}&secret=${appSecret}`;
  const token = ((await (await fetch(tokenUrl)).json()) as { access_token?: string }).access_token;
  if (!token) throw new Error('WeChat token endpoint gave no access_token');
  return {
    name: 'wechat product/spu/get_list (page of 300)',
    method: 'POST',
    url: `${sandbox.baseUrls.wechat}/product/spu/get_list?access_token=${encodeURIComponent(token)}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status: 5, page: 1, page_size: 300 }),
    describeAnswer: (text) => {
      const { errcode, spus } = JSON.parse(text) as { errcode?: number; spus?: unknown[] };
      if (errcode !== 0 || !Array.isArray(spus)) throw new Error(`WeChat answered an error: ${text.slice(0, 300)}`);
      return `${spus.length} spus, ${text.length} chars`;
    },
  };
}

async function runCall(call: BenchCall): Promise<string[]> {
  const sample = await fetch(call.url, { method: call.method, headers: call.headers, body: call.body ?? null });
  const answer = call.describeAnswer(await sample.text());
  const result = await autocannon({
    url: call.url,
    method: call.method,
    headers: call.headers,
    body: call.body,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    workers: 1,
  });
  return [
    call.name,
    answer,
    result.requests.average.toFixed(0),
    result.requests.p50.toFixed(0),
    result.latency.p50.toFixed(1),
    result.latency.p99.toFixed(1),
    String(result.non2xx),
    String(result.errors),
  ];
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

main().catch((err: unknown) => {
  console.error('bench failed:', err);
  process.exit(1);
});
