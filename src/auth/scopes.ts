/** The scopes the gateway checks. A client's scopes come from its tenant record or its token. */

/** Reads `Product.raw`: whole upstream records, which can hold merchant-private values (Xiaoe's `sku_cost_price`). */
export const RAW_SCOPE = 'catalog:raw';

/** Runs documents that are not in the TRUSTED_DOCUMENTS manifest (Apollo Sandbox during development). */
export const ANY_DOCUMENT_SCOPE = 'documents:any';

export const ALL_SCOPES: readonly string[] = [RAW_SCOPE, ANY_DOCUMENT_SCOPE];
