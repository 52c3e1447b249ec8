/** `ADMIN_TOKEN`: the bearer token of the admin endpoints (`POST /admin/cache/purge`); unset refuses them. */
type Env = Record<string, string | undefined>;
type Fail = (variable: string, problem: string) => Error;

/** A token shorter than this is guessable; refuse it at start-up rather than guard nothing. */
const MIN_TOKEN_LENGTH = 16;

export function readAdminToken(env: Env, fail: Fail): string | null {
  const token = env.ADMIN_TOKEN?.trim();
  if (!token) return null;
  if (token.length < MIN_TOKEN_LENGTH) throw fail('ADMIN_TOKEN', `must be at least ${MIN_TOKEN_LENGTH} characters`);
  return token;
}
