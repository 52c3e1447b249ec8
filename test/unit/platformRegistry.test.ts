import { readFileSync } from 'node:fs';
import { buildSchema, type GraphQLEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PLATFORM_CODES, PLATFORM_MODULES } from '../../src/platforms/registry';

const SDL = ['scalars', 'platform'].map((name) => readFileSync(new URL(`../../schema/${name}.graphql`, import.meta.url), 'utf8'));

describe('the platform registry', () => {
  it("lists one module per PlatformCode of the schema, in the schema's order", () => {
    const schema = buildSchema(SDL.join('\n'), { assumeValidSDL: true });
    const codes = (schema.getType('PlatformCode') as GraphQLEnumType).getValues().map((value) => value.name);
    expect(PLATFORM_CODES).toEqual(codes);
  });

  it.each(PLATFORM_MODULES.map((module) => [module.code, module] as const))(
    '%s: one spelling, its own error table and variables',
    (code, module) => {
      expect(module.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(module.errors.platform).toBe(code);
      for (const variable of module.credentials.variables) expect(variable.name.startsWith(`${module.envPrefix}_`)).toBe(true);
      const adapter = module.createAdapter({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 });
      expect(adapter.code).toBe(code);
      expect(adapter.lookup !== undefined || adapter.listing !== undefined).toBe(true);
    },
  );
});
