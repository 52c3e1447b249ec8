import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config';

describe('FEDERATION', () => {
  it('is on by default', () => {
    expect(loadConfig({}).federation).toBe(true);
  });

  it('takes on and off, in any case', () => {
    expect(loadConfig({ FEDERATION: 'off' }).federation).toBe(false);
    expect(loadConfig({ FEDERATION: 'ON' }).federation).toBe(true);
  });

  it('refuses anything else, naming the variable', () => {
    expect(() => loadConfig({ FEDERATION: 'yes' })).toThrow(ConfigError);
    expect(() => loadConfig({ FEDERATION: 'yes' })).toThrow(/^FEDERATION: must be "on" or "off", got "yes"$/);
  });
});
