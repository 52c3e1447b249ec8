/**
 * The settings of a gateway in front of a sandbox process it does not embed (`npm run start:replicas`,
 * the multi-process tests): every platform's sandbox credentials posing as real ones, its base URL at
 * that sandbox, and anonymous access.
 */
import { PLATFORM_MODULES } from '../src/platforms/registry';
import { SANDBOX_CREDENTIALS } from '../src/sandbox/credentials';
import { SANDBOX_PLATFORM_MODULES } from '../src/sandbox/platforms';

export function externalSandboxEnv(sandboxUrl: string): Record<string, string> {
  const env: Record<string, string> = { SANDBOX: 'off', AUTH: 'none' };
  for (const module of PLATFORM_MODULES) {
    const slug = SANDBOX_PLATFORM_MODULES.find((m) => m.code === module.code)!.slug;
    const credentials = SANDBOX_CREDENTIALS[module.code] as unknown as Record<string, string | undefined>;
    for (const variable of module.credentials.variables) {
      const value = credentials[variable.field] ?? variable.default;
      if (value !== undefined) env[variable.name] = value;
    }
    env[`${module.envPrefix}_BASE_URL`] = `${sandboxUrl}/${slug}`;
  }
  return env;
}
