/**
 * The hand-written baseline: plain node:http, no GraphQL. It makes the same upstream calls as the
 * gateway with the same adapters (same clients, guards, `fields` pushdown and mappers), chunked to
 * the platform's maxIdsPerCall and sent concurrently, and answers the same JSON the gateway answers
 * for the scenario's document. Routes: `POST /s1|/s2|/s3` with `{"taobao": [ids], "xiaoe": [ids]}`,
 * and `POST /s4` with `{"first": n}`: WeChat's first on-sale page through the same listing code
 * (the adapter's listing plan, src/listing's readPlan, the plan's SKU completion), no cursors.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config/config';
import type { PlatformCode, Product } from '../../src/generated/graphql';
import { buildPlatformRegistry } from '../../src/platforms';
import { readPlan, startOf } from '../../src/listing/readPlan';
import type { PlatformCredentials } from '../../src/config/credentials';
import { announceReady, installProbe } from '../harness/probe';
import { BASELINE_VIEWS, type BaselineView } from './baselineViews';

installProbe();
const config = loadConfig(process.env);
const registry = buildPlatformRegistry(config);

interface Lookup {
  /** Key of the answer's `data` (the GraphQL alias). */
  key: string;
  platform: PlatformCode;
  ids: readonly string[];
  view: BaselineView;
  single?: boolean;
}

const ROUTES: Record<string, (body: { taobao?: string[]; xiaoe?: string[] }) => Lookup[]> = {
  '/s1': (b) => [{ key: 'product', platform: 'TAOBAO', ids: b.taobao ?? [], view: BASELINE_VIEWS.card, single: true }],
  '/s2': (b) => [{ key: 'products', platform: 'TAOBAO', ids: b.taobao ?? [], view: BASELINE_VIEWS.skus }],
  '/s3': (b) => [
    { key: 'tb', platform: 'TAOBAO', ids: b.taobao ?? [], view: BASELINE_VIEWS.minPrice },
    { key: 'xe', platform: 'XIAOE', ids: b.xiaoe ?? [], view: BASELINE_VIEWS.minPrice },
  ],
};

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const route = ROUTES[req.url ?? ''];
  const isListing = req.url === '/s4';
  if ((!route && !isListing) || req.method !== 'POST') return send(res, 404, { error: 'POST /s1, /s2, /s3 or /s4' });
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { taobao?: string[]; first?: number };
  if (isListing) return send(res, 200, await onSaleListing(body.first ?? 50));
  const lookups = route!(body);
  const errors: Array<{ message: string; path: Array<string | number> }> = [];
  const data: Record<string, unknown> = {};
  await Promise.all(
    lookups.map(async (lookup) => {
      const found = await lookupAll(lookup);
      const entries = found.map((entry, i) => {
        if (!(entry instanceof Error)) return lookup.view.project(entry);
        errors.push({ message: entry.message, path: lookup.single ? [lookup.key] : [lookup.key, i] });
        return null;
      });
      data[lookup.key] = lookup.single ? entries[0] : entries;
    }),
  );
  send(res, 200, errors.length ? { errors, data } : { data });
}

/** One entry per id, in order: chunks of maxIdsPerCall, all in flight at once. */
async function lookupAll({ platform, ids, view }: Lookup): Promise<Array<Product | Error>> {
  const adapter = registry.get(platform)!.adapter;
  const call = { credentials: credentialsFor(platform), deadline: Date.now() + config.requestTimeoutMs };
  const size = adapter.capabilities.maxIdsPerCall ?? 1;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  const results = await Promise.all(chunks.map((chunk) => adapter.lookup!(chunk, view.selection, call)));
  return results.flat();
}

/**
 * `catalog(platform: WECHAT_SHOP, filter: { status: [ON_SALE] }, first) { edges { node { ... } } }`:
 * one get_list stream (status 5), the first `first` products, their SKU details. A failure fails the
 * field, as in the gateway.
 */
async function onSaleListing(first: number): Promise<Record<string, unknown>> {
  const listing = registry.get('WECHAT_SHOP')!.adapter.listing!;
  const call = { credentials: credentialsFor('WECHAT_SHOP'), deadline: Date.now() + config.requestTimeoutMs };
  const view = BASELINE_VIEWS.listing;
  try {
    const plan = listing.plan({ status: ['ON_SALE'] }, view.selection);
    const page = await readPlan(plan, startOf(plan), first, listing.maxPageSize, call);
    const products = plan.complete && page.products.length > 0 ? await plan.complete(page.products, call) : page.products;
    return { data: { catalog: { edges: products.map((p) => ({ node: view.project(p) })) } } };
  } catch (err) {
    return { errors: [{ message: err instanceof Error ? err.message : String(err), path: ['catalog'] }], data: null };
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

const server = http.createServer((req, res) => {
  handle(req, res).catch((err: unknown) => send(res, 500, { errors: [{ message: String(err) }] }));
});
await new Promise<void>((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
announceReady(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);

function credentialsFor<K extends PlatformCode>(platform: K): NonNullable<PlatformCredentials[K]> {
  const credentials = config.credentials[platform];
  if (credentials === undefined) throw new Error(`${platform} has no credentials in the bench environment`);
  return credentials;
}
