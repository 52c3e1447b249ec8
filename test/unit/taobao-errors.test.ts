import { describe, expect, it } from 'vitest';
import { StaleTokenError, UpstreamError } from '../../src/platforms/errors';
import { TOP_ERRORS, toTopError } from '../../src/platforms/taobao/errors';

/** The constructor's answer for a TOP `error_response`; no TOP code is a stale token, so always an UpstreamError. */
const top = (response: Record<string, unknown>): UpstreamError => {
  const err = toTopError(response);
  expect(err).toBeInstanceOf(UpstreamError);
  return err as UpstreamError;
};
const map = (code: number, extra: Record<string, string> = {}) => top({ code, msg: 'm', request_id: 'r1', ...extra });
const brief = (err: UpstreamError) => ({ code: err.code, retryable: err.retryable, staleToken: err instanceof StaleTokenError });

describe('toTopError (docs/resilience.md, Taobao error table; docs/platforms.md, "Taobao: error codes")', () => {
  it('maps 7 to UPSTREAM_RATE_LIMITED, retrying after the ban seconds', () => {
    const err = map(7, { sub_code: 'accesscontrol.limited-by-app-access-count', sub_msg: 'This ban will last for 13 more seconds' });
    expect(err).toBeInstanceOf(UpstreamError);
    expect(brief(err)).toEqual({ code: 'UPSTREAM_RATE_LIMITED', retryable: true, staleToken: false });
    expect(err.retryAfterMs).toBe(13_000);
    expect(err.upstreamCode).toBe('7/accesscontrol.limited-by-app-access-count');
    expect(err.requestId).toBe('r1');
  });

  it('maps 7 without a ban message to a retryable rate limit with no delay', () => {
    expect(map(7).retryAfterMs).toBeUndefined();
    expect(map(7).code).toBe('UPSTREAM_RATE_LIMITED');
  });

  it('maps 10 to a retryable UPSTREAM_UNAVAILABLE', () => {
    expect(brief(map(10))).toEqual({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, staleToken: false });
  });

  it.each([11, 12])('maps %i (insufficient permissions) to UPSTREAM_AUTH', (code) => {
    expect(brief(map(code))).toEqual({ code: 'UPSTREAM_AUTH', retryable: false, staleToken: false });
  });

  it('maps 15 with an isp.* sub_code to a retryable UPSTREAM_UNAVAILABLE', () => {
    expect(brief(map(15, { sub_code: 'isp.remote-service-timeout' }))).toEqual({
      code: 'UPSTREAM_UNAVAILABLE',
      retryable: true,
      staleToken: false,
    });
  });

  it('maps 15 with an isv.* sub_code to a final UPSTREAM_REJECTED', () => {
    expect(brief(map(15, { sub_code: 'isv.item-not-exist' }))).toEqual({ code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false });
  });

  it('maps the API page example (50, isv.invalid-parameter) to UPSTREAM_REJECTED', () => {
    const err = top({ code: 50, msg: 'Remote service error', sub_code: 'isv.invalid-parameter', sub_msg: '非法参数' });
    expect(brief(err)).toEqual({ code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false });
    expect(err.upstreamMessage).toBe('Remote service error: 非法参数');
    expect(err).toMatchObject({ platform: 'TAOBAO', upstreamCode: '50/isv.invalid-parameter', reason: undefined, requestId: undefined });
  });

  it("maps the protocol notes' example (25, Invalid signature, no sub code) to UPSTREAM_AUTH", () => {
    const err = top({ code: 25, msg: 'Invalid signature', request_id: '3b1a' });
    expect(err).toMatchObject({
      code: 'UPSTREAM_AUTH',
      upstreamCode: '25',
      upstreamMessage: 'Invalid signature',
      requestId: '3b1a',
      retryable: false,
    });
    expect(err.message).toBe('TAOBAO: upstream rejected the credentials (25: Invalid signature)');
  });

  it.each([21, 22, 40, 41])('maps %i (method or arguments) to UPSTREAM_REJECTED', (code) => {
    expect(brief(map(code))).toEqual({ code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false });
  });

  it.each([24, 25, 26, 27, 28, 29, 30, 31])('maps %i (signature, session, app key, timestamp) to UPSTREAM_AUTH', (code) => {
    expect(brief(map(code))).toEqual({ code: 'UPSTREAM_AUTH', retryable: false, staleToken: false });
  });

  it('maps an unknown code to UPSTREAM_REJECTED and keeps the code', () => {
    const err = map(999);
    expect(brief(err)).toEqual({ code: 'UPSTREAM_REJECTED', retryable: false, staleToken: false });
    expect(err.upstreamCode).toBe('999');
    expect(err.message).toContain('999');
  });

  it('has no stale-token rule (TOP sessions are re-authorized by the merchant)', () => {
    expect([...TOP_ERRORS.rules.values()].some((rule) => rule.staleToken)).toBe(false);
  });
});
