/**
 * The merge behind `PATCH /__sandbox/products/...`: objects merge key by key, recursively; arrays,
 * scalars and null replace what was there. The inputs are not touched; unchanged branches are shared.
 */

export type JsonObject = Record<string, unknown>;

/** A body the merge refuses (e.g. a `__proto__` key), with the message the admin API answers. */
export class PatchError extends TypeError {}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: JsonObject, patch: JsonObject, path = ''): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (FORBIDDEN_KEYS.has(key)) throw new PatchError(`field ${path}${key} may not be patched`);
    const current = out[key];
    out[key] = isJsonObject(value) && isJsonObject(current) ? deepMerge(current, value, `${path}${key}.`) : value;
  }
  return out;
}

/** Throws a PatchError when the patch would change an identity field (`field` at the top level). */
export function refuseIdentityChange(base: JsonObject, patch: JsonObject, fields: readonly string[]): void {
  for (const field of fields) {
    if (Object.hasOwn(patch, field) && patch[field] !== base[field])
      throw new PatchError(`field ${field} identifies the product and may not be patched`);
  }
}
