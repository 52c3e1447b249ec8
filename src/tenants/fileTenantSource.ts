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
      const doc = parseDocument(path, text);
      if (!isRecord(doc) || !Array.isArray(doc.tenants)) throw new Error(`${path} must hold an object with a "tenants" list`);
      return doc.tenants as unknown[];
    },
    close: async () => {},
  };
}

/** The parsed file. Parser messages quote the text around the fault (a digest, a sealed secret), so none is passed on. */
function parseDocument(path: string, text: string): unknown {
  const yaml = /\.ya?ml$/i.test(path);
  try {
    return yaml ? parseYaml(text) : JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid ${yaml ? 'YAML' : 'JSON'}`);
  }
}
