/**
 * Values an upstream sent that a field cannot be mapped from (a price beyond what `Money` holds, an
 * unparseable time, a count that is negative). The mapper leaves that one field null and records why
 * on the object that owns the field, and marks the product; the resolvers report each selected field's
 * record as an error at the field's path (src/resolvers/fieldIssues.ts), so the rest of the product, and
 * of the batch, is unaffected. Products without a mark cost the resolvers one WeakSet lookup.
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
const marked = new WeakSet<object>();

/** The nested objects of a Product that may own issues (field names of the schema's types). */
const NESTED: readonly string[] = ['price', 'stock', 'audit'];

/**
 * Marks `product` when it or any object below it (price range, stock, audit, SKUs and their stock)
 * owns an issue. Every mapper calls it on the product it returns. `issues`: the product's collector,
 * when the collector of every object below it was made with that one as its parent; then a product
 * none of them recorded anything for is not walked (most products, 50 to an S2 request).
 */
export function markFieldIssues<T extends object>(product: T, issues?: FieldIssues): T {
  if (issues !== undefined && !issues.recordedInTree) return product;
  if (ownsIssues(product)) marked.add(product);
  return product;
}

/** Whether `product` was marked by markFieldIssues: only then is it worth walking. */
export function hasFieldIssues(product: unknown): boolean {
  return typeof product === 'object' && product !== null && marked.has(product);
}

function ownsIssues(owner: object): boolean {
  if (issuesByOwner.has(owner)) return true;
  const record = owner as Record<string, unknown>;
  for (const field of NESTED) {
    const value = record[field];
    if (typeof value === 'object' && value !== null && issuesByOwner.has(value)) return true;
  }
  const skus = record.skus;
  return Array.isArray(skus) && skus.some((sku: unknown) => typeof sku === 'object' && sku !== null && ownsIssues(sku));
}

/**
 * Carries the issues and mark of `from` over to `to`, a shallow copy of it (the copy shares the nested
 * objects, whose own issues therefore stand). A copied SKU is marked too when it or its stock owns an
 * issue, so a walk that starts at a SKU finds them.
 */
export function copyFieldIssues<T extends object>(from: object, to: T): T {
  const issues = issuesByOwner.get(from);
  if (issues) issuesByOwner.set(to, issues);
  if (marked.has(from) || ownsIssues(from)) marked.add(to);
  return to;
}

/** The issue recorded for `field` of `owner`, if any. */
export function fieldIssueOf(owner: object, field: string): FieldIssue | undefined {
  return issuesByOwner.get(owner)?.get(field);
}

/** Collects the issues of one object while it is mapped; `attach` records them on the finished object. */
export class FieldIssues {
  // Made on the first issue only: a mapper builds several of these per product, and most stay empty.
  private issues: Map<string, FieldIssue> | undefined;
  private anyBelow = false;

  /** `parent`: the collector of the object this one's object sits below (see markFieldIssues). */
  constructor(private readonly parent?: FieldIssues) {}

  /** Whether this collector, or one made with it as an ancestor, recorded an issue. */
  get recordedInTree(): boolean {
    return this.issues !== undefined || this.anyBelow;
  }

  /** The mapped value of `reading`, or null with the problem recorded against `field`. */
  take<T>(field: string, raw: unknown, reading: Reading<T>): T | null {
    if ('value' in reading) return reading.value;
    return this.reject(field, raw, reading.problem);
  }

  /** Records that `field` cannot be mapped from `raw`; returns the null the field then holds. */
  reject(field: string, raw: unknown, problem: string): null {
    this.record(field, () => `${field}: upstream value ${preview(raw)} ${problem}`);
    return null;
  }

  /** Records that `field` is unknown because a value it is derived from could not be mapped. */
  derived(field: string, message: string): null {
    this.record(field, () => `${field}: ${message}`);
    return null;
  }

  get size(): number {
    return this.issues?.size ?? 0;
  }

  attach<T extends object>(owner: T): T {
    if (this.issues) issuesByOwner.set(owner, new Map(this.issues));
    return owner;
  }

  /** The first issue of a field stands. */
  private record(field: string, message: () => string): void {
    this.issues ??= new Map();
    for (let up = this.parent; up !== undefined && !up.anyBelow; up = up.parent) up.anyBelow = true;
    if (!this.issues.has(field)) this.issues.set(field, { field, message: message() });
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
