/**
 * The typed client example (examples/storefront-client/) against a live gateway over the sandbox. Its
 * types are checked by `npm run typecheck` and its generated client by `npm run codegen:check`, so a
 * schema change that breaks it fails `npm test` three ways.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStorefront } from '../../examples/storefront-client/src/storefront';
import { CrossPlatformLookup, ListingPage, ProductPage } from '../../examples/storefront-client/src/operations';
import { startStack, type Stack } from '../helpers/stack';

const MANIFEST = path.resolve(import.meta.dirname, '../../examples/storefront-client/src/gql/persisted-documents.json');

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack.close());

describe('storefront client example', () => {
  it('runs a product page, two listing pages by cursor and a cross-platform lookup', async () => {
    const { product, listingPages, lookup } = await runStorefront(`${stack.gateway.url}/graphql`, { platform: 'WECHAT_SHOP', pageSize: 5 });
    expect(product).toMatchObject({
      platform: 'TAOBAO',
      title: 'Google test item',
      price: { min: { amount: '200.07', currency: 'CNY', minorUnits: 20007 } },
    });
    expect(listingPages.map((edges) => edges.length)).toEqual([5, 5]);
    const ids = listingPages.flat().map((edge) => edge.node.id);
    expect(new Set(ids).size).toBe(10);
    expect(listingPages.flat().every((edge) => edge.node.platform === 'WECHAT_SHOP')).toBe(true);
    expect(lookup.taobao.map((p) => p?.title)).toEqual(['Google test item']);
    expect(lookup.xiaoe?.title).toEqual(expect.any(String));
    expect(lookup.byGlobalId).toEqual({ id: product.id, platform: 'TAOBAO', title: 'Google test item' });
  });

  it('keeps every operation in the persisted-documents manifest under the SHA-256 of its text', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    for (const [hash, text] of Object.entries(manifest)) expect(hash).toBe(`sha256:${createHash('sha256').update(text).digest('hex')}`);
    const hashes = [ProductPage, ListingPage, CrossPlatformLookup].map((doc) => doc.__meta__?.hash as string);
    expect(Object.keys(manifest).sort()).toEqual(hashes.sort());
  });

  it('is refused by the gateway when a hash does not match its text', async () => {
    const res = await fetch(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ platforms { code } }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    });
    const body = (await res.json()) as { data?: unknown; errors: unknown[] };
    expect(res.status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'BAD_REQUEST' } }]);
  });
});
