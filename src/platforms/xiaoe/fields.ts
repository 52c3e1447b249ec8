/**
 * ProductSelection -> the detail call's `body` (goods detail 2.0: "传“stock”查询库存信息,传sku查sku相关
 * 信息,传attr查属性相关信息,不传则不查附属信息"). Only the blocks the selection needs are asked for, in the
 * page's own order "stock,sku,attr"; a selection that needs none sends no `body` at all.
 */
import type { ProductSelection } from '../types';

type Block = 'stock' | 'sku' | 'attr';

const BLOCK_ORDER: readonly Block[] = ['stock', 'sku', 'attr'];

/** The blocks one selected path needs. */
function blocksFor(path: string): Block[] {
  const root = path.split('.', 1)[0];
  if (root === 'raw') return ['stock', 'sku', 'attr'];
  // Product stock is the sum over SKUs that are not deleted, which only the sku block says (mapper.ts).
  if (root === 'stock') return ['stock', 'sku'];
  if (root === 'attributes') return ['attr'];
  if (root !== 'skus') return [];
  // Xiaoe only says which SKUs exist in the `sku` block, so any SKU field needs it (even `skus.id`);
  // SKU stock lives in the `stock` block, keyed by sku_id.
  return path === 'skus.stock' || path.startsWith('skus.stock.') ? ['sku', 'stock'] : ['sku'];
}

export function toDetailBody(selection: ProductSelection): string | undefined {
  const wanted = new Set<Block>();
  for (const path of selection) for (const block of blocksFor(path)) wanted.add(block);
  return wanted.size === 0 ? undefined : BLOCK_ORDER.filter((b) => wanted.has(b)).join(',');
}
