/**
 * TRUSTED_DOCUMENTS: the manifest graphql-codegen's client preset writes with `persistedDocuments`
 * (`{ "<hash>": "<document>" }`). A request names a document by `documentId` (the preset's format) or
 * by Apollo's `extensions.persistedQuery.sha256Hash`, or sends one of the manifest's documents as text;
 * anything else runs only for a client holding ANY_DOCUMENT_SCOPE, and then Apollo's automatic
 * persisted queries work as usual.
 */
import { readFileSync } from 'node:fs';
import { ANY_DOCUMENT_SCOPE } from '../auth/scopes';
import { ConfigError } from '../config/configError';
import { isRecord } from '../util/isRecord';

export interface TrustedDocuments {
  byHash: ReadonlyMap<string, string>;
  texts: ReadonlySet<string>;
}

/** The request as it goes on to Apollo: the body and query string, with a named document filled in. */
export interface AdmittedDocument {
  body: unknown;
  search: string;
}

/** A class, not a plain object, so nothing a client sends in a JSON body can pass for one. */
export class DocumentRefusal {
  constructor(
    readonly code: 'PERSISTED_QUERY_NOT_FOUND' | 'OPERATION_NOT_TRUSTED',
    readonly message: string,
  ) {}
}

export function loadTrustedDocuments(path: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError('TRUSTED_DOCUMENTS', `cannot read the manifest: ${(err as Error).message}`);
  }
  if (!isRecord(manifest) || !Object.values(manifest).every((v) => typeof v === 'string')) {
    throw new ConfigError('TRUSTED_DOCUMENTS', 'the manifest must be a JSON object of hash -> document text');
  }
  const byHash = new Map(Object.entries(manifest as Record<string, string>));
  return { byHash, texts: new Set(byHash.values()) };
}

/** The request with its named document filled in, or the reason it may not run. */
export function admitDocument(
  trusted: TrustedDocuments,
  request: AdmittedDocument,
  scopes: ReadonlySet<string>,
): AdmittedDocument | DocumentRefusal {
  const anyDocument = scopes.has(ANY_DOCUMENT_SCOPE);
  if (isRecord(request.body)) {
    const filled = fill(trusted, request.body, anyDocument);
    return isRefusal(filled) ? filled : { ...request, body: filled };
  }
  if (request.body !== null && request.body !== undefined) return anyDocument ? request : notTrusted();
  const params = new URLSearchParams(request.search);
  const fields: Record<string, unknown> = { query: params.get('query') ?? undefined, documentId: params.get('documentId') ?? undefined };
  try {
    fields.extensions = params.has('extensions') ? JSON.parse(params.get('extensions')!) : undefined;
  } catch {
    return anyDocument ? request : notTrusted();
  }
  const filled = fill(trusted, fields, anyDocument);
  if (isRefusal(filled)) return filled;
  if (typeof filled.query === 'string') params.set('query', filled.query);
  params.delete('documentId');
  if (filled.extensions === undefined) params.delete('extensions');
  return { ...request, search: `?${params}` };
}

function fill(trusted: TrustedDocuments, body: Record<string, unknown>, anyDocument: boolean): Record<string, unknown> | DocumentRefusal {
  const persisted = isRecord(body.extensions) && isRecord(body.extensions.persistedQuery) ? body.extensions.persistedQuery : undefined;
  const hash = typeof body.documentId === 'string' ? body.documentId : persisted?.sha256Hash;
  if (typeof hash === 'string' && body.query === undefined) {
    const document = trusted.byHash.get(hash.replace(/^sha256:/, ''));
    if (document !== undefined) {
      const { documentId: _id, extensions, ...rest } = body;
      const others = isRecord(extensions)
        ? Object.fromEntries(Object.entries(extensions).filter(([k]) => k !== 'persistedQuery'))
        : undefined;
      return { ...rest, query: document, ...(others && Object.keys(others).length > 0 ? { extensions: others } : {}) };
    }
    if (anyDocument) return body;
    return new DocumentRefusal('PERSISTED_QUERY_NOT_FOUND', 'no trusted document has this id');
  }
  if (typeof body.query === 'string' && trusted.texts.has(body.query)) return body;
  return anyDocument ? body : notTrusted();
}

export function isRefusal(value: unknown): value is DocumentRefusal {
  return value instanceof DocumentRefusal;
}

function notTrusted(): DocumentRefusal {
  return new DocumentRefusal(
    'OPERATION_NOT_TRUSTED',
    'only the trusted documents of this gateway run; send a documentId from its manifest',
  );
}
