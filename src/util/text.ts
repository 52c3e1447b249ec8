/** A non-empty string as it is; anything else (absent, empty, another JSON type) as null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
