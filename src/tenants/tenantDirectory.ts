/**
 * Every tenant, indexed for authentication, refreshed from its store every `refreshMs`: changed
 * credentials, keys and budgets take effect within that interval, without a restart. A record that no
 * longer parses keeps its last good version (with a warning naming the tenant and field, never a value);
 * a store that cannot be read keeps the whole last snapshot.
 */
import type { PlatformCredentials } from '../config/credentials';
import { parseTenant, TenantRecordError } from './parseTenant';
import type { SecretSources } from './secretValue';
import { DEFAULT_TENANT_ID, type Tenant, type TenantClient } from './tenant';
import type { TenantSource, WarningSink } from './tenantSource';

export interface TenantDirectoryOptions {
  /** Null when only the environment's default tenant exists. */
  source: TenantSource | null;
  /** Today's environment credentials: the `default` tenant's, under any a stored `default` record sets. */
  defaultCredentials: PlatformCredentials;
  secrets: SecretSources;
  refreshMs: number;
  warn: WarningSink;
}

interface Snapshot {
  byId: Map<string, Tenant>;
  byKeyDigest: Map<string, { tenant: Tenant; client: TenantClient }>;
  byJwtClaim: Map<string, Tenant>;
}

export class TenantDirectory {
  private snapshot: Snapshot = index([]);
  private timer: NodeJS.Timeout | undefined;
  private refreshing: Promise<void> | undefined;

  private constructor(private readonly options: TenantDirectoryOptions) {}

  /** Loads every tenant once (any invalid record fails start-up) and starts refreshing. */
  static async open(options: TenantDirectoryOptions): Promise<TenantDirectory> {
    const directory = new TenantDirectory(options);
    await directory.load(true);
    if (options.source) {
      directory.timer = setInterval(() => void directory.refresh(), options.refreshMs);
      directory.timer.unref();
    }
    return directory;
  }

  tenant(id: string): Tenant | undefined {
    return this.snapshot.byId.get(id);
  }

  /** The client whose key has this digest (the caller compares the digest again in constant time). */
  clientByKeyDigest(digest: string): { tenant: Tenant; client: TenantClient } | undefined {
    return this.snapshot.byKeyDigest.get(digest);
  }

  tenantByJwtClaim(claim: string): Tenant | undefined {
    return this.snapshot.byJwtClaim.get(claim);
  }

  /** Re-reads the store now (the timer calls this; tests may too). Never rejects. */
  refresh(): Promise<void> {
    this.refreshing ??= this.load(false)
      .catch((err: unknown) =>
        this.options.warn(
          `tenants: refresh from ${this.options.source?.description} failed, keeping the last snapshot: ${(err as Error).message}`,
        ),
      )
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.refreshing;
    await this.options.source?.close();
  }

  private async load(strict: boolean): Promise<void> {
    const records = this.options.source ? await this.options.source.load() : [];
    const tenants = new Map<string, Tenant>();
    for (const record of records) {
      const tenant = this.parse(record, strict);
      if (tenant && tenants.has(tenant.id)) throw new TenantRecordError(`tenant ${tenant.id} is defined twice`);
      if (tenant) tenants.set(tenant.id, tenant);
    }
    const stored = tenants.get(DEFAULT_TENANT_ID);
    tenants.set(DEFAULT_TENANT_ID, {
      id: DEFAULT_TENANT_ID,
      clients: [],
      jwtTenantClaims: [],
      ...stored,
      credentials: { ...this.options.defaultCredentials, ...stored?.credentials },
    });
    this.snapshot = index([...tenants.values()]);
  }

  private parse(record: unknown, strict: boolean): Tenant | undefined {
    try {
      return parseTenant(record, this.options.secrets);
    } catch (err) {
      if (strict || !(err instanceof TenantRecordError)) throw err;
      const id = (record as { id?: unknown } | null)?.id;
      const previous = typeof id === 'string' ? this.snapshot.byId.get(id) : undefined;
      this.options.warn(`tenants: ${err.message}; ${previous ? 'keeping its last good version' : 'skipped'}`);
      return previous;
    }
  }
}

function index(tenants: readonly Tenant[]): Snapshot {
  const snapshot: Snapshot = { byId: new Map(), byKeyDigest: new Map(), byJwtClaim: new Map() };
  for (const tenant of tenants) {
    snapshot.byId.set(tenant.id, tenant);
    for (const client of tenant.clients) {
      if (client.keyDigest === undefined) continue;
      if (snapshot.byKeyDigest.has(client.keyDigest))
        throw new TenantRecordError(`tenant ${tenant.id} client ${client.id}: its key is already another client's`);
      snapshot.byKeyDigest.set(client.keyDigest, { tenant, client });
    }
    for (const claim of tenant.jwtTenantClaims) {
      if (snapshot.byJwtClaim.has(claim))
        throw new TenantRecordError(`tenant ${tenant.id}: JWT tenant claim value is already another tenant's`);
      snapshot.byJwtClaim.set(claim, tenant);
    }
  }
  return snapshot;
}
