/**
 * Whole answers for repeated reads (RESPONSE_CACHE, on while CACHE is on): an answer made only of data
 * served or stored fresh by the entity cache is kept, as JSON text, until the first thing it holds
 * would stop being fresh there (RequestUsage.freshUntil), so it is never staler than the entity cache
 * would serve. A repeated request is then answered without Apollo; access, cost checks, logs and
 * metrics still run, and its `extensions` are written anew.
 *
 * The key is everything the answer can depend on: the caller as access admitted it (tenant, client,
 * scopes, the tenant's credentials), the document, operation name and variables, and the headers
 * Apollo reads for a JSON POST. Any purge of the entity cache (on any instance, over Redis) drops
 * every answer, by its epoch. Once the cache is full, an answer is kept only for a request missed twice
 * lately (src/cache/admission.ts): one-off documents do not push out the repeated ones.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { RequestAccess } from '../auth/authenticator';
import { hasRoom, MissSketch, shouldAdmit } from '../cache/admission';
import type { RequestUsage } from '../platforms/requestUsage';
import type { GatewayContext } from './context';

export interface CachedAnswer {
  /** `JSON.stringify(data)` of the answer, stored once. */
  data: string;
  /** Apollo's headers of the answer (its content type, as negotiated from `accept`). */
  headers: ReadonlyArray<[string, string]>;
  /** Cache-clock epoch ms the answer was made. */
  storedAt: number;
  freshUntil: number;
  /** The entity cache's purge epoch when the answer's execution began. */
  epoch: number;
  /** Product lookups the answer was made of: all served from the cache on a replay. */
  cacheHits: number;
  estimatedCalls: number;
  operationName: string | null;
  documentHash: string | null;
}

/** What a request's execution produced, for `store`. */
export interface ExecutedAnswer {
  status: number;
  headers: Iterable<[string, string]>;
  /** The answer's JSON text as sent, when it was sent whole. */
  body: string | undefined;
  operationType: string | null;
  operationName: string | null;
  documentHash: string | null;
}

const SEP = '\u0000';
/** Bytes charged per entry beyond its key and text (the record, the LRU's own bookkeeping). */
const ENTRY_OVERHEAD = 256;
/** Misses remembered for admission once full: answers are larger and fewer than entity entries. */
const ADMISSION_SAMPLE = 4096;

export class AnswerCache {
  private readonly answers: LRUCache<string, CachedAnswer>;
  private readonly results = new WeakMap<RequestUsage, FormattedExecutionResult>();
  private readonly misses = new MissSketch(ADMISSION_SAMPLE);

  constructor(
    maxBytes: number,
    /** The entity cache's clock. */
    readonly now: () => number,
    /** The entity cache's purge epoch (see TieredStore.epoch). */
    readonly epoch: () => number,
  ) {
    this.answers = new LRUCache<string, CachedAnswer>({
      maxSize: maxBytes,
      sizeCalculation: (answer, key) => 2 * (key.length + answer.data.length) + ENTRY_OVERHEAD,
    });
  }

  /**
   * The key of a request whose answer may be kept, or undefined: only a JSON POST of a document's text
   * (no persisted-query hash, no other body fields) is, as that is all a key here can vouch for.
   */
  keyOf(method: string | undefined, headers: IncomingHttpHeaders, access: RequestAccess, body: unknown): string | undefined {
    if (method !== 'POST' || !/^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '')) return undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
    const { query, operationName, variables, ...rest } = body as Record<string, unknown>;
    if (typeof query !== 'string') return undefined;
    for (const field in rest) if (rest[field] !== undefined) return undefined;
    const { tenant, client, scopes } = access;
    return [
      tenant.id,
      credentialsDigest(tenant.credentials),
      client?.clientId ?? '',
      [...scopes].sort().join(' '),
      headers.accept ?? '',
      canonicalJson(operationName ?? null),
      canonicalJson(variables ?? null),
      query,
    ].join(SEP);
  }

  /** The kept answer of `key`, while it is fresh and no purge has come since it was made. */
  get(key: string): CachedAnswer | undefined {
    const answer = this.answers.get(key);
    if (answer && answer.epoch === this.epoch() && this.now() <= answer.freshUntil) return answer;
    if (answer) this.answers.delete(key);
    if (!hasRoom(this.answers)) this.misses.recordMiss(key);
    return undefined;
  }

  /** An Apollo plugin that hands each request's result to `store` (read once every plugin has added to it). */
  capturePlugin(): ApolloServerPlugin<GatewayContext> {
    const results = this.results;
    return {
      async requestDidStart() {
        return {
          async willSendResponse({ response, contextValue }) {
            if (response.body.kind === 'single') results.set(contextValue.usage, response.body.singleResult);
          },
        };
      },
    };
  }

  /**
   * Keeps the answer of `key` when it is pure data from the cache: HTTP 200, a query with data and no
   * error, nothing stale served, and a freshness bound recorded that is still ahead.
   */
  store(key: string, usage: RequestUsage, epoch: number, executed: ExecutedAnswer): void {
    const result = this.results.get(usage);
    const freshUntil = usage.freshUntil;
    const now = this.now();
    if (executed.status !== 200 || executed.operationType !== 'query' || result === undefined) return;
    if ((result.errors?.length ?? 0) > 0 || result.data === null || result.data === undefined) return;
    if (usage.cacheStale > 0 || freshUntil === undefined || freshUntil < now || epoch !== this.epoch()) return;
    if (!this.answers.has(key) && !shouldAdmit(this.misses, key, this.answers)) return;
    const cost = result.extensions?.cost as { estimatedCalls?: unknown } | undefined;
    this.answers.set(key, {
      data: dataText(executed.body, result),
      headers: [...executed.headers].filter(([name]) => name !== 'content-length'),
      storedAt: now,
      freshUntil,
      epoch,
      cacheHits: usage.cacheHits + usage.cacheMisses,
      estimatedCalls: typeof cost?.estimatedCalls === 'number' ? cost.estimatedCalls : 0,
      operationName: executed.operationName,
      documentHash: executed.documentHash,
    });
  }
}

/**
 * `JSON.stringify(result.data)`, cut from the text already sent when it is exactly `{"data":…,
 * "extensions":…}` (saving a second serialization of a large answer on every store), else made anew.
 */
function dataText(body: string | undefined, result: FormattedExecutionResult): string {
  const tail = result.extensions === undefined ? '}' : `,"extensions":${JSON.stringify(result.extensions)}}`;
  if (body?.startsWith('{"data":') && body.endsWith(tail)) return body.slice(8, body.length - tail.length);
  return JSON.stringify(result.data);
}

/** The JSON text of an answer replayed with `extensions` of its own. */
export function replayedAnswerText(answer: CachedAnswer, extensions: Record<string, unknown>): string {
  return `{"data":${answer.data},"extensions":${JSON.stringify(extensions)}}`;
}

const digests = new WeakMap<object, string>();

/** A digest of a tenant's credentials (never the secrets), computed once per credentials object. */
function credentialsDigest(credentials: object): string {
  let digest = digests.get(credentials);
  if (digest === undefined) {
    digest = createHash('sha256').update(JSON.stringify(credentials)).digest('base64url');
    digests.set(credentials, digest);
  }
  return digest;
}

/** JSON with object keys sorted at every level, so equal variables make one key. */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
}
