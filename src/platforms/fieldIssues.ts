/**
 * Values an upstream sent that a field cannot be mapped from (a price beyond what `Money` holds, an
 * unparseable time, a count that is negative). The mapper leaves that one field null and records why
 * on the object that owns the field; the field's resolver turns the record into an error at the field's
 * path, so the rest of the product, and of the batch, is unaffected.
 */

/** A reading of one upstream value: the mapped value (null for "none"), or why it cannot be mapped. */
export type Reading<T> = { value: T | null } | { problem: string };

export interface FieldIssue {
  /** The field of the owning object (`price`, `createdAt`, `available`). */
  field: string;
  /** What was wrong, with the upstream value (shortened). */
  message: string;
}

const issuesByOwner = new WeakMap<object, ReadonlyMap<string, FieldIssue>>();

/** The issue recorded for `field` of `owner`, if any. */
export function fieldIssueOf(owner: object, field: string): FieldIssue | undefined {
  return issuesByOwner.get(owner)?.get(field);
}

/** Collects the issues of one object while it is mapped; `attach` records them on the finished object. */
export class FieldIssues {
  private readonly issues = new Map<string, FieldIssue>();

  /** The mapped value of `reading`, or null with the problem recorded against `field`. */
  take<T>(field: string, raw: unknown, reading: Reading<T>): T | null {
    if ('value' in reading) return reading.value;
    return this.reject(field, raw, reading.problem);
  }

  /** Records that `field` cannot be mapped from `raw`; returns the null the field then holds. */
  reject(field: string, raw: unknown, problem: string): null {
    if (!this.issues.has(field)) this.issues.set(field, { field, message: `${field}: upstream value ${preview(raw)} ${problem}` });
    return null;
  }

  /** Records that `field` is unknown because a value it is derived from could not be mapped. */
  derived(field: string, message: string): null {
    if (!this.issues.has(field)) this.issues.set(field, { field, message: `${field}: ${message}` });
    return null;
  }

  get size(): number {
    return this.issues.size;
  }

  attach<T extends object>(owner: T): T {
    if (this.issues.size > 0) issuesByOwner.set(owner, new Map(this.issues));
    return owner;
  }
}

function preview(raw: unknown): string {
  let text: string;
  try {
    text = typeof raw === 'string' ? JSON.stringify(raw) : (JSON.stringify(raw) ?? String(raw));
  } catch {
    text = String(raw);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
