/** The tenant directory over the configured store: TENANTS_FILE, DATABASE_URL (migrated at start-up by default), or none. */
import type { TenantStoreSettings } from '../config/tenants';
import type { PlatformCredentials } from '../config/credentials';
import { fileTenantSource } from './fileTenantSource';
import { pgTenantSource } from './pgTenantSource';
import { TenantDirectory } from './tenantDirectory';
import type { TenantSource, WarningSink } from './tenantSource';

export async function openTenantDirectory(
  settings: TenantStoreSettings,
  defaultCredentials: PlatformCredentials,
  warn: WarningSink,
): Promise<TenantDirectory> {
  let source: TenantSource | null = null;
  if (settings.file) source = fileTenantSource(settings.file);
  if (settings.database) {
    const pg = pgTenantSource({ connectionString: settings.database.url, schema: settings.database.schema, warn });
    source = pg;
    if (settings.database.migrate)
      await pg.migrate().catch(async (err: unknown) => {
        await pg.close();
        throw err;
      });
  }
  try {
    return await TenantDirectory.open({
      source,
      defaultCredentials,
      secrets: { key: settings.credentialsKey, env: settings.env },
      refreshMs: settings.refreshMs,
      warn,
    });
  } catch (err) {
    await source?.close();
    throw err;
  }
}
