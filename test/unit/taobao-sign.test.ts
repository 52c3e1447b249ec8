import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signTopRequest } from '../../src/platforms/taobao/sign';

// The published vectors of docs/platforms.md, "Taobao: signing and the call envelope" (secret `test`).
const VECTOR_PARAMS = {
  app_key: 'test',
  fields: 'nick',
  format: 'xml',
  method: 'taobao.user.seller.get',
  session: 'test',
  timestamp: '2013-05-06 13:52:03',
  v: '2.0',
};

describe('signTopRequest', () => {
  it('matches the documented md5 vector', () => {
    expect(signTopRequest({ ...VECTOR_PARAMS, sign_method: 'md5' }, 'test', 'md5')).toBe('72CB4D809B375A54502C09360D879C64');
  });

  it('matches the documented hmac vector', () => {
    expect(signTopRequest({ ...VECTOR_PARAMS, sign_method: 'hmac' }, 'test', 'hmac')).toBe('FA15A9D5B42AB2D6F3397843851ED09A');
  });

  it('matches the documented hmac-sha256 vector', () => {
    expect(signTopRequest({ ...VECTOR_PARAMS, sign_method: 'hmac-sha256' }, 'test', 'hmac-sha256')).toBe(
      '267B9C1C7A2FE1CE413DBB95E596616D32107AE0992BE2C22143CFCE303E8E34',
    );
  });

  it('leaves out `sign` and empty values, and does not depend on parameter order', () => {
    const params = { ...VECTOR_PARAMS, sign_method: 'md5' };
    const reordered = Object.fromEntries(Object.entries(params).reverse());
    expect(signTopRequest({ ...reordered, sign: 'ANYTHING', simplify: '' }, 'test', 'md5')).toBe('72CB4D809B375A54502C09360D879C64');
  });

  it('signs non-ASCII values as their UTF-8 bytes', () => {
    const utf8 = createHmac('sha256', 'test').update(Buffer.from('title耐克', 'utf8')).digest('hex').toUpperCase();
    expect(signTopRequest({ title: '耐克' }, 'test', 'hmac-sha256')).toBe(utf8);
  });
});
