import { describe, expect, it } from 'vitest';
import { signArkRequest } from '../../src/platforms/xhs-ark/sign';

// docs/platforms.md, "Xiaohongshu Ark: signing and the envelope": the published vector.
const VECTOR = {
  path: '/ark/open_api/v1/items',
  params: { 'app-key': 'xhs', page_no: '1', page_size: '50', status: '0', timestamp: '1469902537' },
  secret: '9a539709cafc1efc9ef05838be468a28',
  sign: '72be6fad4dd0e5104dbdebbcdadb2a06',
};

describe('signArkRequest', () => {
  it('reproduces the documented vector', () => {
    expect(signArkRequest(VECTOR.path, VECTOR.params, VECTOR.secret)).toBe(VECTOR.sign);
  });

  it('sorts parameters by name whatever order they come in', () => {
    const shuffled = { timestamp: '1469902537', status: 0, page_size: 50, 'app-key': 'xhs', page_no: 1 };
    expect(signArkRequest(VECTOR.path, shuffled, VECTOR.secret)).toBe(VECTOR.sign);
  });

  it('changes with any parameter, the path or the secret', () => {
    expect(signArkRequest(VECTOR.path, { ...VECTOR.params, page_no: '2' }, VECTOR.secret)).not.toBe(VECTOR.sign);
    expect(signArkRequest('/ark/open_api/v1/item', VECTOR.params, VECTOR.secret)).not.toBe(VECTOR.sign);
    expect(signArkRequest(VECTOR.path, VECTOR.params, 'another-secret')).not.toBe(VECTOR.sign);
  });

  it('answers lowercase hex', () => {
    expect(signArkRequest(VECTOR.path, { 'app-key': 'k', timestamp: '1' }, 's')).toMatch(/^[0-9a-f]{32}$/);
  });
});
