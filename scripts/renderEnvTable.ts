/** `npm run env-table`: rewrites the README's per-platform environment table from the platform descriptors. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readmeWithEnvTable } from './envTable';

const path = join(import.meta.dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = await readmeWithEnvTable(before, path);
writeFileSync(path, after);
console.log(after === before ? 'README.md: the environment table is up to date' : 'README.md: environment table rewritten');
