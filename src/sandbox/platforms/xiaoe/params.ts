/**
 * Readers for Xiaoe's JSON business parameters. A bad parameter throws `ParameterProblem`, which the
 * handlers answer with the parameter error code; the checks are strict (integers must be JSON integers)
 * so a client that passes here sends what the real platform expects.
 */
import type { SandboxRequest } from '../../types';

export class ParameterProblem extends Error {}

export type JsonObject = Record<string, unknown>;

/** The JSON object body, or undefined when the body is not a JSON object. */
export function jsonBody(req: SandboxRequest): JsonObject | undefined {
  const json = req.json;
  return json !== null && typeof json === 'object' && !Array.isArray(json) ? (json as JsonObject) : undefined;
}

/** The body without `access_token`, for the request log. */
export function withoutToken(body: JsonObject | undefined): JsonObject {
  if (!body) return {};
  const { access_token: _token, ...rest } = body;
  return rest;
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null;
}

export function optionalInt(body: JsonObject, name: string, min: number, max: number): number | undefined {
  const value = body[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ParameterProblem(`${name} must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** A 0/1 switch; absent means "not passed" (the detail page: 不传默认返回所有数据). */
export function optionalFlag(body: JsonObject, name: string): 0 | 1 | undefined {
  return optionalInt(body, name, 0, 1) as 0 | 1 | undefined;
}

export function optionalString(body: JsonObject, name: string): string | undefined {
  const value = body[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'string') throw new ParameterProblem(`${name} must be a string`);
  return value;
}

export function optionalBoolean(body: JsonObject, name: string): boolean | undefined {
  const value = body[name];
  if (isAbsent(value)) return undefined;
  if (typeof value !== 'boolean') throw new ParameterProblem(`${name} must be a boolean`);
  return value;
}
