/**
 * Reading a platform's reply body for the request log's `error:<code>` outcome. Each platform module
 * says where its envelope keeps the code (`errorCodeOf`); these read the field it names.
 */

/** A top-level field of a JSON object body; undefined for any other body (text, bytes, arrays). */
export function envelopeField(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || body instanceof Uint8Array) return undefined;
  return (body as Record<string, unknown>)[name];
}

/** A code field as the log writes it: undefined when absent or 0 (success on every platform). */
export function errorCodeText(value: unknown): string | undefined {
  return value === undefined || value === null || value === 0 || value === '0' ? undefined : codeText(value);
}

/** Codes are numbers or strings; anything else is written as JSON rather than `[object Object]`. */
export function codeText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : JSON.stringify(value);
}
