// IntOrString: `3` or `"25%"`, as Deployments (maxSurge, maxUnavailable),
// PodDisruptionBudgets and probes' ports take them.
// src: staging/src/k8s.io/apimachinery/pkg/util/intstr/intstr.go
// (GetScaledValueFromIntOrPercent, getIntOrPercentValueSafely, ValueOrDefault).

/** An IntOrString as it appears in JSON: a number is Type Int, a string is Type String. */
export type IntOrString = number | string;

/** Why an IntOrString could not be resolved, worded as intstr.go words it. */
export class IntOrStringError extends Error {
  override readonly name = 'IntOrStringError';
}

const DECIMAL = /^[+-]?[0-9]+$/;
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;

/**
 * Go's strconv.Atoi on a 64-bit platform: the value, or the NumError text
 * (`strconv.Atoi: parsing "x": invalid syntax` / `value out of range`).
 */
export function goAtoi(s: string): { value: number; error: null } | { value: 0; error: string } {
  if (!DECIMAL.test(s)) return { value: 0, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax` };
  const big = BigInt(s);
  if (big > INT64_MAX || big < INT64_MIN) return { value: 0, error: `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range` };
  return { value: Number(big), error: null };
}

/**
 * intstr.GetScaledValueFromIntOrPercent: an int is taken as is; "<n>%" is n% of
 * `total`, rounded up or down; any other string is an error.
 *
 * @example
 *   getScaledValueFromIntOrPercent('25%', 10, true)   // 3
 *   getScaledValueFromIntOrPercent('25%', 10, false)  // 2
 *   getScaledValueFromIntOrPercent('5', 10, true)     // throws: invalid value for IntOrString: invalid type: string is not a percentage
 */
export function getScaledValueFromIntOrPercent(intOrPercent: IntOrString | null | undefined, total: number, roundUp: boolean): number {
  if (intOrPercent === null || intOrPercent === undefined) throw new IntOrStringError('nil value for IntOrString');
  const { value, isPercent } = intOrPercentValueSafely(intOrPercent);
  if (!isPercent) return value;
  // math.Ceil / math.Floor of float64(value) * float64(total) / 100, exactly as Go orders the operations.
  const scaled = (value * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

function intOrPercentValueSafely(v: IntOrString): { value: number; isPercent: boolean } {
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) throw new IntOrStringError('invalid value for IntOrString: invalid type: neither int nor percentage');
    return { value: v, isPercent: false };
  }
  if (typeof v !== 'string') throw new IntOrStringError('invalid value for IntOrString: invalid type: neither int nor percentage');
  if (!v.endsWith('%')) throw new IntOrStringError('invalid value for IntOrString: invalid type: string is not a percentage');
  const parsed = goAtoi(v.slice(0, -1));
  if (parsed.error !== null) throw new IntOrStringError(`invalid value for IntOrString: invalid value ${JSON.stringify(v)}: ${parsed.error}`);
  return { value: parsed.value, isPercent: true };
}
