/**
 * CORS for browser clients: allowed origins get the CORS headers and their preflights a 204 with the
 * methods and headers the gateway takes (including Apollo's CSRF-prevention headers, which stay
 * required); any other origin gets no CORS header at all and a refused preflight.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CorsSettings } from '../config/browser';

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  // Apollo Server's CSRF prevention accepts a request carrying either of these (or a JSON content type).
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
].join(', ');

/** Sets the CORS headers of `req`'s origin; answers a preflight. True when the request is answered. */
export function handleCors(req: IncomingMessage, res: ServerResponse, settings: CorsSettings): boolean {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
  if (origin === undefined) return false;
  if (!isAllowed(origin, settings)) {
    if (!preflight) return false;
    res.writeHead(403, { 'Content-Length': 0 }).end();
    return true;
  }
  res.setHeader('Access-Control-Allow-Origin', settings.origins === '*' ? '*' : origin);
  if (!preflight) return false;
  res.writeHead(204, {
    'Access-Control-Allow-Methods': ALLOWED_METHODS,
    'Access-Control-Allow-Headers': ALLOWED_HEADERS,
    'Access-Control-Max-Age': String(settings.maxAgeSeconds),
    'Content-Length': 0,
  });
  res.end();
  return true;
}

function isAllowed(origin: string, settings: CorsSettings): boolean {
  return settings.origins === '*' || settings.origins.has(origin.toLowerCase());
}
