/**
 * The last line of defence between a log call and the log: whatever object reaches the logger, a key
 * that names a secret has its value replaced, and a URL or text carrying one in a query parameter
 * (`sign=`, `access_token=`, ...) has it cut out. Log calls should not pass secrets in the first place.
 */

export const REDACTED = '[REDACTED]';

/** Keys whose values are secret, anywhere in a logged object (case-insensitive, `_`/`-` ignored). */
const SECRET_KEY = /secret|token|^sign$|signature|password|passwd|authorization|cookie|credential|session|apikey|privatekey/i;

/** `name=value` in URLs and texts, for parameter names that carry secrets. */
const SECRET_PARAM = /\b((?:access_token|refresh_token|token|sign|signature|app_secret|secret|secret_key|session|password)=)[^&\s"']+/gi;

const MAX_DEPTH = 8;

/** A copy of `value` with secrets replaced by `[REDACTED]`; never mutates its argument. */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SECRET_PARAM, `$1${REDACTED}`);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1));
  if (value instanceof Error) {
    return redactSecrets({ type: value.name, message: value.message, stack: value.stack, ...(value as unknown as Record<string, unknown>) }, depth);
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSecretKey(key) ? REDACTED : redactSecrets(item, depth + 1);
  }
  return copy;
}

function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.replace(/[-_]/g, ''));
}
