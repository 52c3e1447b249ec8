/**
 * TENANTS_FILE: `{ "tenants": [ ... ] }` in JSON, or the same in YAML (`.yaml`/`.yml`). Re-read on every
 * refresh, so an edited file takes effect within TENANTS_REFRESH_MS.
 */
import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { isRecord } from '../util/isRecord';
import type { TenantSource } from './tenantSource';

export function fileTenantSource(path: string): TenantSource {
  return {
    description: `tenants file ${path}`,
    async load() {
      const text = await readFile(path, 'utf8');
      const doc: unknown = /\.ya?ml$/i.test(path) ? parseYaml(text) : JSON.parse(text);
      if (!isRecord(doc) || !Array.isArray(doc.tenants)) throw new Error(`${path} must hold an object with a "tenants" list`);
      return doc.tenants as unknown[];
    },
    close: async () => {},
  };
}
