/**
 * The fault engine: which routed request gets which fault. Rules are tried in order; the first rule
 * that matches the platform (and operation, when it names one), is not spent, and wins its `rate`
 * draw applies. One seeded PRNG draws rates and jitter, and it restarts from `faultSeed` whenever the
 * rules are set or the sandbox is reset, so the same rules and the same request sequence give the
 * same faults on every run.
 */
import { Rng } from './data/random';
import { SANDBOX_PLATFORMS } from './platforms';
import type { FaultKind, FaultRule, SandboxPlatformName } from './types';

const RULE_FIELDS = ['platform', 'operation', 'kind', 'rate', 'count', 'latencyMs', 'jitterMs', 'code', 'status', 'message'] as const;
const FAULT_KINDS: readonly FaultKind[] = ['latency', 'error', 'http', 'reset', 'non-json', 'html', 'hang'];

/** A fault chosen for one request. */
export interface FaultDecision {
  rule: FaultRule;
  /** Delay before the fault acts (or, for 'latency', before the normal answer). */
  delayMs: number;
}

/** A rule as `GET /__sandbox/faults` lists it: `remaining` is left of `count` (absent = unlimited). */
export type ListedFaultRule = FaultRule & { remaining?: number };

export class FaultEngine {
  private rulesInForce: FaultRule[] = [];
  /** How many more times each rule may fire (Infinity without `count`), by index in `rulesInForce`. */
  private remaining: number[] = [];
  private rng: Rng;

  constructor(
    private readonly seed: number,
    rules: readonly FaultRule[] = [],
  ) {
    this.rng = new Rng(seed);
    this.setRules(rules);
  }

  /** Replaces every rule; an empty list clears them. Throws a TypeError on an invalid rule. */
  setRules(rules: readonly unknown[]): void {
    this.rulesInForce = rules.map((rule, i) => validateFaultRule(rule, i));
    this.reset();
  }

  list(): ListedFaultRule[] {
    return this.rulesInForce.map((rule, i) => {
      const left = this.remaining[i] ?? 0;
      return Number.isFinite(left) ? { ...rule, remaining: left } : { ...rule };
    });
  }

  /** Restores every rule's `count` and restarts the PRNG; the rules stay. */
  reset(): void {
    this.remaining = this.rulesInForce.map((rule) => rule.count ?? Infinity);
    this.rng = new Rng(this.seed);
  }

  decide(platform: SandboxPlatformName, operation: string): FaultDecision | undefined {
    for (let i = 0; i < this.rulesInForce.length; i++) {
      const rule = this.rulesInForce[i]!;
      if (rule.platform !== platform || (rule.operation !== undefined && rule.operation !== operation)) continue;
      if ((this.remaining[i] ?? 0) <= 0) continue;
      const rate = rule.rate ?? 1;
      // Only partial rates draw, so adding a rate-1 rule does not shift another rule's draws.
      if (rate < 1 && !(this.rng.next() < rate)) continue;
      this.remaining[i] = (this.remaining[i] ?? 0) - 1;
      const jitter = rule.jitterMs ? Math.floor(this.rng.next() * (rule.jitterMs + 1)) : 0;
      return { rule, delayMs: (rule.latencyMs ?? 0) + jitter };
    }
    return undefined;
  }
}

/** Checks one rule as received from options or the admin API; the message names the bad field. */
export function validateFaultRule(input: unknown, index: number): FaultRule {
  const where = `faults[${index}]`;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError(`${where} must be an object`);
  const rule = input as Record<string, unknown>;
  if (!SANDBOX_PLATFORMS.includes(rule.platform as SandboxPlatformName)) {
    throw new TypeError(`${where}.platform must be one of ${SANDBOX_PLATFORMS.join(', ')}`);
  }
  if (!FAULT_KINDS.includes(rule.kind as FaultKind)) throw new TypeError(`${where}.kind must be one of ${FAULT_KINDS.join(', ')}`);
  if (rule.operation !== undefined && typeof rule.operation !== 'string') throw new TypeError(`${where}.operation must be a string`);
  if (rule.message !== undefined && typeof rule.message !== 'string') throw new TypeError(`${where}.message must be a string`);
  checkNumber(where, rule, 'rate', 0, 1, false);
  checkNumber(where, rule, 'count', 1, Number.MAX_SAFE_INTEGER, true);
  checkNumber(where, rule, 'latencyMs', 0, 3_600_000, true);
  checkNumber(where, rule, 'jitterMs', 0, 3_600_000, true);
  checkNumber(where, rule, 'status', 400, 599, true);
  if (rule.kind === 'error' && typeof rule.code !== 'string' && typeof rule.code !== 'number') {
    throw new TypeError(`${where}.code (the platform error code) is required for kind 'error'`);
  }
  if (rule.code !== undefined && typeof rule.code !== 'string' && typeof rule.code !== 'number') {
    throw new TypeError(`${where}.code must be a string or a number`);
  }
  return pickKnownFields(rule);
}

/** Keeps only the documented fields, so a typo'd field is not listed back as if it did something. */
function pickKnownFields(rule: Record<string, unknown>): FaultRule {
  const out: Record<string, unknown> = {};
  for (const field of RULE_FIELDS) if (rule[field] !== undefined) out[field] = rule[field];
  return out as unknown as FaultRule;
}

function checkNumber(where: string, rule: Record<string, unknown>, field: string, min: number, max: number, integer: boolean): void {
  const value = rule[field];
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new TypeError(
      `${where}.${field} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], but got ${JSON.stringify(value)}`,
    );
  }
}
