/**
 * GraphiQL at /graphiql, served whole by the gateway: @graphql-yoga/render-graphiql inlines its
 * script and styles into one page, so the browser loads nothing from any other host (an intranet or
 * a slow cross-border link still gets a working IDE). Apollo Sandbox at /graphql stays the default
 * landing page; it loads from Apollo's CDN.
 */
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

const DEFAULT_QUERY = `# Offline GraphiQL of catalog-gateway: every asset comes from this server.
{
  platforms { code configured sandbox capabilities { lookupByIds listing idFormat } }
  catalog(first: 3) { edges { node { id platform platformProductId title status price { min { amount currency } } } } }
}
`;

let page: string | undefined;

/** The page's HTML (about 9 MB, built on first use and kept). */
export function graphiqlPage(): string {
  page ??= renderGraphiQL({ endpoint: '/graphql', title: 'catalog-gateway GraphiQL', defaultQuery: DEFAULT_QUERY });
  return page;
}
