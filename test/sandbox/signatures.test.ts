/**
 * The sandbox's own signature checks, against the vectors the platforms' documentation publishes
 * (docs/platforms.md, "Taobao: signing and the call envelope" and "Xiaohongshu Ark: signing and the
 * envelope"). The sandbox must not share the gateway's signing code, so these vectors, not the
 * gateway's signer, are what tell a right check from a wrong one.
 */
import { describe, expect, it } from 'vitest';
import { arkExpectedSign } from '../../src/sandbox/platforms/xhs-ark/auth';
import { expectedTopSign, isTopSignMethod } from '../../src/sandbox/platforms/taobao/topSign';

/** TOP's published example: secret `test`, these parameters, `sign_method` set to the method checked. */
const TOP_VECTOR = {
  app_key: 'test',
  fields: 'nick',
  format: 'xml',
  method: 'taobao.user.seller.get',
  session: 'test',
  timestamp: '2013-05-06 13:52:03',
  v: '2.0',
};

describe('TOP signature (the sandbox own check)', () => {
  it.each([
    ['md5', '72CB4D809B375A54502C09360D879C64'],
    ['hmac', 'FA15A9D5B42AB2D6F3397843851ED09A'],
    ['hmac-sha256', '267B9C1C7A2FE1CE413DBB95E596616D32107AE0992BE2C22143CFCE303E8E34'],
  ] as const)('gives the published %s vector', (method, sign) => {
    expect(expectedTopSign({ ...TOP_VECTOR, sign_method: method }, 'test', method)).toBe(sign);
  });

  it('ignores `sign` and empty values, and the order the parameters come in', () => {
    const reordered = {
      v: '2.0',
      timestamp: '2013-05-06 13:52:03',
      sign_method: 'md5',
      session: 'test',
      method: 'taobao.user.seller.get',
      format: 'xml',
      fields: 'nick',
      app_key: 'test',
    };
    expect(expectedTopSign({ ...reordered, sign: 'ANYTHING', simplify: '' }, 'test', 'md5')).toBe('72CB4D809B375A54502C09360D879C64');
  });

  it('changes with the secret and with any signed value', () => {
    const params = { ...TOP_VECTOR, sign_method: 'md5' };
    expect(expectedTopSign(params, 'other', 'md5')).not.toBe('72CB4D809B375A54502C09360D879C64');
    expect(expectedTopSign({ ...params, fields: 'nick,type' }, 'test', 'md5')).not.toBe('72CB4D809B375A54502C09360D879C64');
  });

  it('knows the three documented sign methods only', () => {
    expect(['md5', 'hmac', 'hmac-sha256'].every(isTopSignMethod)).toBe(true);
    expect(['sha1', 'MD5', 'hmac-sha1', ''].some(isTopSignMethod)).toBe(false);
  });
});

describe('Ark signature (the sandbox own check)', () => {
  // Published vector: GET /ark/open_api/v1/items?page_no=1&page_size=50&status=0, app-key xhs,
  // timestamp 1469902537, secret 9a539709cafc1efc9ef05838be468a28 -> 72be6fad4dd0e5104dbdebbcdadb2a06, the
  // MD5 of `/ark/open_api/v1/items?app-key=xhs&page_no=1&page_size=50&status=0&timestamp=1469902537`
  // followed by the secret.
  const secret = '9a539709cafc1efc9ef05838be468a28';

  it('gives the published vector', () => {
    const query = new URLSearchParams('page_no=1&page_size=50&status=0');
    expect(arkExpectedSign('/ark/open_api/v1/items', query, 'xhs', '1469902537', secret)).toBe('72be6fad4dd0e5104dbdebbcdadb2a06');
  });

  it('sorts the parameters by name whatever order the query has them in', () => {
    const query = new URLSearchParams('status=0&page_size=50&page_no=1');
    expect(arkExpectedSign('/ark/open_api/v1/items', query, 'xhs', '1469902537', secret)).toBe('72be6fad4dd0e5104dbdebbcdadb2a06');
  });

  it('changes with the secret, the path, the timestamp and the query', () => {
    const query = new URLSearchParams('page_no=1&page_size=50&status=0');
    const signs = [
      arkExpectedSign('/ark/open_api/v1/items', query, 'xhs', '1469902537', `${secret}x`),
      arkExpectedSign('/ark/open_api/v1/item', query, 'xhs', '1469902537', secret),
      arkExpectedSign('/ark/open_api/v1/items', query, 'xhs', '1469902538', secret),
      arkExpectedSign('/ark/open_api/v1/items', new URLSearchParams('page_no=2&page_size=50&status=0'), 'xhs', '1469902537', secret),
    ];
    expect(signs).not.toContain('72be6fad4dd0e5104dbdebbcdadb2a06');
    expect(new Set(signs).size).toBe(4);
  });
});
