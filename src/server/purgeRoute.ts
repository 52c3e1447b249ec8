/**
 * `POST /admin/cache/purge` with `{"platform": "TAOBAO", "ids": ["1489161932"]}` (ids optional: the
 * whole platform), for platform change notifications and operators. Guarded by `Authorization:
 * Bearer <ADMIN_TOKEN>`: 401 without the valid token, 403 while no ADMIN_TOKEN is set, 400 with a
 * message for a malformed body.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityCache } from '../cache/entityCache';
import { PLATFORM_CODES } from '../config/config';
import type { PlatformCode } from '../generated/graphql';
import { readBody, sendJson } from './httpReplies';

export interface PurgeAnswer {
  status: number;
  body: Record<string, unknown>;
}

const MAX_IDS = 1000;

/** `POST /admin/cache/purge` (bearer ADMIN_TOKEN): drops cached entries of a platform, or of some of its ids. */
export async function handlePurge(
  req: IncomingMessage,
  res: ServerResponse,
  adminToken: string | null,
  cache: EntityCache | null,
): Promise<void> {
  if (req.method !== 'POST') return sendJson(res, 405, { error: { message: 'use POST', code: 'METHOD_NOT_ALLOWED' } });
  const refusal = refuseAdmin(req, adminToken);
  if (refusal) return sendJson(res, refusal.status, refusal.body);
  const body = await readBody(req, res);
  if (body === undefined) return;
  const answer = await purgeCache(body, cache);
  sendJson(res, answer.status, answer.body);
}

/** The refusal of an admin request without the valid token, or null when it may go on. */
export function refuseAdmin(req: IncomingMessage, adminToken: string | null): PurgeAnswer | null {
  if (adminToken === null) return refuse(403, 'FORBIDDEN', 'the admin API is off: ADMIN_TOKEN is not set');
  if (!tokenMatches(req.headers.authorization, adminToken))
    return refuse(401, 'UNAUTHENTICATED', 'a valid "Authorization: Bearer <ADMIN_TOKEN>" header is required');
  return null;
}

/** Purges what the (authorized) request's body names. */
export async function purgeCache(body: unknown, cache: EntityCache | null): Promise<PurgeAnswer> {
  const parsed = parsePurge(body);
  if (typeof parsed === 'string') return refuse(400, 'BAD_REQUEST', parsed);
  if (!cache) return { status: 200, body: { purged: { memory: 0, redis: null }, cache: 'off' } };
  const purged = await cache.purge(parsed.platform, parsed.ids);
  return { status: 200, body: { platform: parsed.platform, ids: parsed.ids ?? null, purged } };
}

/** The purge request, or the problem with the body. */
function parsePurge(body: unknown): { platform: PlatformCode; ids?: string[] } | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return 'the body must be a JSON object like {"platform": "TAOBAO", "ids": ["1489161932"]}';
  const { platform, ids, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length) return `unknown field(s): ${Object.keys(rest).join(', ')}`;
  if (typeof platform !== 'string' || !(PLATFORM_CODES as string[]).includes(platform))
    return `platform must be one of ${PLATFORM_CODES.join(', ')}`;
  if (ids === undefined) return { platform: platform as PlatformCode };
  if (
    !Array.isArray(ids) ||
    ids.length === 0 ||
    ids.length > MAX_IDS ||
    !ids.every((id) => typeof id === 'string' && id !== '' && id.length <= 200)
  ) {
    return `ids, when given, must be a list of 1-${MAX_IDS} non-empty strings`;
  }
  return { platform: platform as PlatformCode, ids: ids as string[] };
}

/** Compares digests, so the comparison takes the same time whatever the token sent. */
function tokenMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(m[1]!), digest(token));
}

function refuse(status: number, code: string, message: string): PurgeAnswer {
  return { status, body: { error: { message, code } } };
}
