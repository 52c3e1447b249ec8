/**
 * The per-request log line and the upstream attempt lines, as written by a gateway over the sandbox,
 * and the redaction of secrets with canary values.
 */
import { createHash } from 'node:crypto';
import axios from 'axios';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { createLogger } from '../../src/observability/logger';
import { loggingErrorFormatter } from '../../src/server/formatError';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials';
import { startStack, type Stack } from '../helpers/stack';
import { captureLogs, type LogCapture } from '../helpers/logCapture';

const PRODUCT_PAGE =
  'query ProductPage { product(platform: TAOBAO, id: "1489161932") { title } wechat: product(platform: WECHAT_SHOP, id: "12345") { title } }';

let stack: Stack;
let logs: LogCapture;

beforeAll(async () => {
  logs = captureLogs();
  stack = await startStack({}, {}, { logger: createLogger({ level: 'debug', format: 'json', destination: logs.destination }) });
});
afterAll(async () => stack.close());
afterEach(async () => {
  await stack.setFaults([]);
  logs.lines.length = 0;
  logs.raw.length = 0;
});

const requestLines = (): Array<Record<string, any>> => logs.lines.filter((l) => l.msg === 'graphql request');

/** `extensions.cost` of an answer. */
const answerCost = (answer: { extensions?: Record<string, unknown> }) => answer.extensions?.cost as { estimatedCalls: number };

