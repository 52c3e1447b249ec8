/**
 * TOP `fields` -> the projection applied to each item: top-level names, whole sub-objects by their
 * singular name (`sku` -> `skus: {sku: [...]}`), and single sub-fields (`sku.price`). A name TOP does
 * not know is refused with code 41 [assumption: the real platform's answer to unknown names is not
 * published; refusing keeps a client's typo from passing here and failing there].
 */
import type { TopItem } from '../../../platforms/taobao/topItem';
import { ITEM_SCALAR_FIELDS, ITEM_SUB_OBJECTS, NOT_RETURNED_FIELDS } from './itemFields';

export interface FieldProjection {
  scalars: ReadonlySet<string>;
  /** Container key (`skus`) -> the sub-fields asked for, or 'all'. */
  subObjects: ReadonlyMap<string, ReadonlySet<string> | 'all'>;
}

export type ParsedFields = { ok: true; projection: FieldProjection } | { ok: false; invalid: string };

export function parseTopFields(text: string): ParsedFields {
  const scalars = new Set<string>();
  const subObjects = new Map<string, Set<string> | 'all'>();
  for (const name of text.split(',').map((n) => n.trim())) {
    if (name === '' || NOT_RETURNED_FIELDS.has(name)) continue;
    if (ITEM_SCALAR_FIELDS.has(name)) {
      scalars.add(name);
      continue;
    }
    const [objectName = '', subField, ...extra] = name.split('.');
    const object = ITEM_SUB_OBJECTS.get(objectName);
    if (!object || extra.length > 0 || (subField !== undefined && !object.fields.has(subField))) return { ok: false, invalid: name };
    const current = subObjects.get(object.container);
    if (subField === undefined) subObjects.set(object.container, 'all');
    else if (current === undefined) subObjects.set(object.container, new Set([subField]));
    else if (current !== 'all') current.add(subField);
  }
  return { ok: true, projection: { scalars, subObjects } };
}

/** Every field: what an absent `fields` returns [assumption: the page marks `fields` optional, default unpublished]. */
export const ALL_FIELDS: FieldProjection = {
  scalars: ITEM_SCALAR_FIELDS,
  subObjects: new Map([...ITEM_SUB_OBJECTS.values()].map((o) => [o.container, 'all' as const])),
};

/** A new item holding only the projected fields, in the stored item's key order. The stored item is not touched. */
export function projectItem(item: TopItem, projection: FieldProjection): TopItem {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (projection.scalars.has(key)) {
      out[key] = value;
      continue;
    }
    const sub = projection.subObjects.get(key);
    if (sub === undefined) continue;
    out[key] = sub === 'all' ? value : projectList(value as Record<string, unknown>, sub);
  }
  return out;
}

/** `{sku: [{...}, ...]}` with each element cut down to `fields`. */
function projectList(wrapper: Record<string, unknown>, fields: ReadonlySet<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [singular, list] of Object.entries(wrapper)) {
    out[singular] = (list as Array<Record<string, unknown>>).map((element) => {
      const picked: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(element)) if (fields.has(field)) picked[field] = value;
      return picked;
    });
  }
  return out;
}
