/**
 * Everything that decides whether a request runs and for whom, in front of Apollo: CORS, authentication
 * (401 UNAUTHENTICATED, never saying which part failed), the tenant and its credentials, trusted
 * documents; plus the Apollo options of access (field scopes, introspection, landing page).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { createAuthenticator, type Authenticate, type RequestAccess } from '../auth/authenticator';
import type { GatewayConfig } from '../config/config';
import type { Logger } from '../observability/logger';
import type { GatewayContext } from '../server/context';
import { openTenantDirectory } from '../tenants/openTenantDirectory';
import { handleCors } from './cors';
import { fieldScopesPlugin } from './fieldScopes';
import { admitDocument, isRefusal, loadTrustedDocuments, type TrustedDocuments } from './trustedDocuments';

export interface AdmittedRequest {
  access: RequestAccess;
  body: unknown;
  search: string;
}

export interface GatewayAccess {
  /** Options for ApolloServer's constructor. */
  apollo: { introspection: boolean; plugins: Array<ApolloServerPlugin<GatewayContext>> };
  /**
   * Admits a GraphQL request: resolves to who it runs for and what it runs, or undefined once it has
   * been answered (a preflight, 401, a refused document). `readBody` resolves to undefined once answered.
   */
  admit(req: IncomingMessage, res: ServerResponse, search: string, readBody: () => Promise<unknown>): Promise<AdmittedRequest | undefined>;
  close(): Promise<void>;
}

export async function startGatewayAccess(
  config: Pick<GatewayConfig, 'access' | 'credentials'>,
  logger: Pick<Logger, 'warn'>,
): Promise<GatewayAccess> {
  const settings = config.access;
  const trusted = settings.trustedDocuments ? loadTrustedDocuments(settings.trustedDocuments) : null;
  const directory = await openTenantDirectory(settings.tenants, config.credentials, (message) => logger.warn(message));
  let authenticate: Authenticate;
  try {
    authenticate = await createAuthenticator(settings.auth, directory);
  } catch (err) {
    await directory.close();
    throw err;
  }
  if (settings.auth.warning) logger.warn(settings.auth.warning);
  const anonymousScopes: ReadonlySet<string> = new Set(settings.auth.anonymous?.scopes ?? []);
  const landingPage = settings.exposure.landingPage ? ApolloServerPluginLandingPageLocalDefault() : ApolloServerPluginLandingPageDisabled();
  return {
    apollo: { introspection: settings.exposure.introspection, plugins: [fieldScopesPlugin(anonymousScopes), landingPage] },
    async admit(req, res, search, readBody) {
      if (handleCors(req, res, settings.cors)) return undefined;
      const access = await authenticate(req.headers);
      if (!access) return void refuse(res, 401, 'UNAUTHENTICATED', 'Unauthenticated', { 'WWW-Authenticate': 'Bearer' });
      const body = await readBody();
      if (body === undefined) return undefined;
      return admitTrusted(res, trusted, access, body, search);
    },
    close: () => directory.close(),
  };
}

function admitTrusted(
  res: ServerResponse,
  trusted: TrustedDocuments | null,
  access: RequestAccess,
  body: unknown,
  search: string,
): AdmittedRequest | undefined {
  if (!trusted) return { access, body, search };
  const admitted = admitDocument(trusted, { body, search }, access.scopes);
  if (isRefusal(admitted)) return void refuse(res, 400, admitted.code, admitted.message);
  return { access, ...admitted };
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const text = JSON.stringify({ errors: [{ message, extensions: { code } }] });
  res.writeHead(status, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
