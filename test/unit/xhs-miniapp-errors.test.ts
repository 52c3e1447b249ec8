/** Mini-program codes -> UpstreamError, in one table. */
import { describe, expect, it } from 'vitest';
import { MINIAPP_ERRORS, toMiniappError } from '../../src/platforms/xhs-miniapp/errors';

describe('the mini-program error table', () => {
  it.each([
    [2, 'UPSTREAM_UNAVAILABLE', true, false],
    [10001, 'UPSTREAM_AUTH', false, false],
    [10002, 'UPSTREAM_REJECTED', false, false],
    [10003, 'UPSTREAM_AUTH', false, true],
    [10004, 'UPSTREAM_RATE_LIMITED', true, false],
  ] as const)('maps code %i to %s (retryable %s, stale token %s)', (code, gatewayCode, retryable, staleToken) => {
    expect(toMiniappError(code, 'msg')).toMatchObject({ platform: 'XHS_MINIAPP', code: gatewayCode, upstreamCode: String(code), upstreamMessage: 'msg', retryable, staleToken });
  });

  it('lists exactly the codes it documents', () => {
    expect([...MINIAPP_ERRORS.keys()].sort((a, b) => a - b)).toEqual([2, 10001, 10002, 10003, 10004]);
  });

  it('reads the retry delay from a rate-limit message, else waits one second', () => {
    expect(toMiniappError(10004, '调用过于频繁,请 2 秒后重试').retryAfterMs).toBe(2000);
    expect(toMiniappError(10004, undefined).retryAfterMs).toBe(1000);
    expect(toMiniappError(2, '系统异常,请稍后重试').retryAfterMs).toBeUndefined();
  });

  it('maps an unknown code to a non-retryable rejection and success:false without code alike', () => {
    expect(toMiniappError(777, 'x')).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: '777', retryable: false, staleToken: false });
    expect(toMiniappError(undefined, undefined)).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: 'success=false' });
  });
});
