/** Mini-program codes -> UpstreamError, in one table. */
import { describe, expect, it } from 'vitest';
import { StaleTokenError, type UpstreamError, shownToClients } from '../../src/platforms/errors';
import { MINIAPP_ERRORS, toMiniappError } from '../../src/platforms/xhs-miniapp/errors';

/** The client-facing error of a `{data, success, msg, code}` envelope, unwrapped from the token layer's signal. */
const mini = (code: unknown, msg: unknown): UpstreamError => {
  const err = toMiniappError({ data: null, success: false, msg, code });
  return err instanceof StaleTokenError ? err.upstream : err;
};

describe('the mini-program error table', () => {
  it.each([
    [2, 'UPSTREAM_UNAVAILABLE', true, false],
    [10001, 'UPSTREAM_AUTH', false, false],
    [10002, 'UPSTREAM_REJECTED', false, false],
    [10003, 'UPSTREAM_AUTH', false, true],
    [10004, 'UPSTREAM_RATE_LIMITED', true, false],
  ] as const)('maps code %i to %s (retryable %s, stale token %s)', (code, gatewayCode, retryable, staleToken) => {
    expect(toMiniappError({ data: null, success: false, msg: 'msg', code }) instanceof StaleTokenError).toBe(staleToken);
    expect(mini(code, 'msg')).toMatchObject({
      platform: 'XHS_MINIAPP',
      code: gatewayCode,
      upstreamCode: String(code),
      upstreamMessage: 'msg',
      retryable,
    });
  });

  it('lists exactly the codes it documents', () => {
    expect([...MINIAPP_ERRORS.rules.keys()].sort((a, b) => a - b)).toEqual([2, 10001, 10002, 10003, 10004]);
  });

  it('reads the retry delay from a rate-limit message, else waits one second', () => {
    expect(mini(10004, '调用过于频繁,请 2 秒后重试').retryAfterMs).toBe(2000);
    expect(mini(10004, undefined).retryAfterMs).toBe(1000);
    expect(mini(2, '系统异常,请稍后重试').retryAfterMs).toBeUndefined();
  });

  it('maps an unknown code to a non-retryable rejection and success:false without code alike', () => {
    expect(toMiniappError({ success: false, msg: 'x', code: 777 })).toMatchObject({
      code: 'UPSTREAM_REJECTED',
      upstreamCode: '777',
      retryable: false,
    });
    const bare = mini(undefined, undefined);
    expect(bare).toMatchObject({ code: 'UPSTREAM_REJECTED', upstreamCode: undefined, detail: 'success=false' });
    expect(shownToClients(bare)).toMatchObject({ upstreamCode: 'success=false' });
  });
});
