/**
 * Cost settings (README, "Configuration"): the most upstream calls one operation may be estimated at,
 * and the budget of anonymous clients (AUTH=none), which have none unless one is set here.
 */
import type { BudgetPolicy } from '../cost/budgetStore';
import { ConfigError } from './configError';

export interface CostSettings {
  /** `COST_MAX_CALLS`: an operation estimated above this is refused (COST_LIMIT_EXCEEDED). Default 60. */
  maxCallsPerOperation: number;
  /**
   * `COST_ANONYMOUS_BUDGET` (calls a bucket holds) and `COST_ANONYMOUS_RESTORE_PER_SECOND` (default a
   * sixtieth of it: a full bucket per minute): each anonymous client address's budget; null (the
   * default) for none.
   */
  anonymousBudget: BudgetPolicy | null;
}

export const DEFAULT_MAX_CALLS_PER_OPERATION = 60;

type Env = Record<string, string | undefined>;

export function parseCostSettings(env: Env): CostSettings {
  const maxCallsPerOperation = readCount(env, 'COST_MAX_CALLS') ?? DEFAULT_MAX_CALLS_PER_OPERATION;
  const limit = readCount(env, 'COST_ANONYMOUS_BUDGET');
  const restore = readRate(env, 'COST_ANONYMOUS_RESTORE_PER_SECOND');
  if (limit === undefined && restore !== undefined) {
    throw new ConfigError('COST_ANONYMOUS_RESTORE_PER_SECOND', 'is set but COST_ANONYMOUS_BUDGET is not');
  }
  const anonymousBudget = limit === undefined ? null : { limit, restorePerSecond: restore ?? limit / 60 };
  return { maxCallsPerOperation, anonymousBudget };
}

/** A whole number of calls, at least 1; undefined when unset. */
export function readCount(env: Env, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new ConfigError(name, `must be a whole number of at least 1, got "${value}"`);
  }
  return Number(value);
}

function readRate(env: Env, name: string): number | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const rate = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(rate > 0)) throw new ConfigError(name, `must be a positive number, got "${value}"`);
  return rate;
}
