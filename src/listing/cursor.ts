/**
 * Opaque cursors: base64url of `{"b": <binding>, "p": <position>}`. The binding is a digest of the
 * platform set and the canonical filter, so a cursor is only taken back with the listing it came from
 * (anything else is BAD_CURSOR). The position is the platform's stream offsets (see readPlan.ts), or
 * for a merged catalog one such position per platform.
 */
import { createHash } from 'node:crypto';
import type { PlatformCode, ProductFilter } from '../generated/graphql';
import { badCursor } from './errors';
import { isRecord } from '../util/isRecord';

/** A platform's place in its listing: per-stream offsets (merge) or `[window, offset]` (concat). */
export type Position = readonly number[];

export type MergedPosition = Readonly<Partial<Record<PlatformCode, Position>>>;

/** What a cursor belongs to: the listed platforms (in registry order) and the filter. */
export function bindingOf(platforms: readonly PlatformCode[], filter: ProductFilter | null | undefined): string {
  const text = JSON.stringify({ platforms, filter: canonical(filter ?? {}) });
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

export function encodeCursor(binding: string, position: Position | MergedPosition): string {
  return Buffer.from(JSON.stringify({ b: binding, p: position }), 'utf8').toString('base64url');
}

/** The position a cursor carries, checked against the binding; BAD_CURSOR otherwise. */
export function decodeCursor(cursor: string, binding: string): unknown {
  let payload: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor('not a cursor issued by this gateway');
  }
  if (!isRecord(payload) || typeof payload.b !== 'string' || !('p' in payload)) throw badCursor('not a cursor issued by this gateway');
  if (payload.b !== binding) throw badCursor('it belongs to another platform or filter; start again without `after`');
  return payload.p;
}

/** A position of `length` offsets (non-negative safe integers); BAD_CURSOR otherwise. */
export function checkPosition(value: unknown, length: number): Position {
  if (!Array.isArray(value) || value.length !== length || !value.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw badCursor('malformed position');
  }
  return value as number[];
}

export function checkMergedPosition(value: unknown): Record<string, unknown> {
  if (!isRecord(value)) throw badCursor('malformed position');
  return value;
}

/** Keys sorted, null/undefined dropped, so equal filters bind equal cursors whatever their spelling. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    if (v !== null && v !== undefined) out[key] = canonical(v);
  }
  return out;
}
