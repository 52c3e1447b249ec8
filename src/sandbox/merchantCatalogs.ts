/**
 * One platform's merchants: their credentials on that platform and their catalogs. The default
 * merchant's catalog is built at start (as before merchants existed); an extra merchant's on first use,
 * so extra merchants cost nothing until a test calls them.
 */
import { DEFAULT_MERCHANT } from './merchantNames';
import type { SandboxCredentialSet, SandboxMerchantInit } from './types';

/** A merchant as a platform module sees it; `K` is the platform's credential type. */
export interface SandboxMerchant<C, K> {
  name: string;
  credentials: K;
  catalog: C;
}

export interface MerchantCatalogsInit<C, K> {
  defaultCatalog: C;
  defaultCredentials: K;
  extras: readonly SandboxMerchantInit[] | undefined;
  /** This platform's credentials out of a merchant's set (e.g. `set.TAOBAO`). */
  pick: (set: SandboxCredentialSet) => K;
  /** The value requests identify the merchant by (e.g. Taobao's app_key). */
  keyOf: (credentials: K) => string;
  /** An extra merchant's catalog, from its seed (and name). */
  build: (merchant: SandboxMerchantInit) => C;
}

export class MerchantCatalogs<C, K> {
  /** Built merchants; an extra merchant stays a SandboxMerchantInit until first used. */
  private readonly merchants = new Map<string, SandboxMerchant<C, K> | { init: SandboxMerchantInit; credentials: K }>();
  private readonly byKey = new Map<string, string>();
  private readonly build: (merchant: SandboxMerchantInit) => C;

  constructor(init: MerchantCatalogsInit<C, K>) {
    this.build = init.build;
    this.merchants.set(DEFAULT_MERCHANT, { name: DEFAULT_MERCHANT, credentials: init.defaultCredentials, catalog: init.defaultCatalog });
    this.byKey.set(init.keyOf(init.defaultCredentials), DEFAULT_MERCHANT);
    for (const merchant of init.extras ?? []) {
      const credentials = init.pick(merchant.credentials);
      this.merchants.set(merchant.name, { init: merchant, credentials });
      this.byKey.set(init.keyOf(credentials), merchant.name);
    }
  }

  /** The merchant's name for an identifying credential value, without building anything. */
  nameOf(key: string | null | undefined): string | undefined {
    return key == null ? undefined : this.byKey.get(key);
  }

  /** The merchant identified by a credential value (e.g. an app key), or undefined. */
  withKey(key: string | null | undefined): SandboxMerchant<C, K> | undefined {
    const name = this.nameOf(key);
    return name === undefined ? undefined : this.named(name);
  }

  /** The merchant of that name, its catalog built on first use; undefined for an unknown name. */
  named(name: string): SandboxMerchant<C, K> | undefined {
    const entry = this.merchants.get(name);
    if (!entry || !('init' in entry)) return entry;
    const built = { name, credentials: entry.credentials, catalog: this.build(entry.init) };
    this.merchants.set(name, built);
    return built;
  }
}
