/**
 * The sandbox: one local HTTP server standing in for the five merchant APIs (see README.md).
 * `startSandbox()` builds the catalogs once, listens, and returns the base URLs and `close()`.
 */
import type { Server } from 'node:http';
import { deriveSeed } from './data/random';
import { listen } from './listen';
import { extraMerchants } from './merchants';
import { DEFAULT_HOST, resolveSandboxOptions } from './options';
import { SANDBOX_PLATFORM_MODULES } from './platforms';
import { createSandboxServer } from './server';
import { SandboxState } from './state';
import type { PlatformSandbox, ResolvedSandboxOptions, SandboxOptions, SandboxPlatformName } from './types';

export type * from './types';
export { SANDBOX_PLATFORM_MODULES, SANDBOX_PLATFORMS } from './platforms';
export { SANDBOX_CREDENTIALS } from './credentials';
export { DEFAULT_MERCHANT, extraMerchants, merchantCredentials, merchantNames } from './merchants';
export { resolveSandboxOptions } from './options';

export interface StartSandboxOptions extends SandboxOptions {
  /**
   * The platform stand-ins to serve (default: all five, built from the seed and size, with the extra
   * merchants of `merchants`). With these, `merchants` defaults to 1: pass the factories
   * `merchants: extraMerchants(seed, name, n)` and `merchants: n` here to serve extra merchants.
   */
  platforms?: PlatformSandbox[];
}

export interface RunningSandbox {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  /** Each platform's base URL: `url + '/taobao'`, ... */
  baseUrls: Record<SandboxPlatformName, string>;
  /** Stops listening and ends every open connection, hanging ones included. */
  close(): Promise<void>;
}

/** Starts a sandbox; `port` defaults to 0 (a free port), `host` to 127.0.0.1. */
export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  // Platforms built by the caller serve the merchants they were built with: the default one unless
  // they were given `merchants: extraMerchants(...)`, so the admin API lists only the default by default.
  const merchants = options.merchants ?? (options.platforms ? 1 : undefined);
  const resolved = resolveSandboxOptions(merchants === undefined ? options : { ...options, merchants });
  const platforms = options.platforms ?? buildDefaultPlatforms(resolved);
  const state = new SandboxState(resolved, platforms, options.faultSeed ?? resolved.seed, options.faults ?? []);
  const server = createSandboxServer(state);
  const port = await listen(server, options.port ?? 0, options.host ?? DEFAULT_HOST);
  const host = options.host ?? DEFAULT_HOST;
  state.url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return { url: state.url, port, baseUrls: state.baseUrls(), close: () => closeServer(server, state) };
}

function buildDefaultPlatforms(options: ResolvedSandboxOptions): PlatformSandbox[] {
  return SANDBOX_PLATFORM_MODULES.map(({ slug, create }) =>
    create({
      seed: deriveSeed(options.seed, slug),
      size: options.size[slug],
      merchants: extraMerchants(options.seed, slug, options.merchants),
    }),
  );
}

function closeServer(server: Server, state: SandboxState): Promise<void> {
  state.close();
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
