/**
 * http.ts over undici (issue 14) keeps what axios's node:http adapter did: the same bytes on the wire
 * (checked against that adapter, configured as http.ts had it, on a recording node:http server), the
 * query spelling signatures depend on, text bodies, no redirects, keep-alive, and the same transport
 * error codes.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import axios, { Axios } from 'axios';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLegacyHttpClient } from '../../bench/upstream-call.legacy';
import { GatewayReason, UpstreamError } from '../../src/platforms/errors';
import { sendUpstream, type UpstreamRequest } from '../../src/platforms/http';
import { appendQuery, createUndiciAdapter, createUpstreamDispatcher } from '../../src/platforms/undiciAdapter';

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

const recorded: Recorded[] = [];
let connections = 0;
let server: http.Server;
let base = '';

/** `/reply/<kind>` answers as named; anything else answers 200 `{"ok":true}`. */
function reply(kind: string, res: http.ServerResponse): void {
  const json = Buffer.from('{"ok":"压缩"}');
  switch (kind) {
    case 'gzip':
      return void res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(zlib.gzipSync(json));
    case 'deflate':
      return void res.writeHead(200, { 'Content-Encoding': 'deflate' }).end(zlib.deflateSync(json));
    case 'raw-deflate':
      return void res.writeHead(200, { 'Content-Encoding': 'deflate' }).end(zlib.deflateRawSync(json));
    case 'br':
      return void res.writeHead(200, { 'Content-Encoding': 'br' }).end(zlib.brotliCompressSync(json));
    case 'corrupt-gzip':
      return void res.writeHead(200, { 'Content-Encoding': 'gzip' }).end(Buffer.from('not gzip at all'));
    case 'bom':
      return void res.writeHead(200, { 'Content-Type': 'application/json' }).end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json]));
    case 'redirect':
      return void res.writeHead(302, { Location: '/elsewhere' }).end('moved');
    case 'error':
      return void res.writeHead(503, { 'Content-Type': 'text/html' }).end('<html>busy</html>');
    case 'hang':
      return;
    case 'drip': {
      // One byte every 100 ms for 3 s: each chunk alone arrives well within any per-chunk timeout.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 100);
      const stop = setTimeout(() => res.end('{}'), 3_000);
      res.on('close', () => (clearInterval(timer), clearTimeout(stop)));
      return;
    }
    default:
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
  }
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      recorded.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString('utf8'),
      });
      reply(/^\/reply\/([\w-]+)/.exec(req.url ?? '')?.[1] ?? '', res);
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** axios's node:http adapter as http.ts configured it before issue 14. */
const nodeHttpAxios = createLegacyHttpClient();

async function viaNodeHttp(req: UpstreamRequest): Promise<Recorded> {
  await nodeHttpAxios.request({
    method: req.method,
    url: req.url,
    params: req.params,
    data: req.data,
    headers:
      req.data instanceof URLSearchParams
        ? { 'Content-Type': 'application/x-www-form-urlencoded;charset=utf-8', ...req.headers }
        : req.headers,
  });
  return recorded.at(-1)!;
}

async function viaGateway(req: UpstreamRequest): Promise<Recorded> {
  await sendUpstream(req);
  return recorded.at(-1)!;
}

/** What the two clients may spell differently without a server seeing a different request. */
function comparable({ headers, ...rest }: Recorded): unknown {
  const { connection: _c, host: _h, ...kept } = headers;
  return { ...rest, headers: kept };
}

const TRICKY = "a b:c$d,e!f'g(h)i~j*k+l&m=n/o?p#q[r]s 中文 %41";

describe('http.ts over undici: the request on the wire', () => {
  it.each([
    ['a GET with query params', { platform: 'XIAOE', method: 'GET', url: '/q', params: { access_token: TRICKY, page: 2, z: '' } }],
    [
      'a JSON object body',
      { platform: 'WECHAT_SHOP', method: 'POST', url: '/j', data: { appid: 'wx1', secret: TRICKY, force_refresh: false } },
    ],
    [
      'a form body',
      { platform: 'TAOBAO', method: 'POST', url: '/f', data: new URLSearchParams({ method: 'taobao.item.get', fields: TRICKY }) },
    ],
    [
      'a JSON text body with a token param',
      {
        platform: 'WECHAT_SHOP',
        method: 'POST',
        url: '/t?x=1',
        params: { access_token: 'tok' },
        data: '{"product_id":23423523452345235}',
        headers: { 'Content-Type': 'application/json' },
      },
    ],
  ] as const)('sends %s exactly as the node:http adapter did', async (_name, partial) => {
    const req = { ...partial, url: `${base}${partial.url}` } as UpstreamRequest;
    expect(comparable(await viaGateway(req))).toEqual(comparable(await viaNodeHttp(req)));
  });

  it('spells any query parameters as axios does (checked against axios.getUri)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string({ unit: 'binary' }), fc.oneof(fc.string({ unit: 'binary' }), fc.integer(), fc.double())),
        (params) => {
          const url = `${base}/p?keep=1`;
          expect(appendQuery(url, params)).toBe(axios.getUri({ url, params }));
        },
      ),
      { numRuns: 300 },
    );
  });

  // undici's pool may open a second connection while the first is being released; not one per call.
  it('keeps connections alive: 20 sequential calls open at most two', async () => {
    const before = connections;
    for (let i = 0; i < 20; i++) await sendUpstream({ platform: 'XIAOE', method: 'GET', url: `${base}/k${i}` });
    expect(connections - before).toBeLessThanOrEqual(2);
  });
});

