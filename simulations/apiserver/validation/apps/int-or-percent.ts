// intstr.IntOrString fields (maxSurge, maxUnavailable, minAvailable) and the
// checks apps validation runs on them; policy's PodDisruptionBudget reuses
// them as upstream does (policy/validation imports appsvalidation).
// src: pkg/apis/apps/validation/validation.go (ValidatePositiveIntOrPercent,
//      IsNotMoreThan100Percent, getPercentValue, getIntOrPercentValue),
//      staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go (IntValue)

import { invalid } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import type { JsonValue } from '../../../apimachinery/json.ts';
import { isValidPercent, validateNonnegativeField } from './shared-helpers.ts';

/** An IntOrString as JSON holds it: a number (Type Int) or a string (Type String). */
export type IntOrString = number | string;

/**
 * Reads an IntOrString field. A missing *IntOrString is undefined (nil); the
 * callers whose internal field is a plain IntOrString use `?? 0` (the zero
 * value is Int 0, which is what conversion from a nil v1 pointer gives).
 */
export function readIntOrString(v: JsonValue | undefined): IntOrString | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') return v;
  return undefined;
}

/** strconv.Atoi: the integer, or null when it does not parse. */
export function atoi(s: string): number | null {
  if (!/^[+-]?\d+$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

/** IntOrString.IntValue(): a string that is not an integer reads as 0. */
function intValue(v: IntOrString): number {
  return typeof v === 'number' ? v : (atoi(v) ?? 0);
}

/** getPercentValue: the number before '%' when the string is a valid percent. */
export function getPercentValue(v: IntOrString): number | null {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return null;
  return atoi(v.slice(0, -1)) ?? 0;
}

/** getIntOrPercentValue: a percent's number, else IntValue(). */
export function getIntOrPercentValue(v: IntOrString): number {
  return getPercentValue(v) ?? intValue(v);
}

/** ValidatePositiveIntOrPercent: a valid percent string or a non-negative integer. */
export function validatePositiveIntOrPercent(v: IntOrString, path: Path): ErrorList {
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  return validateNonnegativeField(v, path);
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(v: IntOrString, path: Path): ErrorList {
  const pct = getPercentValue(v);
  if (pct === null || pct <= 100) return [];
  return [invalid(path, v, 'must not be greater than 100%')];
}
