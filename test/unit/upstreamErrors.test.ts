/**
 * The one error shape: the table constructor every platform uses, the gateway's reasons kept out of
 * `upstreamCode`, and `extensions` exactly as clients saw them before (docs/resilience.md).
 */
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import {
  GatewayReason,
  StaleTokenError,
  UpstreamError,
  badResponse,
  secondsInMessage,
  shownToClients,
  upstreamErrorFrom,
  type UpstreamErrorRule,
  type UpstreamErrorTable,
} from '../../src/platforms/errors';
import { parseJsonObject } from '../../src/platforms/http';
import { formatError } from '../../src/server/formatError';
import { ARK_ERRORS } from '../../src/platforms/xhs-ark/errors';
import { MINIAPP_ERRORS } from '../../src/platforms/xhs-miniapp/errors';
import { TOP_ERRORS } from '../../src/platforms/taobao/errors';
import { WECHAT_ERRORS } from '../../src/platforms/wechat/errors';
import { XIAOE_ERRORS } from '../../src/platforms/xiaoe/errors';

const TABLE: UpstreamErrorTable = {
  platform: 'XIAOE',
  rules: new Map<number, UpstreamErrorRule>([
    [1, { code: 'UPSTREAM_AUTH', staleToken: true }],
    [2, { code: 'UPSTREAM_RATE_LIMITED', retryable: true, retryAfterMs: secondsInMessage(1000) }],
    [3, { code: 'UPSTREAM_RATE_LIMITED', retryAfterMs: (_, nowMs) => 60_000 - (nowMs % 60_000) }],
  ]),
  otherwise: { code: 'UPSTREAM_REJECTED' },
  bySubCode: (subCode) => (subCode.startsWith('isp.') ? { code: 'UPSTREAM_UNAVAILABLE', retryable: true } : undefined),
};

const upstream = (err: UpstreamError | StaleTokenError): UpstreamError => (err instanceof StaleTokenError ? err.upstream : err);

/** What formatError sends for `err` at path ['p']. */
const extensionsOf = (err: Error) =>
  formatError(new GraphQLError(err.message, { path: ['p'], originalError: err }).toJSON(), err, () => undefined).extensions;

describe('upstreamErrorFrom: one constructor for every platform table', () => {
  it('is what all five platforms use, each with its own table', () => {
    const tables = [TOP_ERRORS, XIAOE_ERRORS, WECHAT_ERRORS, ARK_ERRORS, MINIAPP_ERRORS];
    expect(tables.map((t) => t.platform)).toEqual(['TAOBAO', 'XIAOE', 'WECHAT_SHOP', 'XHS_ARK', 'XHS_MINIAPP']);
    for (const table of tables) expect(table.otherwise).toEqual({ code: 'UPSTREAM_REJECTED' });
  });

  it('keeps the platform code and message apart, and sets no gateway reason', () => {
    const err = upstream(upstreamErrorFrom(TABLE, { code: 7, message: 'nope', requestId: 'r-1' }));
    expect(err).toMatchObject({
      platform: 'XIAOE',
      code: 'UPSTREAM_REJECTED',
      upstreamCode: '7',
      upstreamMessage: 'nope',
      requestId: 'r-1',
    });
    expect(err).toMatchObject({ reason: undefined, detail: undefined, retryable: false, retryAfterMs: undefined });
    expect(err.message).toBe('XIAOE: upstream rejected the request (7: nope)');
  });

  it('looks up digits in a string like the number, and shows the code as sent', () => {
    expect(upstream(upstreamErrorFrom(TABLE, { code: '2', message: '' }))).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstreamCode: '2',
      upstreamMessage: undefined,
    });
    expect(upstream(upstreamErrorFrom(TABLE, { code: 'E42' }))).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'E42' });
  });

  it('lets a sub code decide whatever the code, and shows it as code/subCode', () => {
    expect(upstream(upstreamErrorFrom(TABLE, { code: 2, subCode: 'isp.busy' }))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
      upstreamCode: '2/isp.busy',
    });
    expect(upstream(upstreamErrorFrom(TABLE, { code: 2, subCode: 'isv.bad' }))).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      upstreamCode: '2/isv.bad',
    });
  });

  it('reads the retry-after from the message, the fallback, or the clock', () => {
    expect(upstream(upstreamErrorFrom(TABLE, { code: 2, message: '请 4 秒后重试' })).retryAfterMs).toBe(4000);
    expect(upstream(upstreamErrorFrom(TABLE, { code: 2, message: 'busy' })).retryAfterMs).toBe(1000);
    expect(upstream(upstreamErrorFrom(TABLE, { code: 3 }, 61_500)).retryAfterMs).toBe(58_500);
  });

  it('reads TOP\'s "N more seconds" and the XHS "N 秒" / "Ns" alike', () => {
    const read = secondsInMessage();
    expect(read('App Call Limited: This ban will last for 13 more seconds')).toBe(13_000);
    expect(read('调用过于频繁,请 3 秒后重试')).toBe(3000);
    expect(read('retry in 5s')).toBe(5000);
    expect(read('no hint')).toBeUndefined();
    expect(read(undefined)).toBeUndefined();
  });

  it('answers a stale-token code as the internal StaleTokenError, wrapping the error clients would see', () => {
    const err = upstreamErrorFrom(TABLE, { code: 1, message: 'token expired' });
    expect(err).toBeInstanceOf(StaleTokenError);
    expect(err).not.toBeInstanceOf(UpstreamError);
    expect((err as StaleTokenError).upstream).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '1', upstreamMessage: 'token expired' });
    expect(Object.keys((err as StaleTokenError).upstream)).not.toContain('staleToken');
  });

  it('keeps `detail` only for an answer without a code (success=false)', () => {
    const bare = upstream(upstreamErrorFrom(TABLE, { code: undefined, detail: 'success=false' }));
    expect(bare).toMatchObject({ upstreamCode: undefined, detail: 'success=false', code: 'UPSTREAM_REJECTED' });
    expect(upstream(upstreamErrorFrom(TABLE, { code: 9, detail: 'success=false' })).detail).toBeUndefined();
  });
});

