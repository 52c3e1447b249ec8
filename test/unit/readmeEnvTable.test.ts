import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { readmeWithEnvTable, renderEnvTable } from '../../scripts/envTable';
import { PLATFORM_MODULES } from '../../src/platforms/registry';

const README_PATH = fileURLToPath(new URL('../../README.md', import.meta.url));
const README = readFileSync(README_PATH, 'utf8');

describe("the README's environment table", () => {
  it('is the one the platform descriptors render (npm run env-table rewrites it)', async () => {
    expect(await readmeWithEnvTable(README, README_PATH)).toBe(README);
  });

  it('has one row per registered platform, with every credential variable', () => {
    const table = renderEnvTable();
    for (const module of PLATFORM_MODULES) {
      const row = table.split('\n').find((line) => line.startsWith(`| ${module.code} |`));
      expect(row).toBeDefined();
      for (const variable of module.credentials.variables) expect(row).toContain(`\`${variable.name}\``);
    }
  });
});