describe('request log', () => {
  it('writes one line per request with id, operation, document hash, tenant, upstream calls, cost and no error', async () => {
    const { result, calls } = await stack.measure(() => stack.query(PRODUCT_PAGE, undefined, { 'x-request-id': 'req-42' }));
    expect(result.headers.get('x-request-id')).toBe('req-42');
    const [line, ...more] = requestLines();
    expect(more).toEqual([]);
    const sent = (prefix: string): number => Object.entries(calls).reduce((n, [key, count]) => (key.startsWith(prefix) ? n + count : n), 0);
    const sentByPlatform = { TAOBAO: sent('taobao:'), WECHAT_SHOP: sent('wechat:') };
    expect(line).toMatchObject({
      level: 'info',
      requestId: 'req-42',
      operationName: 'ProductPage',
      operationType: 'query',
      documentHash: createHash('sha256').update(PRODUCT_PAGE).digest('hex'),
      tenantId: 'default',
      clientId: null,
      status: 200,
      outcome: 'ok',
      upstreamCalls: sentByPlatform,
      cache: { hits: 0, misses: 0, stale: 0 },
      cost: {
        estimatedCalls: answerCost(result).estimatedCalls,
        actualCalls: sentByPlatform.TAOBAO + sentByPlatform.WECHAT_SHOP,
      },
      errorCodes: [],
    });
    // The line's cost is the answer's: at least one call per product field (a token fetch may add one).
    expect(answerCost(result).estimatedCalls).toBeGreaterThanOrEqual(2);
    expect(line?.durationMs).toBeGreaterThan(0);
    expect(new Date(line?.time).toISOString()).toBe(line?.time);
  });

  it('generates a request id when the client sends none or an unusable one, and echoes it', async () => {
    const sent = await stack.query('{ platforms { code } }', undefined, { 'x-request-id': 'has spaces and "quotes"' });
    const id = sent.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines()[0]?.requestId).toBe(id);
  });

  it('lists the error codes of a partial answer, and of a request that does not validate', async () => {
    await stack.query('{ a: product(platform: TAOBAO, id: "1") { title } b: product(platform: TAOBAO, id: "1489161932") { title } }');
    await stack.query('{ nope }');
    const [partial, invalid] = requestLines();
    expect(partial).toMatchObject({ outcome: 'partial', errorCodes: ['NOT_FOUND'] });
    expect(invalid).toMatchObject({ outcome: 'error', status: 400, errorCodes: ['GRAPHQL_VALIDATION_FAILED'], operationType: null });
  });

  it('logs each upstream attempt at debug, with its request id, attempt number and outcome', async () => {
    await stack.setFaults([{ platform: 'taobao', kind: 'http', status: 503, count: 1 }]);
    await stack.query('{ product(platform: TAOBAO, id: "1489161932") { title } }', undefined, { 'x-request-id': 'retry-1' });
    const attempts = logs.lines.filter((l) => l.msg === 'upstream attempt');
    expect(
      attempts.map((a) => ({
        level: a.level,
        requestId: a.requestId,
        platform: a.platform,
        attempt: a.attempt,
        outcome: a.outcome,
        sent: a.sent,
        idCount: a.idCount,
      })),
    ).toEqual([
      { level: 'debug', requestId: 'retry-1', platform: 'TAOBAO', attempt: 1, outcome: 'UPSTREAM_UNAVAILABLE', sent: true, idCount: 1 },
      { level: 'debug', requestId: 'retry-1', platform: 'TAOBAO', attempt: 2, outcome: 'ok', sent: true, idCount: 1 },
    ]);
    expect(attempts[0]?.operation).toBe('taobao.miniapp.items.get');
  });

  it('never writes the credentials, tokens or an Authorization header the requests carried', async () => {
    const canary = 'CANARY-bearer-7f3a';
    await stack.query(PRODUCT_PAGE + ' ', undefined, { authorization: `Bearer ${canary}` });
    await stack.query('{ x: product(platform: XIAOE, id: "2:a_619fba7ae4b03f3fb99c7809") { title } }');
    const tokens = [...(await stack.requests('wechat')), ...(await stack.requests('xiaoe'))]
      .map((r) => JSON.stringify(r).match(/access_token[^:]*":"?([^",}]+)/)?.[1])
      .filter((t): t is string => t !== undefined && t.length > 8);
    const secrets = Object.values(SANDBOX_CREDENTIALS).flatMap((c) =>
      Object.entries(c)
        .filter(([k]) => /secret|session/i.test(k))
        .map(([, v]) => v),
    );
    const written = logs.raw.join('');
    expect(logs.lines.some((l) => l.msg === 'upstream attempt')).toBe(true);
    for (const secret of [canary, ...secrets, ...tokens]) expect(written).not.toContain(secret);
  });
});

describe('logger redaction', () => {
  it('replaces secrets wherever an object passed to the logger carries them', () => {
    const capture = captureLogs();
    const logger = createLogger({ level: 'info', format: 'json', destination: capture.destination });
    const canaries = ['CANARY-1', 'CANARY-2', 'CANARY-3', 'CANARY-4', 'CANARY-5', 'CANARY-6', 'CANARY-7', 'CANARY-8'];
    logger.info(
      {
        credentials: { appKey: canaries[0] },
        taobao: { appKey: 'k', appSecret: canaries[0] },
        config: { platforms: { XIAOE: { secretKey: canaries[1], nested: [{ access_token: canaries[2] }] } } },
        headers: { Authorization: `Bearer ${canaries[3]}`, cookie: canaries[4] },
        url: `https://eco.taobao.com/router/rest?method=m&sign=${canaries[5]}&session=${canaries[6]}&v=2.0`,
        TAOBAO_APP_SECRET: canaries[7],
        signal: 'SIGTERM',
      },
      'something happened',
    );
    logger.error(
      { err: Object.assign(new Error(`failed: https://x/y?access_token=${canaries[2]}`), { appSecret: canaries[0] }) },
      'an error',
    );
    const written = capture.raw.join('');
    for (const canary of canaries) expect(written).not.toContain(canary);
    expect(capture.lines[0]).toMatchObject({
      credentials: '[REDACTED]',
      taobao: { appKey: 'k', appSecret: '[REDACTED]' },
      signal: 'SIGTERM',
    });
    expect(capture.lines[0]?.url).toBe('https://eco.taobao.com/router/rest?method=m&sign=[REDACTED]&session=[REDACTED]&v=2.0');
    expect(capture.lines[1]?.err).toEqual({
      type: 'Error',
      message: 'failed: https://x/y?access_token=[REDACTED]',
      stack: expect.any(String),
    });
  });

  it('logs an error the client sees masked through the redacting logger, not the console', () => {
    const capture = captureLogs();
    const format = loggingErrorFormatter(createLogger({ level: 'info', format: 'json', destination: capture.destination }));
    const err = new Error('connect failed: https://x/y?access_token=CANARY-9');
    const shown = format(new GraphQLError(err.message, { path: ['p'], originalError: err }).toJSON(), err);
    expect(shown).toEqual({ message: 'Internal server error', path: ['p'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(capture.raw.join('')).not.toContain('CANARY-9');
    expect(capture.lines).toEqual([
      expect.objectContaining({
        level: 'error',
        msg: 'unexpected error while executing a request',
        err: expect.objectContaining({ message: 'connect failed: https://x/y?access_token=[REDACTED]' }),
      }),
    ]);
  });

  it('cuts secrets out of texts: prefixed query parameters and JSON members named like secret keys', () => {
    const capture = captureLogs();
    const logger = createLogger({ level: 'info', format: 'json', destination: capture.destination });
    const json = JSON.stringify({
      app_secret: 'CANARY-a',
      access_token: 'CANARY-b',
      secret_key: 'CANARY-c',
      session: 'CANARY-d',
      appid: 'wx1',
      count: 3,
    });
    logger.info({ body: json, url: 'https://x/token?client_secret=CANARY-e&grant_type=client_credential&design=kept' }, 'texts');
    const written = capture.raw.join('');
    for (const canary of ['CANARY-a', 'CANARY-b', 'CANARY-c', 'CANARY-d', 'CANARY-e']) expect(written).not.toContain(canary);
    expect(JSON.parse(capture.lines[0]!.body)).toEqual({
      app_secret: '[REDACTED]',
      access_token: '[REDACTED]',
      secret_key: '[REDACTED]',
      session: '[REDACTED]',
      appid: 'wx1',
      count: 3,
    });
    expect(capture.lines[0]!.url).toBe('https://x/token?client_secret=[REDACTED]&grant_type=client_credential&design=kept');
  });

  it("writes a failed upstream call's error (an AxiosError carrying its JSON body and URL) without the secrets in them", async () => {
    const capture = captureLogs();
    const logger = createLogger({ level: 'info', format: 'json', destination: capture.destination });
    const canaries = ['CANARY-json-secret', 'CANARY-json-refresh', 'CANARY-client-secret', 'CANARY-json-sign'];
    await stack.setFaults([{ platform: 'wechat', operation: 'token', kind: 'http', status: 500 }]);
    // The WeChat token call as a careless caller might log it: secret in the JSON body, one in the URL.
    const failure = await axios
      .post(
        `${stack.sandboxUrl}/wechat/cgi-bin/stable_token?client_secret=${canaries[2]}`,
        JSON.stringify({
          grant_type: 'client_credential',
          appid: 'wx1',
          secret: canaries[0],
          refresh_token: canaries[1],
          sign: canaries[3],
          force_refresh: false,
        }),
        { headers: { 'content-type': 'application/json' } },
      )
      .then(
        () => expect.fail('the token call was to fail'),
        (err: unknown) => err,
      );
    expect(axios.isAxiosError(failure)).toBe(true);
    logger.error({ err: failure, body: (failure as { config: { data: string } }).config.data }, 'token call failed');
    const written = capture.raw.join('');
    expect(written).toContain('token call failed');
    for (const canary of canaries) expect(written).not.toContain(canary);
    expect(capture.lines[0]?.err).toMatchObject({ type: 'AxiosError', code: 'ERR_BAD_RESPONSE' });
    expect(capture.lines[0]?.body).toContain('"appid":"wx1"');
  });
});