describe("the gateway's own reasons, and what clients see of them", () => {
  const guardError = (reason: GatewayReason, code: UpstreamError['code']) =>
    new UpstreamError({ platform: 'TAOBAO', code, reason, retryable: true, retryAfterMs: 5000 });

  it.each([
    [GatewayReason.Deadline, 'UPSTREAM_TIMEOUT', 'DEADLINE', undefined],
    [
      GatewayReason.QuotaPacing,
      'UPSTREAM_RATE_LIMITED',
      'QUOTA_PACING',
      'the gateway held this call back to stay within the platform quota',
    ],
    [
      GatewayReason.CircuitOpen,
      'UPSTREAM_UNAVAILABLE',
      'CIRCUIT_OPEN',
      'recent calls failed; the gateway is not calling this endpoint until a probe succeeds',
    ],
    [GatewayReason.Network, 'UPSTREAM_UNAVAILABLE', 'NETWORK_ERROR', undefined],
  ] as const)('%s: upstreamCode stays empty; clients see %s as before', (reason, code, shownCode, shownMessage) => {
    const err = guardError(reason, code);
    expect(err.upstreamCode).toBeUndefined();
    expect(err.upstreamMessage).toBeUndefined();
    expect(shownToClients(err)).toEqual({ upstreamCode: shownCode, upstreamMessage: shownMessage });
    expect(err.message).toContain(`(${shownCode}`);
    expect(extensionsOf(err)).toEqual({
      code,
      platform: 'TAOBAO',
      upstreamCode: shownCode,
      ...(shownMessage ? { upstreamMessage: shownMessage } : {}),
      retryable: true,
      retryAfterMs: 5000,
    });
  });

  it('shows what was wrong with a bad response, as before', () => {
    const err = badResponse('XIAOE', 'list data is not an object');
    expect(err).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      reason: GatewayReason.BadResponse,
      detail: 'list data is not an object',
      upstreamCode: undefined,
      retryable: false,
    });
    expect(extensionsOf(err)).toEqual({
      code: 'UPSTREAM_BAD_RESPONSE',
      platform: 'XIAOE',
      upstreamCode: 'list data is not an object',
      retryable: false,
    });
    expect(err.message).toBe('XIAOE: upstream sent a response the gateway cannot read (list data is not an object)');
  });

  it('maps a 5xx and an unreadable body in http.ts to reasons with their detail', () => {
    const failed = (status: number, body: string): UpstreamError => {
      try {
        parseJsonObject('WECHAT_SHOP', { status, body, headers: {} });
      } catch (err) {
        if (err instanceof UpstreamError) return err;
      }
      throw new Error('expected an UpstreamError');
    };
    expect(failed(503, '{}')).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      reason: GatewayReason.HttpStatus,
      detail: 'HTTP 503',
      upstreamCode: undefined,
      retryable: true,
    });
    expect(extensionsOf(failed(503, '{}'))).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      platform: 'WECHAT_SHOP',
      upstreamCode: 'HTTP 503',
      retryable: true,
    });
    expect(failed(200, '<html>')).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
      reason: GatewayReason.BadResponse,
      detail: 'HTTP 200, body is not JSON',
    });
    expect(failed(200, '[1]')).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE', detail: 'HTTP 200, body is not a JSON object' });
  });

  it("shows a platform error's own fields unchanged", () => {
    const err = upstream(
      upstreamErrorFrom(WECHAT_ERRORS, { code: 45011, message: 'api minute-quota reach limit', requestId: 'rid-1' }, 30_000),
    );
    expect(extensionsOf(err)).toEqual({
      code: 'UPSTREAM_RATE_LIMITED',
      platform: 'WECHAT_SHOP',
      upstreamCode: '45011',
      upstreamMessage: 'api minute-quota reach limit',
      retryable: true,
      retryAfterMs: 30_000,
      requestId: 'rid-1',
    });
  });

  it('never shows the internal stale-token signal: it is not an error meant for clients', () => {
    const stale = upstreamErrorFrom(WECHAT_ERRORS, { code: 40001 });
    expect(stale).toBeInstanceOf(StaleTokenError);
    const original = console.error;
    console.error = () => {};
    try {
      expect(extensionsOf(stale)).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    } finally {
      console.error = original;
    }
  });
});
