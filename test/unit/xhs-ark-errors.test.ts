/** Ark error codes -> UpstreamError (one table), and how a response becomes a page or an error. */
import { describe, expect, it } from 'vitest';
import { GatewayReason, StaleTokenError, UpstreamError, shownToClients } from '../../src/platforms/errors';
import { readItemsPage, toQueryParams } from '../../src/platforms/xhs-ark/client';
import { ARK_ERRORS, toArkError } from '../../src/platforms/xhs-ark/errors';
import type { UpstreamResponse } from '../../src/platforms/http';

const json = (body: unknown, status = 200, headers: Record<string, string> = {}): UpstreamResponse => ({
  status,
  body: JSON.stringify(body),
  headers,
});
const errorOf = (fn: () => unknown): UpstreamError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UpstreamError) return err;
    throw err;
  }
  throw new Error('expected an UpstreamError');
};

/** An Ark error envelope as the API page shapes it. */
const envelope = (error_code: unknown, error_msg: unknown) => ({ error_code, error_msg, success: false, data: null });
const ark = (code: unknown, msg: unknown): UpstreamError => {
  const err = toArkError(envelope(code, msg));
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
};

describe('the Ark error table', () => {
  it.each([
    [1001, 'UPSTREAM_AUTH', false],
    [1002, 'UPSTREAM_AUTH', false],
    [1003, 'UPSTREAM_REJECTED', false],
    [429, 'UPSTREAM_RATE_LIMITED', true],
  ] as const)('maps error_code %i to %s (retryable %s), never a stale token', (code, gatewayCode, retryable) => {
    const err = toArkError(envelope(code, 'msg'));
    expect(err).not.toBeInstanceOf(StaleTokenError);
    expect(err).toMatchObject({
      platform: 'XHS_ARK',
      code: gatewayCode,
      upstreamCode: String(code),
      upstreamMessage: 'msg',
      retryable,
      reason: undefined,
    });
  });

  it('lists exactly the codes it documents', () => {
    expect([...ARK_ERRORS.rules.keys()].sort((a, b) => a - b)).toEqual([429, 1001, 1002, 1003]);
  });

  it('reads the retry delay from a rate-limit message, else waits one second', () => {
    expect(ark(429, '调用过于频繁,请 3 秒后重试').retryAfterMs).toBe(3000);
    expect(ark(429, 'too many requests').retryAfterMs).toBe(1000);
    expect(ark(1001, '请 3 秒后重试').retryAfterMs).toBeUndefined();
  });

  it('maps an unknown code to a non-retryable rejection that keeps the code', () => {
    expect(ark(9999, 'boom')).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: '9999', retryable: false });
  });
});

describe('readItemsPage', () => {
  const page = { current_page: 2, page_size: 50, total: 51, hits: [{ item: { id: '58e5a8e4c9d7597de8649ab5' } }] };

  it('returns the data of a successful envelope', () => {
    expect(readItemsPage(json({ error_code: 0, error_msg: null, success: true, data: page }))).toEqual(page);
  });

  it('throws the table error of an error envelope, whatever the HTTP status', () => {
    const body = { error_code: 1001, error_msg: '签名错误', success: false, data: null };
    expect(errorOf(() => readItemsPage(json(body)))).toMatchObject({ code: 'UPSTREAM_AUTH', upstreamCode: '1001' });
    expect(errorOf(() => readItemsPage(json({ ...body, error_code: 429 }, 429)))).toMatchObject({ code: 'UPSTREAM_RATE_LIMITED' });
  });

  it('treats success:false without a code as a rejection', () => {
    const err = errorOf(() => readItemsPage(json({ success: false })));
    expect(err).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: undefined, detail: 'success=false' });
    expect(shownToClients(err)).toMatchObject({ upstreamCode: 'success=false' });
  });

  it('maps a bare HTTP 429 to rate limited, with its Retry-After', () => {
    const res: UpstreamResponse = { status: 429, body: 'Too Many Requests', headers: { 'retry-after': '7' } };
    const err = errorOf(() => readItemsPage(res));
    expect(err).toMatchObject({
      code: 'UPSTREAM_RATE_LIMITED',
      retryable: true,
      retryAfterMs: 7000,
      upstreamCode: undefined,
      reason: GatewayReason.HttpStatus,
    });
    expect(shownToClients(err).upstreamCode).toBe('HTTP 429');
  });

  it('maps 5xx to unavailable and an HTML page to a bad response', () => {
    expect(errorOf(() => readItemsPage({ status: 502, body: '<html></html>', headers: {} }))).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
    });
    expect(errorOf(() => readItemsPage({ status: 200, body: '<html></html>', headers: {} }))).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });

  it('rejects a page without hits, or with a hit that has no item id', () => {
    const ok = { error_code: 0, error_msg: null, success: true };
    expect(errorOf(() => readItemsPage(json({ ...ok, data: { total: 1 } })))).toMatchObject({ code: 'UPSTREAM_BAD_RESPONSE' });
    expect(errorOf(() => readItemsPage(json({ ...ok, data: { ...page, hits: [{ item: {} }] } })))).toMatchObject({
      code: 'UPSTREAM_BAD_RESPONSE',
    });
  });
});

describe('toQueryParams', () => {
  it('sends the given parameters as text and leaves absent ones out', () => {
    expect(toQueryParams({ status: 0, page_no: 1, buyable: false, stock_gte: undefined })).toEqual({
      status: '0',
      page_no: '1',
      buyable: 'false',
    });
  });

  it('refuses a non-integer number', () => {
    expect(() => toQueryParams({ page_no: 1.5 })).toThrow(TypeError);
  });
});
