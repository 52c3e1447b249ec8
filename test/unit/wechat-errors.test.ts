import { describe, expect, it } from 'vitest';
import { StaleTokenError, UpstreamError } from '../../src/platforms/errors';
import { toWechatError } from '../../src/platforms/wechat/errors';

// 2024-06-01 12:34:56.789 UTC = 20:34:56.789 in Beijing.
const NOW = Date.UTC(2024, 5, 1, 12, 34, 56, 789);

/** The client-facing error of a `{errcode, errmsg}` answer, unwrapped from the token layer's signal. */
const wechat = (errcode: number, errmsg?: string): UpstreamError => {
  const err = toWechatError({ errcode, errmsg }, NOW);
  return err instanceof StaleTokenError ? err.upstream : err;
};

describe('WeChat errors: the errcode table', () => {
  it.each([
    [-1, 'UPSTREAM_UNAVAILABLE', true, false],
    [-2, 'UPSTREAM_AUTH', false, false],
    [40001, 'UPSTREAM_AUTH', false, true],
    [42001, 'UPSTREAM_AUTH', false, true],
    [40014, 'UPSTREAM_AUTH', false, true],
    [41001, 'UPSTREAM_AUTH', false, false],
    [40013, 'UPSTREAM_AUTH', false, false],
    [40125, 'UPSTREAM_AUTH', false, false],
    [48001, 'UPSTREAM_AUTH', false, false],
    [9401021, 'UPSTREAM_AUTH', false, false],
    [45009, 'UPSTREAM_RATE_LIMITED', false, false],
    [45011, 'UPSTREAM_RATE_LIMITED', true, false],
    [9401020, 'UPSTREAM_REJECTED', false, false],
    [9401002, 'UPSTREAM_REJECTED', false, false],
    [9401001, 'UPSTREAM_REJECTED', false, false],
    [9401023, 'UPSTREAM_REJECTED', false, false],
    [47001, 'UPSTREAM_REJECTED', false, false],
    [40002, 'UPSTREAM_REJECTED', false, false],
    [43002, 'UPSTREAM_REJECTED', false, false],
  ])('maps %i to %s (retryable %s, stale token %s)', (errcode, code, retryable, staleToken) => {
    const raw = toWechatError({ errcode, errmsg: 'message' }, NOW);
    expect(raw instanceof StaleTokenError).toBe(staleToken);
    const err = raw instanceof StaleTokenError ? raw.upstream : raw;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({ platform: 'WECHAT_SHOP', code, retryable, upstreamCode: String(errcode), reason: undefined });
    expect('staleToken' in err).toBe(false);
  });

  it('maps a code it does not know to UPSTREAM_REJECTED, not retryable', () => {
    expect(wechat(1234567, 'new error')).toMatchObject({ code: 'UPSTREAM_REJECTED', retryable: false, upstreamCode: '1234567' });
  });

  it('says to retry 45011 (minute quota) at the start of the next minute', () => {
    expect(wechat(45011).retryAfterMs).toBe(60_000 - 56_789);
  });

  it('says 45009 (daily quota) frees up at midnight in Beijing, and is not retryable before', () => {
    const err = wechat(45009);
    expect(err.retryable).toBe(false);
    expect(err.retryAfterMs).toBe(3 * 3_600_000 + 25 * 60_000 + 3_211);
  });

  it('takes the request id out of the message and keeps the message', () => {
    const err = wechat(40001, 'invalid credential, access_token is invalid or not latest rid: 64f1a2b3-1a2b3c4d-5e6f7a8b');
    expect(err.requestId).toBe('64f1a2b3-1a2b3c4d-5e6f7a8b');
    expect(err.upstreamMessage).toBe('invalid credential, access_token is invalid or not latest');
    expect(err.message).toBe(
      'WECHAT_SHOP: upstream rejected the credentials (40001: invalid credential, access_token is invalid or not latest)',
    );
  });

  it('reads the documented 9401020 answer, without a request id when errmsg has none', () => {
    expect(wechat(9401020, 'invalid parameter')).toMatchObject({ upstreamMessage: 'invalid parameter', requestId: undefined });
  });
});
