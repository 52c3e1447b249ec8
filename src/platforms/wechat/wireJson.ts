/**
 * WeChat ids are uint64 JSON numbers (the sku pages' own example has product_id 23423523452345235,
 * beyond 2^53), which JSON.parse and JSON.stringify would silently round. Requests therefore carry ids
 * as digit text written straight into the body, and responses have long `product_id`/`sku_id` numbers
 * turned into strings before parsing.
 */

/** A flat JSON object whose bigint values are written as exact JSON numbers. */
export function toWireJson(fields: Readonly<Record<string, string | number | boolean | bigint>>): string {
  const members = Object.entries(fields).map(
    ([key, value]) => `${JSON.stringify(key)}:${typeof value === 'bigint' ? value.toString() : JSON.stringify(value)}`,
  );
  return `{${members.join(',')}}`;
}

// 16+ digits may exceed Number.MAX_SAFE_INTEGER (16 digits); a quote before the key rules out text
// inside a string value (where it would be `\"product_id\"`).
const LONG_ID = /(?<!\\)"(product_id|sku_id)"(\s*):(\s*)(\d{16,})(?=\s*[,}\]])/g;

/** `"product_id":23423523452345235` -> `"product_id":"23423523452345235"`; shorter ids stay numbers. */
export function quoteLargeIds(body: string): string {
  return body.replace(LONG_ID, '"$1"$2:$3"$4"');
}

/** An id from a response, as text: a JSON number or (after quoteLargeIds) a digit string. */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return value;
  return undefined;
}
