/**
 * What the log line, the metrics and the span of one GraphQL request report, filled in by the layers
 * that learn it (the HTTP route, the Apollo plugin through the request's context) and read once the
 * answer is sent. It is handed along, not kept in an AsyncLocalStorage: a store costs every promise
 * of the process (src/platforms/requestUsage.ts), and upstream attempt logs find the request's id on
 * its RequestUsage.
 */
import { randomUUID } from 'node:crypto';

export interface RequestRecord {
  requestId: string;
  operationName: string | null;
  /** `query`, `mutation`, `subscription`; null when the document did not parse or validate. */
  operationType: string | null;
  /** SHA-256 of the query text, as Apollo computes it (the APQ hash). */
  documentHash: string | null;
  /** Each distinct `extensions.code` of the answer's errors. */
  errorCodes: string[];
  /** The answer had `data` (possibly with errors). */
  hasData: boolean;
  /** The answer's `extensions` (cost, cache, ... where the features that add them are on). */
  extensions: Record<string, unknown> | undefined;
}

/** A client's `x-request-id` when it is a sane token (at most 128 of `[A-Za-z0-9._:-]`), else a fresh UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

export function newRequestRecord(requestId: string): RequestRecord {
  return { requestId, operationName: null, operationType: null, documentHash: null, errorCodes: [], hasData: false, extensions: undefined };
}
