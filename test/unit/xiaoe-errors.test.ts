import { describe, expect, it } from 'vitest';
import { StaleTokenError, UpstreamError } from '../../src/platforms/errors';
import { XIAOE_PARAMETER_ERROR, toXiaoeError } from '../../src/platforms/xiaoe/errors';

describe('Xiaoe error table', () => {
  it.each([
    [2008, 'access_token invalid', 'UPSTREAM_AUTH', true, false, undefined],
    [2001, 'invalid secret_key', 'UPSTREAM_AUTH', false, false, undefined],
    [429, 'rate limit exceeded', 'UPSTREAM_RATE_LIMITED', false, true, 10_000],
    [XIAOE_PARAMETER_ERROR, 'invalid parameter', 'UPSTREAM_REJECTED', false, false, undefined],
    [4001, 'something else', 'UPSTREAM_REJECTED', false, false, undefined],
  ])('maps code %i to its gateway error', (code, msg, gatewayCode, staleToken, retryable, retryAfterMs) => {
    const raw = toXiaoeError({ code, msg, data: [] });
    expect(raw instanceof StaleTokenError).toBe(staleToken);
    const err = raw instanceof StaleTokenError ? raw.upstream : raw;
    expect(err).toBeInstanceOf(UpstreamError);
    expect(err).toMatchObject({
      platform: 'XIAOE',
      code: gatewayCode,
      upstreamCode: String(code),
      upstreamMessage: msg,
      retryable,
      retryAfterMs,
    });
  });

  it('names the platform and its code in the message', () => {
    expect(toXiaoeError({ code: 2008, msg: 'access_token invalid' }).message).toBe(
      'XIAOE: upstream rejected the credentials (2008: access_token invalid)',
    );
  });

  it('reads a code sent as digits in a string like the number', () => {
    expect(toXiaoeError({ code: '2001', msg: '' })).toMatchObject({
      code: 'UPSTREAM_AUTH',
      upstreamCode: '2001',
      upstreamMessage: undefined,
    });
  });
});
