/**
 * The detail call's `body` parameter: "传“stock”查询库存信息,传sku查sku相关信息,传attr查属性相关信息,
 * 不传则不查附属信息" (detail page). Comma-separated; an unknown word is a parameter error.
 */
import { ParameterProblem } from './params';

export const BLOCK_NAMES: ReadonlySet<string> = new Set(['stock', 'sku', 'attr']);

export function parseBlocks(body: string | undefined): ReadonlySet<string> {
  const blocks = new Set<string>();
  for (const word of (body ?? '').split(',')) {
    const name = word.trim();
    if (name === '') continue;
    if (!BLOCK_NAMES.has(name)) throw new ParameterProblem(`body may only name stock, sku, attr; got "${name}"`);
    blocks.add(name);
  }
  return blocks;
}

/** The record with only the asked-for blocks: a block not asked for has no key at all. */
export function withBlocks(record: Readonly<Record<string, unknown>>, blocks: ReadonlySet<string>): Readonly<Record<string, unknown>> {
  if (blocks.size === BLOCK_NAMES.size) return record;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    if (!BLOCK_NAMES.has(key) || blocks.has(key)) out[key] = record[key];
  }
  return out;
}
