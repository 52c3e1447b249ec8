/**
 * The last line of defence between a log call and the log: whatever object reaches the logger, a key
 * that names a secret has its value replaced, and a URL or text carrying one in a query parameter
 * (`sign=`, `access_token=`, ...) or in a JSON member (`"secret":"..."`) has it cut out; an Error is
 * written as its name, message, code and stack only. Log calls should not pass secrets in the first place.
 */

export const REDACTED = '[REDACTED]';

/** Keys whose values are secret, anywhere in a logged object (case-insensitive, `_`/`-` ignored). */
const SECRET_KEY = /secret|token|^sign$|signature|password|passwd|authorization|cookie|credential|session|apikey|privatekey/i;

/**
 * `name=value` in URLs and texts, for parameter names that carry secrets, also with a prefix joined by
 * `_` (`client_secret=`); not preceded by a letter or digit, so `design=` is kept.
 */
const SECRET_PARAM =
  /(?<![A-Za-z0-9])((?:[A-Za-z0-9]+_)*(?:access_token|refresh_token|token|sign|signature|secret|secret_key|session|session_key|password)=)[^&\s"']+/gi;

/** `"name": "value"` (or a number) in JSON text, e.g. a request body an error carries; the name is judged by isSecretKey. */
const JSON_MEMBER = /("((?:[^"\\]|\\.){1,80})"\s*:\s*)("(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*)/g;

const MAX_DEPTH = 8;

/** A copy of `value` with secrets replaced by `[REDACTED]`; never mutates its argument. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value instanceof Error) {
    // Only these: an AxiosError's own properties hold its request config, body and headers included.
    const code = (value as { code?: unknown }).code;
    return redactSecrets({ type: value.name, message: value.message, ...(code === undefined ? {} : { code }), stack: value.stack }, depth);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : redactSecrets(item, depth + 1);
  }
  return copy;
}

function redactText(text: string): string {
  const params = text.replace(SECRET_PARAM, `$1${REDACTED}`);
  if (!params.includes('"')) return params;
  return params.replace(JSON_MEMBER, (member: string, head: string, name: string) => (isSecretKey(name) ? `${head}"${REDACTED}"` : member));
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-_]/g, ''));
}
