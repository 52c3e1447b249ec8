import type { SandboxRequest } from '../../types';

/**
 * Reading WeChat JSON bodies strictly: numbers must be JSON numbers, flags 0 or 1. A bad parameter
 * throws ParamError, which the route answers with 9401020 (the mini shop's "invalid parameter").
 */

export class ParamError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ParamError';
  }
}

export interface IntRule {
  required?: boolean;
  min?: number;
  max?: number;
  /** The documented enumeration, when there is one. */
  allowed?: readonly number[];
}

/** An integer parameter: its value, or undefined when absent and optional. */
export function intParam(body: Record<string, unknown>, name: string, rule: IntRule = {}): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (rule.required) throw new ParamError(`${name} is required`);
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new ParamError(`${name} must be an integer`);
  if (rule.min !== undefined && value < rule.min) throw new ParamError(`${name} must be >= ${rule.min}`);
  if (rule.max !== undefined && value > rule.max) throw new ParamError(`${name} must be <= ${rule.max}`);
  if (rule.allowed && !rule.allowed.includes(value)) throw new ParamError(`${name} must be one of ${rule.allowed.join(', ')}`);
  return value;
}

/** A documented 0/1 switch (`need_edit_spu`, `need_real_stock`...); absent means 0. */
export function flagParam(body: Record<string, unknown>, name: string): boolean {
  return intParam(body, name, { allowed: [0, 1] }) === 1;
}

/** A non-empty string parameter, or undefined when absent or empty. */
export function stringParam(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ParamError(`${name} must be a string`);
  return value;
}

/** The request body when it is a JSON object; undefined otherwise (WeChat answers 47001). */
export function jsonBody(req: SandboxRequest): Record<string, unknown> | undefined {
  const json = req.json;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : undefined;
}
