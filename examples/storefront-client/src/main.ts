/**
 * `npm run example:storefront`: runs the storefront's operations against a running gateway
 * (GATEWAY_URL, default http://127.0.0.1:4000/graphql) and prints what came back.
 */
import { runStorefront } from './storefront';

const endpoint = process.env.GATEWAY_URL ?? 'http://127.0.0.1:4000/graphql';

runStorefront(endpoint).then(
  ({ product, listingPages, lookup }) => {
    console.log(
      `Product page: ${product.title} (${product.platform}), from ${product.price?.min?.amount} ${product.price?.min?.currency}, ${product.skus?.length ?? 0} SKUs`,
    );
    listingPages.forEach((edges, i) => console.log(`Listing page ${i + 1}: ${edges.map((e) => e.node.title).join(' | ')}`));
    console.log(
      `Cross-platform: Taobao ${lookup.taobao.map((p) => p?.title).join(', ')}; Xiaoe ${lookup.xiaoe?.title}; by global id ${lookup.byGlobalId?.id}`,
    );
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
