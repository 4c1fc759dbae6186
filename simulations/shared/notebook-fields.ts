// Readers for the fields of the notebook's own kinds (kube-notebook.dev/v1alpha1 scenarios):
// each takes the parsed object and the field's path, so a bad value is a located 400 worded
// as the API server words field errors.

import { parseGoDuration } from '../apimachinery/parse-duration.ts';
import { LimitExceededError, ValidationError, describeValue } from './errors.ts';
import type { FieldPath } from './errors.ts';

export type FieldMap = Record<string, unknown>;

export const isFieldMap = (v: unknown): v is FieldMap => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A Go duration ("30s", "1m30s") in milliseconds, 0 or more. */
export function durationField(object: object, path: FieldPath, value: unknown): number {
  if (value === undefined || value === null) throw new ValidationError('Required value: a duration such as "30s"', { object, path });
  const ms = parseGoDuration(value);
  if (typeof ms === 'string') throw new ValidationError(`Invalid value: ${describeValue(value)}: ${ms}`, { object, path });
  if (ms < 0) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be greater than or equal to 0`, { object, path });
  return Math.round(ms);
}

/** A non-empty string; undefined when absent and not required. */
export function stringField(object: object, path: FieldPath, value: unknown, required = true): string | undefined {
  if (value === undefined || value === null) {
    if (required) throw new ValidationError('Required value', { object, path });
    return undefined;
  }
  if (typeof value !== 'string' || value === '') throw new ValidationError(`Invalid value: ${describeValue(value)}: must be a non-empty string`, { object, path });
  return value;
}

/** An integer from min; above max is this simulation's limit (LimitExceededError). */
export function intField(object: object, path: FieldPath, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be an integer`, { object, path });
  if (value < min) throw new ValidationError(`Invalid value: ${value}: must be greater than or equal to ${min}`, { object, path });
  if (value > max) throw new LimitExceededError(`must be at most ${max} in this simulation, got ${value}`, { object, path });
  return value;
}

/** Refuses a field the kind does not have, naming the ones it has. */
export function knownFields(object: object, path: FieldPath, value: FieldMap, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new ValidationError(`unknown field "${key}" (allowed: ${allowed.join(', ')})`, { object, path: [...path, key] });
  }
}
