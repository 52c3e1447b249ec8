import { describe, expect, it } from 'vitest';
import { exampleItem } from '../../src/sandbox/platforms/taobao/exampleItem';
import { parseTopFields, projectItem } from '../../src/sandbox/platforms/taobao/project';

function project(fields: string) {
  const parsed = parseTopFields(fields);
  if (!parsed.ok) throw new Error(`invalid field ${parsed.invalid}`);
  return projectItem(exampleItem(), parsed.projection);
}

describe('TOP fields projection (sandbox)', () => {
  it('keeps only the named top-level fields', () => {
    expect(project('title,num_iid')).toEqual({ num_iid: 1489161932, title: 'Google test item' });
  });

  it('keeps the list wrapper for sub-fields: sku.price -> skus.sku[].price', () => {
    expect(project('sku.price')).toEqual({ skus: { sku: [{ price: '200.07' }] } });
  });

  it('ignores blanks and spaces around names', () => {
    expect(project(' title , ,')).toEqual({ title: 'Google test item' });
  });

  it('names the first unknown field', () => {
    expect(parseTopFields('title,skus,sku.nope')).toEqual({ ok: false, invalid: 'skus' });
    expect(parseTopFields('sku.price.amount')).toEqual({ ok: false, invalid: 'sku.price.amount' });
  });

  it('never changes the stored item', () => {
    const item = exampleItem();
    const before = JSON.stringify(item);
    const parsed = parseTopFields('sku.price,title');
    if (parsed.ok) projectItem(item, parsed.projection);
    expect(JSON.stringify(item)).toBe(before);
  });
});
