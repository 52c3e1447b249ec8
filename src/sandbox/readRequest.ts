/**
 * Reads and parses an incoming request once: query, body text (capped), JSON and form views of it.
 */
import type { IncomingMessage } from 'node:http';

/** Bodies above this get HTTP 413; no platform call here comes close (the largest is a few KiB). */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ParsedRequest {
  method: string;
  /** The full path, without the query string. */
  path: string;
  query: URLSearchParams;
  rawBody: string;
  json: unknown;
  form: URLSearchParams | undefined;
  /** True when the body exceeded MAX_BODY_BYTES (it was drained and dropped). */
  tooLarge: boolean;
}

export async function readRequest(req: IncomingMessage): Promise<ParsedRequest> {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const { text, tooLarge } = await readBody(req);
  const isForm = (req.headers['content-type'] ?? '').toLowerCase().includes('application/x-www-form-urlencoded');
  return {
    method: req.method ?? 'GET',
    path: q === -1 ? url : url.slice(0, q),
    query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)),
    rawBody: text,
    json: isForm ? undefined : parseJson(text),
    form: isForm ? new URLSearchParams(text) : undefined,
    tooLarge,
  };
}

/** The body as UTF-8 text. A body above the cap is still drained, so the client can read the 413. */
function readBody(req: IncomingMessage): Promise<{ text: string; tooLarge: boolean }> {
  // Without Content-Length or Transfer-Encoding a request has no body (RFC 9112 6.3).
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
    return Promise.resolve({ text: '', tooLarge: false });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      const tooLarge = size > MAX_BODY_BYTES;
      resolve({ text: tooLarge ? '' : Buffer.concat(chunks).toString('utf8'), tooLarge });
    });
    req.on('error', reject);
    // A client that gives up mid-body: the request never ends, nobody is waiting for an answer.
    req.on('close', () => {
      if (!req.complete) reject(new Error('request aborted by the client'));
    });
  });
}

function parseJson(text: string): unknown {
  if (text.length === 0) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
