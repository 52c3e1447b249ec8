/** Who may call the gateway and how: the settings of src/auth/, src/tenants/ and src/access/, read together. */
import { readAuthSettings, type AuthSettings } from './auth';
import { readCorsSettings, type CorsSettings } from './browser';
import { readText, type Env } from './envValues';
import { readExposureSettings, type ExposureSettings } from './production';
import { readTenantStoreSettings, type TenantStoreSettings } from './tenants';

export interface AccessSettings {
  auth: AuthSettings;
  tenants: TenantStoreSettings;
  cors: CorsSettings;
  /** `TRUSTED_DOCUMENTS`: a persisted-documents manifest; only its operations run (README, "Trusted documents"). */
  trustedDocuments: string | null;
  exposure: ExposureSettings;
}

/** `realCredentials`: some platform is configured with credentials for its real host. */
export function readAccessSettings(env: Env, context: { realCredentials: boolean }): AccessSettings {
  const tenants = readTenantStoreSettings(env);
  // A tenant store means real merchants, whatever the platforms' hosts.
  const real = { realCredentials: context.realCredentials || tenants.file !== null || tenants.database !== null };
  return {
    auth: readAuthSettings(env, real),
    tenants,
    cors: readCorsSettings(env, real),
    trustedDocuments: readText(env, 'TRUSTED_DOCUMENTS') ?? null,
    exposure: readExposureSettings(env),
  };
}
