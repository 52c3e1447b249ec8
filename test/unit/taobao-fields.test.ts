import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_ITEM_FIELDS, PRODUCT_FIELD_SOURCES, SKU_FIELD_SOURCES, toTopFields } from '../../src/platforms/taobao/fields';

const fields = (...paths: string[]) => toTopFields(new Set(paths));

describe('toTopFields', () => {
  it('asks for a title alone as num_iid,title', () => {
    expect(fields('title')).toBe('num_iid,title');
  });

  it('asks for the ids only (num_iid) when only identity is selected', () => {
    expect(fields('id', 'platform', 'platformProductId', 'audit', 'audit.state')).toBe('num_iid');
  });

  it('adds sku.price and sku.sku_id for skus { price { amount } }', () => {
    expect(fields('skus', 'skus.price', 'skus.price.amount')).toBe('num_iid,sku.price,sku.sku_id');
  });

  it('asks for sku.sku_id alone for skus { id }', () => {
    expect(fields('skus', 'skus.id')).toBe('num_iid,sku.sku_id');
  });

  it('prices from the SKU prices and statuses (deleted SKUs do not count), the item price as fallback', () => {
    expect(fields('price', 'price.min', 'price.min.amount')).toBe('num_iid,price,sku.price,sku.status');
  });

  it('needs num for the status (onsale with stock 0 is SOLD_OUT)', () => {
    expect(fields('status', 'rawStatus')).toBe('approve_status,num,num_iid');
  });

  it('maps every other field to its sources, sorted and without duplicates', () => {
    expect(fields('images', 'brand', 'attributes', 'attributes.name', 'stock', 'stock.available', 'createdAt', 'updatedAt')).toBe(
      'created,item_img.position,item_img.url,modified,num,num_iid,pic_url,props_name',
    );
    expect(fields('skus', 'skus.stock', 'skus.status', 'skus.name', 'skus.properties', 'skus.barcode', 'skus.outerId', 'skus.image')).toBe(
      'approve_status,num,num_iid,sku.barcode,sku.outer_id,sku.pic_url,sku.properties_name,sku.quantity,sku.sku_id,sku.status',
    );
  });

  it('asks for every Item field, whole sub-objects included, when raw is selected', () => {
    expect(fields('title', 'raw')).toBe(ALL_ITEM_FIELDS.join(','));
    expect(ALL_ITEM_FIELDS).toEqual([...ALL_ITEM_FIELDS].sort());
    expect(ALL_ITEM_FIELDS).toEqual(expect.arrayContaining(['num_iid', 'sku', 'item_img', 'prop_img', 'video']));
    expect(ALL_ITEM_FIELDS).not.toEqual(expect.arrayContaining(['sold_quantity']));
  });

  it('fetches everything for a path it has no mapping for, rather than leaving it empty', () => {
    expect(fields('title', 'somethingNew')).toBe(ALL_ITEM_FIELDS.join(','));
  });

  it('has a source entry for every Product and Sku field of the schema', () => {
    const dir = fileURLToPath(new URL('../../schema/', import.meta.url));
    const sdl = readdirSync(dir)
      .filter((f) => f.endsWith('.graphql'))
      .map((f) => readFileSync(dir + f, 'utf8'))
      .join('\n');
    // The SDL uses the Federation directives (@key, @shareable), which buildSchema does not declare.
    const schema = buildSchema(sdl, { assumeValidSDL: true });
    const names = (type: string) =>
      Object.keys((schema.getType(type) as GraphQLObjectType).getFields())
        .filter((n) => n !== 'raw')
        .sort();
    expect(Object.keys(PRODUCT_FIELD_SOURCES).sort()).toEqual(names('Product'));
    expect(Object.keys(SKU_FIELD_SOURCES).sort()).toEqual(names('Sku'));
  });
});