describe('http.ts over undici: the answer', () => {
  it.each(['gzip', 'deflate', 'raw-deflate', 'br'])('decodes a %s body to text and drops content-encoding', async (kind) => {
    const res = await sendUpstream({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/${kind}` });
    expect(res).toMatchObject({ status: 200, body: '{"ok":"压缩"}' });
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('strips a UTF-8 byte order mark', async () => {
    expect((await sendUpstream({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/bom` })).body).toBe('{"ok":"压缩"}');
  });

  it('returns a redirect as it is, without following it', async () => {
    const res = await sendUpstream({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/redirect` });
    expect(res).toMatchObject({ status: 302, body: 'moved', headers: { location: '/elsewhere' } });
    expect(recorded.at(-1)!.url).toBe('/reply/redirect');
  });

  it('resolves a 5xx with its body (parseJsonObject decides)', async () => {
    expect(await sendUpstream({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/error` })).toMatchObject({
      status: 503,
      body: '<html>busy</html>',
    });
  });
});

describe('http.ts over undici: transport failures', () => {
  const failure = (req: UpstreamRequest) =>
    sendUpstream(req).then(
      () => expect.fail('resolved'),
      (err: unknown) => err as UpstreamError,
    );

  it('maps a timeout to UPSTREAM_TIMEOUT (ECONNABORTED, as before), not retryable', async () => {
    const err = await failure({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/hang`, timeoutMs: 150 });
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', reason: GatewayReason.Timeout, detail: 'ECONNABORTED', retryable: false });
  });

  it('bounds the whole attempt by its timeout: a body dripping a byte every 100 ms fails at timeoutMs 150', async () => {
    const started = performance.now();
    const err = await failure({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/drip`, timeoutMs: 150 });
    expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', detail: 'ECONNABORTED' });
    expect(performance.now() - started).toBeLessThan(2_000); // generous: the drip alone lasts 3 s
  });

  it('bounds the whole attempt by its timeout: a socket that is accepted and never answered', async () => {
    const sockets: net.Socket[] = [];
    const silent = net.createServer({ pauseOnConnect: true }, (socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const started = performance.now();
      const err = await failure({
        platform: 'XIAOE',
        method: 'GET',
        url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}/x`,
        timeoutMs: 150,
      });
      expect(err).toMatchObject({ code: 'UPSTREAM_TIMEOUT', detail: 'ECONNABORTED' });
      expect(performance.now() - started).toBeLessThan(2_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it('maps a compressed body that does not decode to UPSTREAM_BAD_RESPONSE, not retryable', async () => {
    const err = await failure({ platform: 'XIAOE', method: 'GET', url: `${base}/reply/corrupt-gzip` });
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', reason: GatewayReason.BadResponse, retryable: false });
    expect(err.detail).toMatch(/^body does not decode \(Z_/);
  });

  it('maps a URL that does not parse to UPSTREAM_UNAVAILABLE (ERR_INVALID_URL), as an UpstreamError', async () => {
    const err = await failure({ platform: 'XIAOE', method: 'GET', url: 'http//no-scheme/x' });
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', detail: 'ERR_INVALID_URL' });
  });

  it('maps a refused connection to UPSTREAM_UNAVAILABLE with ECONNREFUSED, retryable', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const err = await failure({ platform: 'XIAOE', method: 'GET', url: `http://127.0.0.1:${port}/x`, timeoutMs: 1000 });
    expect(err).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE', reason: GatewayReason.Network, detail: 'ECONNREFUSED', retryable: true });
  });
});

describe('http.ts over undici: proxies from the environment, as the node:http adapter honoured them', () => {
  /** A proxy that records what it was asked for: CONNECT tunnels, and absolute-form requests answered itself. */
  async function startProxy(): Promise<{ url: string; seen: string[]; close: () => Promise<void> }> {
    const seen: string[] = [];
    const proxy = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200).end('{"via":"proxy"}');
    });
    proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
      seen.push(`CONNECT ${req.url}`);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), host, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    return {
      url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      seen,
      close: () => {
        proxy.closeAllConnections();
        return new Promise((resolve) => proxy.close(() => resolve()));
      },
    };
  }

  const clientWith = (env: NodeJS.ProcessEnv) =>
    new Axios({
      adapter: createUndiciAdapter(createUpstreamDispatcher({ connections: 4, connectTimeoutMs: 1000 }, env)),
      responseType: 'text',
      transformResponse: [(d: unknown) => d],
      validateStatus: () => true,
    });

  it('goes through HTTP_PROXY when it is set, and straight to the host NO_PROXY names', async () => {
    const proxy = await startProxy();
    try {
      const before = recorded.length;
      await clientWith({ HTTP_PROXY: proxy.url }).request({ method: 'GET', url: `${base}/via-proxy` });
      expect(proxy.seen.length).toBe(1);
      expect(proxy.seen[0]).toMatch(/^(CONNECT 127\.0\.0\.1:\d+|GET http:\/\/127\.0\.0\.1:\d+\/via-proxy)$/);
      await clientWith({ http_proxy: proxy.url, NO_PROXY: '127.0.0.1' }).request({ method: 'GET', url: `${base}/direct` });
      expect(proxy.seen.length).toBe(1);
      expect(recorded.slice(before).map((r) => r.url)).toContain('/direct');
    } finally {
      await proxy.close();
    }
  });
});
