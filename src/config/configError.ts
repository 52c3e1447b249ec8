/** A setting that is missing or invalid; `variable` names it, so a bad deploy says what to fix. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** The environment as `process.env` gives it. */
export type Env = Record<string, string | undefined>;
