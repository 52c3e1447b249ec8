/**
 * GraphiQL at /graphiql, served whole by the gateway: @graphql-yoga/render-graphiql inlines its
 * script and styles into one page, so the browser loads nothing from any other host (an intranet or
 * a slow cross-border link still gets a working IDE). Apollo Sandbox at /graphql stays the default
 * landing page; it loads from Apollo's CDN.
 */

const DEFAULT_QUERY = `# Offline GraphiQL of catalog-gateway: every asset comes from this server.
{
  platforms { code configured sandbox capabilities { lookupByIds listing idFormat } }
  catalog(first: 3) { edges { node { id platform platformProductId title status price { min { amount currency } } } } }
}
`;

let page: Promise<string> | undefined;

/**
 * The page's HTML (about 9 MB, built on first use and kept). The renderer is imported on first use too:
 * its module is a 10 MB script whose source text V8 keeps (about 30 MB of heap and 50 MB of RSS in a
 * gateway that never serves /graphiql, bench/README.md "Memory").
 */
export function graphiqlPage(): Promise<string> {
  page ??= import('@graphql-yoga/render-graphiql').then(({ renderGraphiQL }) =>
    renderGraphiQL({ endpoint: '/graphql', title: 'catalog-gateway GraphiQL', defaultQuery: DEFAULT_QUERY }),
  );
  return page;
}
