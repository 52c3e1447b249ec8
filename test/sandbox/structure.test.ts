/**
 * The sandbox's shape (issue 9): it imports nothing from the gateway at run time (type-only imports of
 * shared contracts are erased), and outside its own folder a platform is named only in the registry,
 * platforms/index.ts. Read from the source, so a new import or a new platform table elsewhere fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SANDBOX_PLATFORM_MODULES } from '../../src/sandbox/platforms';

const SANDBOX = resolve(import.meta.dirname, '../../src/sandbox');
const REGISTRY = 'platforms/index.ts';

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Specifiers a file loads at run time: every import and re-export that is not `import type`/`export type`. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && !node.isTypeOnly) out.push((node.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      out.push(arg && ts.isStringLiteral(arg) ? arg.text : '<computed>');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

/** The file's code without its comments: a platform named in prose does not count, in a string it does. */
function codeOf(file: string): string {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  return ts.createPrinter({ removeComments: true }).printFile(source);
}

/** Every spelling a platform has had in code: its code, its slug (with `-`, `_` or nothing), and older stems. */
function spellingsOf(module: (typeof SANDBOX_PLATFORM_MODULES)[number]): RegExp {
  const stems: Record<string, string[]> = {
    TAOBAO: ['\\bTOP\\b', '\\bTop[A-Z]'],
    WECHAT_SHOP: ['weixin'],
    XHS_ARK: ['\\bark\\b', '\\bArk[A-Z]'],
    XHS_MINIAPP: ['\\bMiniapp'],
  };
  const slug = module.slug.split('-').join('[-_]?');
  return new RegExp([module.code, slug, ...(stems[module.code] ?? [])].join('|'), 'i');
}

describe('sandbox structure', () => {
  const files = walk(SANDBOX);

  it('imports nothing from the gateway at run time', () => {
    const outside = files.flatMap((file) =>
      runtimeSpecifiers(file)
        .filter((spec) => !spec.startsWith('node:'))
        .filter((spec) => !spec.startsWith('.') || !resolve(dirname(file), spec).startsWith(`${SANDBOX}/`))
        .map((spec) => `${relative(SANDBOX, file)} -> ${spec}`),
    );
    expect(outside).toEqual([]);
  });

  it('names a platform outside its own folder only in the registry', () => {
    const shared = files.filter((file) => !/^platforms\/[^/]+\//.test(relative(SANDBOX, file)));
    const naming = shared.flatMap((file) => {
      const code = codeOf(file);
      return SANDBOX_PLATFORM_MODULES.filter((module) => spellingsOf(module).test(code)).map(
        (module) => `${relative(SANDBOX, file)}: ${module.code}`,
      );
    });
    expect(naming).toEqual(SANDBOX_PLATFORM_MODULES.map((module) => `${REGISTRY}: ${module.code}`));
  });

  it('has one folder per registered platform, named by its slug', () => {
    const folders = readdirSync(join(SANDBOX, 'platforms')).filter((name) => statSync(join(SANDBOX, 'platforms', name)).isDirectory());
    expect(folders.sort()).toEqual(SANDBOX_PLATFORM_MODULES.map((module) => module.slug).sort());
  });
});
