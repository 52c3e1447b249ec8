import type { UpstreamGuard } from './upstreamGuard';

/** Budget of a call made without a request deadline (scripts, tests of a client alone). */
const DEFAULT_BUDGET_MS = 10_000;

export interface GuardedCallOptions {
  /** The platform's guard; adapters built by the registry always have one. */
  guard?: UpstreamGuard | undefined;
  timeoutMs: number;
}

/**
 * Runs one upstream attempt function under the platform's guard (pacing, breaker, retries, deadline).
 * `attempt` gets the timeout for this try and must do the whole call: send, parse, map the
 * platform's error codes to UpstreamError, so the guard can tell transient failures from refusals.
 */
export function guardedCall<T>(
  options: GuardedCallOptions,
  call: { endpoint: string; credentialKey: string; deadline?: number | undefined; purpose?: 'call' | 'token'; idCount?: number },
  attempt: (timeoutMs: number) => Promise<T>,
): Promise<T> {
  if (!options.guard) return attempt(options.timeoutMs);
  return options.guard.run({ ...call, deadline: call.deadline ?? Date.now() + DEFAULT_BUDGET_MS }, attempt);
}
