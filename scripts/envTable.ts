/**
 * The README's per-platform environment table, rendered from the platform descriptors, so the README
 * cannot drift from the code: `npm run env-table` rewrites it, and a test fails when they differ.
 */
import { PLATFORM_MODULES } from '../src/platforms/registry';
import type { CredentialVariable } from '../src/platforms/types';
import * as prettier from 'prettier';

export const ENV_TABLE_START = '<!-- env-table:start (npm run env-table writes this part) -->';
export const ENV_TABLE_END = '<!-- env-table:end -->';

function credentialText(variable: CredentialVariable): string {
  if (!variable.oneOf) return `\`${variable.name}\``;
  const values = variable.oneOf.map((value) => (value === variable.default ? `\`${value}\` default` : `\`${value}\``));
  return `\`${variable.name}\` (${values.join(', ')})`;
}

export function renderEnvTable(): string {
  const prefixes = PLATFORM_MODULES.map((module) => `\`${module.envPrefix}\``);
  const rows = PLATFORM_MODULES.map((module) =>
    [
      module.code,
      `\`${module.envPrefix}\``,
      module.credentials.variables.map(credentialText).join(', '),
      String(module.defaultTimeoutMs),
      module.documentedQuota ? `\`${module.documentedQuota.limit}/${module.documentedQuota.windowMs / 1000}s\` (documented)` : 'none',
      module.realBaseUrl,
    ].join(' | '),
  );
  return [
    `\`<P>\` is ${prefixes.slice(0, -1).join(', ')} or ${prefixes.at(-1)}.`,
    '',
    '| platform | `<P>` | credentials | `<P>_TIMEOUT_MS` default | `<P>_RATE_LIMIT` default | real host (`<P>_BASE_URL` overrides) |',
    '|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** The README with its table section replaced by the rendered table, formatted as `npm run lint` wants it (Prettier). */
export async function readmeWithEnvTable(readme: string, readmePath: string): Promise<string> {
  const options = (await prettier.resolveConfig(readmePath)) ?? {};
  return prettier.format(withEnvTable(readme, renderEnvTable()), { ...options, filepath: readmePath });
}

/** The README with its table section replaced by `table`. */
export function withEnvTable(readme: string, table: string): string {
  const start = readme.indexOf(ENV_TABLE_START);
  const end = readme.indexOf(ENV_TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md lacks the ${ENV_TABLE_START} ... ${ENV_TABLE_END} markers`);
  return `${readme.slice(0, start + ENV_TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
