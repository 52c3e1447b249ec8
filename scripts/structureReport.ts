/**
 * `npx tsx scripts/structureReport.ts`: the structure figures of issue 9, from the source itself.
 * - per platform, the files under src/ (generated code aside) outside the platform's own folders that name it;
 * - the import graph of src/'s top-level folders (runtime imports only: `import type` is erased) and its cycles;
 * - the largest files.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');

/** Every spelling a platform has had in code: codes, prefixes, slugs, type-name stems. */
const SPELLINGS: Record<string, { pattern: RegExp; folders: string[] }> = {
  TAOBAO: { pattern: /taobao|Taobao|TAOBAO|\bTOP\b|\bTop[A-Z]/, folders: ['src/platforms/taobao/', 'src/sandbox/platforms/taobao/'] },
  XIAOE: { pattern: /xiaoe/i, folders: ['src/platforms/xiaoe/', 'src/sandbox/platforms/xiaoe/'] },
  WECHAT_SHOP: { pattern: /wechat|weixin/i, folders: ['src/platforms/wechat/', 'src/sandbox/platforms/wechat/'] },
  XHS_ARK: { pattern: /xhs[-_]?ark|\bark\b|\bArk[A-Z]/i, folders: ['src/platforms/xhs-ark/', 'src/sandbox/platforms/xhs-ark/'] },
  XHS_MINIAPP: {
    pattern: /xhs[-_]?miniapp|XhsMiniapp|XHS_MINIAPP|\bMiniapp/,
    folders: ['src/platforms/xhs-miniapp/', 'src/sandbox/platforms/xhs-miniapp/'],
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const files = walk(SRC)
  .filter((f) => /\.(ts|md)$/.test(f) && !f.includes('/generated/'))
  .map((f) => relative(ROOT, f));
files.push(...walk(join(ROOT, 'schema')).map((f) => relative(ROOT, f)));

/** A file's code without its comments (and SDL descriptions): a platform named as an example does not count. */
function codeOf(file: string): string {
  const text = readFileSync(join(ROOT, file), 'utf8');
  if (file.endsWith('.graphql')) return text.replace(/"""[\s\S]*?"""|"[^"\n]*"|#.*$/gm, '');
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const readers = [
  ['code (.ts and .graphql, comments aside)', (f: string) => (f.endsWith('.md') ? '' : codeOf(f))],
  ['any text (comments and .md included)', (f: string) => readFileSync(join(ROOT, f), 'utf8')],
] as const;
for (const [label, read] of readers) {
  console.log(`Files naming a platform outside its own folders, ${label}:`);
  const naming = new Set<string>();
  for (const [code, { pattern, folders }] of Object.entries(SPELLINGS)) {
    const hits = files.filter((f) => !folders.some((d) => f.startsWith(d)) && pattern.test(read(f)));
    hits.forEach((f) => naming.add(f));
    console.log(`  ${code.padEnd(12)} ${String(hits.length).padStart(3)}  ${hits.join(' ')}`);
  }
  const gateway = [...naming].filter((f) => f.startsWith('src/') && !f.startsWith('src/sandbox/'));
  console.log(`  any platform ${String(naming.size).padStart(3)}; in src/ outside src/sandbox: ${gateway.length}\n`);
}

/** Runtime import specifiers of a file (`import type`/`export type` and all-type specifier lists are erased). */
function runtimeImports(text: string): string[] {
  const out: string[] = [];
  const re = /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+'([^']+)'|^import\s+'([^']+)'|import\('([^']+)'\)/gm;
  for (const m of text.matchAll(re)) {
    if (m[4] ?? m[5]) {
      out.push((m[4] ?? m[5])!);
      continue;
    }
    if (m[1]) continue;
    const clause = m[2] ?? '';
    const braces = /\{([^}]*)\}/.exec(clause);
    const hasDefault = /^[A-Za-z_$][\w$]*\s*(,|$)/.test(clause.trim()) || clause.includes('*');
    const values = braces
      ? braces[1]!
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s && !s.startsWith('type '))
      : [];
    if (hasDefault || values.length > 0 || !braces) out.push(m[3]!);
  }
  return out;
}

const topOf = (file: string): string => {
  const rel = relative(SRC, file).split('/');
  return rel.length === 1 ? rel[0]!.replace(/\.ts$/, '') : rel[0]!;
};
const edges = new Map<string, Set<string>>();
for (const f of walk(SRC).filter((f) => f.endsWith('.ts') && !f.includes('/generated/'))) {
  for (const spec of runtimeImports(readFileSync(f, 'utf8'))) {
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(f), spec);
    const from = topOf(f);
    const to = topOf(target.endsWith('.ts') ? target : `${target}.ts`);
    if (from === to) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
  }
}
console.log('\nFolder-level runtime imports (src/<folder>):');
for (const [from, tos] of [...edges].sort()) console.log(`  ${from} -> ${[...tos].sort().join(', ')}`);

// Tarjan's strongly connected components: each component of more than one folder is a cycle.
const index = new Map<string, number>();
const low = new Map<string, number>();
const stack: string[] = [];
const onStack = new Set<string>();
const components: string[][] = [];
let counter = 0;
function connect(v: string): void {
  index.set(v, counter);
  low.set(v, counter++);
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!index.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
  }
  if (low.get(v) === index.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) components.push(component.sort());
  }
}
for (const v of edges.keys()) if (!index.has(v)) connect(v);
console.log(`Folder cycles: ${components.length}${components.map((c) => `\n  {${c.join(', ')}}`).join('')}`);

const sizes = walk(SRC)
  .filter((f) => f.endsWith('.ts') && !f.includes('/generated/'))
  .map((f) => ({ f: relative(ROOT, f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
  .sort((a, b) => b.lines - a.lines);
console.log(
  `\nLargest files:\n${sizes
    .slice(0, 6)
    .map((s) => `  ${String(s.lines).padStart(4)} ${s.f}`)
    .join('\n')}`,
);
