/**
 * One platform's settings and credentials, from its descriptor (src/platforms/<platform>/index.ts)
 * and the `<PREFIX>_*` variables. Real credentials move it to its real host; without them it is
 * served by the embedded sandbox, or unconfigured when the sandbox is off.
 */
import type { PlatformSettings } from '../platforms/platformSettings';
import type { CredentialSpec, PlatformModule } from '../platforms/types';
import { ConfigError, type Env } from './configError';
import { nonEmpty, readPositiveInt, readQuota, readUrl } from './readers';
import { readResilience } from './resilience';

export interface PlatformConfig<C> {
  settings: PlatformSettings;
  /** Absent for a platform with neither real credentials nor a sandbox. */
  credentials: C | undefined;
}

/** `sandbox`: the embedded sandbox's URL and its fixed credentials for this platform, or null when it is off. */
export function readPlatformConfig<C>(
  env: Env,
  module: PlatformModule<C>,
  sandbox: { url: string; credentials: C | undefined } | null,
): PlatformConfig<C> {
  const prefix = module.envPrefix;
  const configured = readQuota(env, `${prefix}_RATE_LIMIT`);
  const common = {
    timeoutMs: readPositiveInt(env, `${prefix}_TIMEOUT_MS`, module.defaultTimeoutMs),
    quota: configured !== undefined ? configured : module.documentedQuota,
    resilience: readResilience(env, prefix),
  };
  const real = readCredentials(env, module.credentials);
  if (real) {
    return {
      settings: { baseUrl: readUrl(env, `${prefix}_BASE_URL`) ?? module.realBaseUrl, sandbox: false, ...common },
      credentials: real,
    };
  }
  const baseUrlVariable = `${prefix}_BASE_URL`;
  if (nonEmpty(env[baseUrlVariable])) {
    throw new ConfigError(
      baseUrlVariable,
      `is set but ${module.credentials.variables[0]?.name} is not: a real host needs real credentials`,
    );
  }
  if (sandbox)
    return { settings: { baseUrl: `${sandbox.url}/${module.slug}`, sandbox: true, ...common }, credentials: sandbox.credentials };
  return { settings: { baseUrl: module.realBaseUrl, sandbox: false, ...common }, credentials: undefined };
}

/** The platform's real credentials, when any of its required variables is set (then all must be). */
function readCredentials<C>(env: Env, spec: CredentialSpec<C>): C | undefined {
  const required = spec.variables.filter((v) => v.default === undefined).map((v) => v.name);
  const present = required.filter((name) => nonEmpty(env[name]));
  if (present.length === 0) return undefined;
  const missing = required.find((name) => !nonEmpty(env[name]));
  if (missing) throw new ConfigError(missing, `is required when ${present.join(', ')} ${present.length > 1 ? 'are' : 'is'} set`);
  const values = new Map<string, string>();
  for (const variable of spec.variables) {
    const value = nonEmpty(env[variable.name]) ? env[variable.name]! : (variable.default ?? '');
    if (variable.oneOf && !variable.oneOf.includes(value)) {
      throw new ConfigError(variable.name, `must be one of ${variable.oneOf.join(', ')}, got "${value}"`);
    }
    values.set(variable.name, value);
  }
  return spec.read((name) => values.get(name) ?? '');
}
